import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from './support/test-app';
import { openTestApp, stopKeepingData } from './support/reopen';
import { CHINESE, expectNotFound, expectRefused, expectRule } from './support/refusals';
import { filesHolding } from './support/stored-bytes';
import {
  allStoredEvents,
  disputeData,
  envelope,
  PARTIES,
  record,
  recordTownship,
  registerUser,
  TERM,
  wholeLogText,
} from './support/township';

const DISPUTE = 'TJ-2013-021';
const STREAM = `/api/v1/streams/dispute-${DISPUTE}`;
const ZHANG = 'DSR-2013-0001';
const REASON = '复核调解协议';
const reveal = (path: string, reason = REASON) =>
  `${path}${path.includes('?') ? '&' : '?'}reveal=personal-data&reason=${encodeURIComponent(reason)}`;

/** What must never be shown or stored in clear: both parties' names, ID numbers and phones. */
const SECRETS = Object.values(PARTIES).flatMap((p) => [p.name, p.idNumber, p.phone]);
const expectNoPersonalData = (text: string) => {
  for (const secret of SECRETS) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
};

type Party = { subjectId: string; name?: string; idNumber?: string; phone?: string; erased?: boolean };
const partiesIn = (body: { events: { type: string; data: { parties?: Party[] } }[] }): Party[] =>
  body.events.find((e) => e.type === 'DisputeRegistered')?.data.parties ?? [];

/**
 * Dispute parties are personal data (个人信息保护法): sealed before they are hashed and stored,
 * shown only to an auditor or admin who asks with a reason (and that read is recorded), and
 * erased for good by destroying the subject's key — also against a key restored from a backup.
 */
describe('personal data of dispute parties', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let li: string;

  beforeAll(async () => {
    t = await startTestApp();
    await recordTownship(t);
    tokens.clerk = await registerUser(t, { userId: 'liu-kuaiji', name: '刘会计', role: 'clerk' });
    tokens.auditor = await registerUser(t, { userId: 'zhao-shenji', name: '赵审计', role: 'auditor' });
    tokens.supervisor = await registerUser(t, { userId: 'sun-zhuren', name: '孙主任', role: 'supervisor' });
    // One party with the subject id the office gave her, one left to the ledger to number.
    const parties = [{ subjectId: ZHANG, ...PARTIES.zhangXiuying }, { ...PARTIES.liJianguo }];
    await t.command(envelope('RegisterDispute', disputeData(DISPUTE, { parties })), tokens.clerk).expect(201);
    const [stored] = await t.runtime.events.readStream(`dispute-${DISPUTE}`);
    li = (stored.data as { subjectIds: string[] }).subjectIds[1];
  });
  afterAll(() => t.close());

  const disclosures = async () => t.runtime.events.readStream('disclosures');

  describe('as stored', () => {
    it('gives every party a subject, and keeps only subject ids readable in the event', async () => {
      const [stored] = await t.runtime.events.readStream(`dispute-${DISPUTE}`);
      expect(li).toEqual(expect.any(String));
      expect(li).not.toBe(ZHANG);
      expect((stored.data as { subjectIds: string[] }).subjectIds).toEqual([ZHANG, li]);
    });

    it('never holds a name, ID number or phone in clear in the log', async () => {
      const log = await wholeLogText(t);
      expect(log).toContain('宅基地界址'); // the dispute itself is there, in clear
      expectNoPersonalData(log);
    });

    it('never holds them in the raw bytes of any stored file (events.db, read-models.db, their WAL, secrets)', async () => {
      expect(filesHolding(t.dataDir, '宅基地界址')).toEqual(
        expect.arrayContaining([expect.stringMatching(/^events\.db/)]),
      );
      for (const secret of SECRETS)
        expect({ secret, files: filesHolding(t.dataDir, secret) }).toEqual({ secret, files: [] });
    });
  });

  describe('reading without asking', () => {
    it.each(['auditor', 'admin'])(
      'shows the parties to an %s by subject only, and records no disclosure',
      async (role) => {
        const before = await disclosures();
        const { body } = await t.get(STREAM, role === 'admin' ? undefined : tokens[role]).expect(200);
        expect(partiesIn(body)).toEqual([{ subjectId: ZHANG }, { subjectId: li }]);
        expectNoPersonalData(JSON.stringify(body));
        const log = await t
          .get('/api/v1/events?type=DisputeRegistered', role === 'admin' ? undefined : tokens[role])
          .expect(200);
        expect(partiesIn(log.body)).toEqual([{ subjectId: ZHANG }, { subjectId: li }]);
        expectNoPersonalData(JSON.stringify(log.body));
        expect(await disclosures()).toEqual(before);
      },
    );
  });

  describe('revealing with a reason', () => {
    it('shows an auditor the names and records PersonalDataDisclosed on `disclosures`', async () => {
      const before = (await disclosures()).length;
      const { body } = await t.get(reveal(STREAM), tokens.auditor).expect(200);
      expect(partiesIn(body)).toEqual([
        { subjectId: ZHANG, ...PARTIES.zhangXiuying },
        { subjectId: li, ...PARTIES.liJianguo },
      ]);
      const recorded = await disclosures();
      expect(recorded).toHaveLength(before + 1);
      expect(recorded.at(-1)).toMatchObject({
        type: 'PersonalDataDisclosed',
        stream: 'disclosures',
        data: { subjectIds: [ZHANG, li], reason: REASON, actor: { userId: 'zhao-shenji', role: 'auditor' } },
        metadata: { actor: { userId: 'zhao-shenji', role: 'auditor' } },
      });
      expectNoPersonalData(JSON.stringify(recorded));
    });

    it('shows an admin the names through the global log and records that read too', async () => {
      const { body } = await t.get(reveal('/api/v1/events?type=DisputeRegistered', '信访复查')).expect(200);
      expect(partiesIn(body).map((p) => p.name)).toEqual([PARTIES.zhangXiuying.name, PARTIES.liJianguo.name]);
      expect((await disclosures()).at(-1)).toMatchObject({
        data: { subjectIds: [ZHANG, li], reason: '信访复查', actor: { userId: 'admin', role: 'admin' } },
      });
    });

    it.each([
      ['no reason', `${STREAM}?reveal=personal-data`],
      ['an empty reason', `${STREAM}?reveal=personal-data&reason=`],
      ['a blank reason', `${STREAM}?reveal=personal-data&reason=${encodeURIComponent('   ')}`],
      ['no reason, on the global log', '/api/v1/events?reveal=personal-data'],
      ['something else to reveal', `${STREAM}?reveal=everything&reason=${encodeURIComponent(REASON)}`],
    ])('answers a request to reveal with %s with 400, showing and recording nothing', async (_, path) => {
      const before = await t.runtime.events.headPosition();
      const response = await t.get(path, tokens.auditor).expect(400);
      expect(response.body).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
        detail: expect.stringMatching(CHINESE),
      });
      expectNoPersonalData(JSON.stringify(response.body));
      expect(await t.runtime.events.headPosition()).toBe(before);
    });

    it.each(['supervisor', 'clerk'])(
      'refuses a %s who asks to reveal (403), showing and recording nothing',
      async (role) => {
        const before = await t.runtime.events.headPosition();
        for (const path of [reveal(STREAM), reveal('/api/v1/events')]) {
          const response = await t.get(path, tokens[role]).expect(403);
          expectNoPersonalData(JSON.stringify(response.body));
        }
        expect(await t.runtime.events.headPosition()).toBe(before);
      },
    );
  });

  it('never gives a supervisor personal data in any answer', async () => {
    const answers = await Promise.all(
      [
        `/api/v1/terms/${TERM.termId}/summary`,
        `/api/v1/terms/${TERM.termId}/summary/evidence?figure=disputes.registered`,
        '/api/v1/villages/lijiazhuang/ledger',
        '/api/v1/terms',
        STREAM,
        reveal(STREAM),
        '/api/v1/events',
        reveal('/api/v1/events'),
      ].map((path) => t.get(path, tokens.supervisor)),
    );
    const summary = answers[0];
    expect(summary.status).toBe(200);
    expect(summary.body.disputes).toMatchObject({ registered: 1, open: 1 });
    for (const answer of answers) {
      expect([200, 403]).toContain(answer.status);
      expectNoPersonalData(answer.text);
    }
    expect(answers.slice(4).map((a) => a.status)).toEqual([403, 403, 403, 403]);
  });

  describe('ErasePersonalData', () => {
    let zhangKey: Buffer;

    it('answers an unknown subject with 404 naming data.subjectId', async () => {
      await expectNotFound(
        t,
        'ErasePersonalData',
        { subjectId: 'DSR-0000-0404', reason: '当事人申请删除个人信息' },
        'data.subjectId',
      );
    });

    it("destroys the subject's key and records PersonalDataErased on subject-<id>", async () => {
      zhangKey = t.runtime.secrets.subjectKey(ZHANG) as Buffer;
      expect(zhangKey).toBeInstanceOf(Buffer);
      const answer = await record(t, 'ErasePersonalData', { subjectId: ZHANG, reason: '当事人申请删除个人信息' });
      expect(answer).toMatchObject({
        stream: `subject-${ZHANG}`,
        revision: 0,
        events: [{ type: 'PersonalDataErased' }],
      });
      expect((await t.runtime.events.findEvent(answer.events[0].eventId))?.data).toEqual({
        subjectId: ZHANG,
        reason: '当事人申请删除个人信息',
      });
      expect(t.runtime.secrets.subjectKey(ZHANG)).toBeNull();
      await expectRule(
        t,
        'ErasePersonalData',
        { subjectId: ZHANG, reason: '重复申请' },
        'RULE_SUBJECT_ALREADY_ERASED',
        'data.subjectId',
      );
    });

    it('reads the erased party as [erased] through every read, the other party untouched', async () => {
      const plain = await t.get(STREAM, tokens.auditor).expect(200);
      const [erased, other] = partiesIn(plain.body);
      expect(erased).toMatchObject({ subjectId: ZHANG, erased: true });
      expect(erased.name ?? '[erased]').toBe('[erased]');
      expect(other).toEqual({ subjectId: li });

      for (const path of [reveal(STREAM), reveal('/api/v1/events?type=DisputeRegistered')]) {
        const { body } = await t.get(path, tokens.auditor).expect(200);
        expect(partiesIn(body)).toEqual([
          { subjectId: ZHANG, name: '[erased]', erased: true },
          { subjectId: li, ...PARTIES.liJianguo },
        ]);
      }
    });

    it('keeps every event and every chain verifying after the erasure', async () => {
      const { body } = await t.get(STREAM).expect(200);
      expect(body.events.map((e: { type: string }) => e.type)).toEqual(['DisputeRegistered']);
      let after: string | undefined;
      let checked = 0;
      for (;;) {
        const page = await t.get(`/api/v1/events?limit=50${after ? `&after=${after}` : ''}`).expect(200);
        for (const event of page.body.events)
          expect({ stream: event.stream, revision: event.revision, integrity: event.integrity }).toEqual({
            stream: event.stream,
            revision: event.revision,
            integrity: 'verified',
          });
        checked += page.body.events.length;
        if (page.body.next === null || page.body.events.length === 0) break;
        after = page.body.next;
      }
      expect(checked).toBeGreaterThan(10);
      expect(checked).toBe((await allStoredEvents(t)).length);
    });

    it('refuses a new dispute naming an erased subject (422), appending nothing', async () => {
      await expectRefused(
        t,
        envelope(
          'RegisterDispute',
          disputeData('TJ-2014-003', { parties: [{ subjectId: ZHANG, name: PARTIES.zhangXiuying.name }] }),
        ),
        { status: 422, code: 'RULE_SUBJECT_ERASED' },
      );
    });

    it('destroys a key restored from an old backup again on the next start', async () => {
      await stopKeepingData(t);
      restoreSubjectKey(t.dataDir, ZHANG, zhangKey);
      t = await openTestApp(t.dataDir);
      expect(t.runtime.secrets.subjectKey(ZHANG)).toBeNull();
      const { body } = await t.get(reveal(STREAM), tokens.auditor).expect(200);
      expect(partiesIn(body)[0]).toEqual({ subjectId: ZHANG, name: '[erased]', erased: true });
      expectNoPersonalData(JSON.stringify(partiesIn(body)[0]));
    });

    it('destroys it again even when the read models are rebuilt from the log on that start', async () => {
      await stopKeepingData(t);
      restoreSubjectKey(t.dataDir, ZHANG, zhangKey);
      for (const file of ['read-models.db', 'read-models.db-wal', 'read-models.db-shm'])
        rmSync(join(t.dataDir, file), { force: true });
      t = await openTestApp(t.dataDir);
      expect(t.runtime.secrets.subjectKey(ZHANG)).toBeNull();
      const { body } = await t.get(reveal(STREAM), tokens.auditor).expect(200);
      expect(partiesIn(body)[0]).toEqual({ subjectId: ZHANG, name: '[erased]', erased: true });
    });
  });
});

/** Writes the subject's old key back into the secret store, as restoring an old backup would. */
const restoreSubjectKey = (dataDir: string, subjectId: string, key: Buffer): void => {
  const db = new Database(join(dataDir, 'secrets.db'));
  try {
    const { changes } = db.prepare('UPDATE subject_keys SET key = ? WHERE subject_id = ?').run(key, subjectId);
    expect(changes).toBe(1);
    expect(db.prepare('SELECT key FROM subject_keys WHERE subject_id = ?').get(subjectId)).toEqual({ key });
  } finally {
    db.close();
  }
};
