import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from './support/test-app';
import { disputeData, PARTIES, record, recordTownship, registerUser } from './support/township';

interface Activity {
  position: string;
  type: string;
  stream: string;
  occurredOn: string;
  recordedAt: string;
  actor: Record<string, unknown>;
}

/** The `activity` messages a client replaying from `Last-Event-ID` gets before its first `summary`, and the raw text. */
const replayFromStart = (url: string, token: string): Promise<{ activities: Activity[]; text: string }> =>
  new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream', 'Last-Event-ID': '0' },
        agent: false,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
          if (!text.includes('event: summary')) return;
          req.destroy();
          const activities = text
            .split('\n\n')
            .filter((block) => block.includes('event: activity'))
            .map(
              (block) =>
                JSON.parse(
                  block
                    .split('\n')
                    .find((l) => l.startsWith('data: '))!
                    .slice(6),
                ) as Activity,
            );
          resolve({ activities, text: text.slice(0, text.indexOf('event: summary')) });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });

const SUBJECT = 'live-subject-zhang';

describe('what the live feed tells each role', () => {
  let t: TestApp;
  let url: string;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/api/v1/live`;
    await recordTownship(t);
    for (const role of ['supervisor', 'clerk', 'auditor'])
      tokens[role] = await registerUser(t, { userId: `live-${role}`, name: `${role}者`, role });
    await record(
      t,
      'RegisterDispute',
      disputeData('LIVE-D1', { parties: [{ subjectId: SUBJECT, ...PARTIES.zhangXiuying }] }),
    );
    // An auditor reads personal data (a disclosure is recorded), then a subject is erased.
    await t.get('/api/v1/streams/dispute-LIVE-D1?reveal=personal-data&reason=核查', tokens.auditor).expect(200);
    await record(t, 'ErasePersonalData', { subjectId: SUBJECT, reason: '当事人申请删除' });
  });
  afterAll(() => t.close());

  it.each(['supervisor', 'clerk'])(
    'tells a %s nothing of users, disclosures or data subjects, even replaying from Last-Event-ID 0',
    async (role) => {
      const { activities, text } = await replayFromStart(url, tokens[role]);
      expect(activities.map((a) => a.type)).toEqual(expect.arrayContaining(['TermOpened', 'DisputeRegistered']));
      for (const activity of activities) {
        expect(['users', 'disclosures', 'subject']).not.toContain(activity.stream);
        expect(activity.stream.startsWith('subject-')).toBe(false);
        expect(Object.keys(activity).sort()).toEqual([
          'actor',
          'occurredOn',
          'position',
          'recordedAt',
          'stream',
          'type',
        ]);
        expect(Object.keys(activity.actor)).toEqual(['role']);
      }
      for (const type of ['UserRegistered', 'PersonalDataDisclosed', 'PersonalDataErased'])
        expect(text).not.toContain(type);
      for (const secret of [PARTIES.zhangXiuying.name, SUBJECT, 'live-auditor', '核查'])
        expect(text).not.toContain(secret);
    },
  );

  it('tells an auditor that users changed and personal data was read or erased, still without whom', async () => {
    const { activities, text } = await replayFromStart(url, tokens.auditor);
    expect(activities.map((a) => a.type)).toEqual(
      expect.arrayContaining(['UserRegistered', 'PersonalDataDisclosed', 'PersonalDataErased']),
    );
    expect(activities.find((a) => a.type === 'PersonalDataErased')?.stream).toBe('subject');
    for (const secret of [PARTIES.zhangXiuying.name, SUBJECT, '核查']) expect(text).not.toContain(secret);
  });
});
