import { request as httpRequest, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { shanghaiDate } from '@sunshine/domain';
import { LiveFeed } from '../apps/api/src/live/live-feed';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { addDays } from './support/recorder';
import {
  disputeData,
  envelope,
  PARTIES,
  receiptData,
  record,
  recordTownship,
  registerUser,
  TERM,
  yuan,
} from './support/township';

/** One Server-Sent Events message as a client parses it. */
interface SseMessage {
  id?: string;
  event: string;
  data: string;
  /** When the client read it (ms), to check the pace of summaries. */
  at: number;
}

/**
 * A minimal EventSource for tests: the raw text, the parsed messages in order, and a cursor
 * that reads them one by one, so a test can assert exactly what came and in which order.
 */
class SseClient {
  text = '';
  readonly messages: SseMessage[] = [];
  private read = 0;
  private buffer = '';
  private wake?: () => void;
  ended = false;

  private constructor(
    readonly response: IncomingMessage,
    private readonly abort: () => void,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      this.text += chunk;
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        this.parse(this.buffer.slice(0, end));
        this.buffer = this.buffer.slice(end + 2);
      }
      this.wake?.();
    });
    response.on('end', () => {
      this.ended = true;
      this.wake?.();
    });
    response.on('error', () => undefined);
  }

  static open(url: string, headers: Record<string, string>): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { headers: { Accept: 'text/event-stream', ...headers }, agent: false }, (response) =>
        resolve(new SseClient(response, () => req.destroy())),
      );
      req.on('error', reject);
      req.end();
    });
  }

  private parse(block: string): void {
    const message: Partial<SseMessage> = {};
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) message.id = line.slice(4);
      else if (line.startsWith('event: ')) message.event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (message.event) this.messages.push({ ...message, event: message.event, data: data.join('\n'), at: Date.now() });
  }

  /** The next message not yet read; fails after `timeoutMs`. */
  async next(timeoutMs = 5000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    while (this.read >= this.messages.length) {
      if (this.ended) throw new Error(`the stream ended; it said:\n${this.text}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no message within ${timeoutMs} ms; the stream said:\n${this.text}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => (clearTimeout(timer), resolve());
      });
    }
    return this.messages[this.read++];
  }

  /** Reads on until a message of `event` comes whose data satisfies `accept`; returns it. */
  async nextOf(
    event: string,
    accept: (data: any) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<SseMessage & { body: any }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const message = await this.next(Math.max(deadline - Date.now(), 1));
      if (message.event === event && accept(JSON.parse(message.data)))
        return { ...message, body: JSON.parse(message.data) };
    }
  }

  /** Messages that arrive within `ms`, unread so far. */
  async drain(ms: number): Promise<SseMessage[]> {
    await new Promise((r) => setTimeout(r, ms));
    const rest = this.messages.slice(this.read);
    this.read = this.messages.length;
    return rest;
  }

  async untilEnded(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    if (!this.ended) throw new Error('the stream is still open');
  }

  close(): void {
    this.abort();
  }
}

const body = (message: SseMessage) => JSON.parse(message.data);
const SUMMARY_QUERY = `?termId=${TERM.termId}`;
const COOKIE = /^sunshine_session=([A-Za-z0-9_-]{43}); Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/;

/** Signs a browser in with a bearer token; the `Cookie` header it then sends. */
const signIn = async (t: TestApp, token: string): Promise<string> => {
  const response = await t.http.post('/api/v1/session').set('Authorization', `Bearer ${token}`).expect(201);
  const setCookie = response.headers['set-cookie'] as unknown as string[];
  expect(setCookie).toHaveLength(1);
  const match = COOKIE.exec(setCookie[0]);
  if (!match) throw new Error(`unexpected Set-Cookie: ${setCookie[0]}`);
  return `sunshine_session=${match[1]}`;
};

const withCookie = (t: TestApp, method: 'get' | 'post' | 'delete', path: string, cookie: string) =>
  request(t.app.getHttpServer())[method](path).set('Cookie', cookie);

describe('browser sessions and the live view (GET /api/v1/live)', () => {
  let t: TestApp;
  let base: string;
  let supervisorToken: string;
  let supervisor: string;
  let receipts = 0;
  const nextReceipt = (amountYuan = 1_000) => receiptData('lijiazhuang', `LIVE-${++receipts}`, yuan(amountYuan));
  const live = (cookie: string, query = SUMMARY_QUERY, headers: Record<string, string> = {}) =>
    SseClient.open(`${base}/api/v1/live${query}`, { Cookie: cookie, ...headers });
  const open: SseClient[] = [];
  const watch = async (cookie: string, query = SUMMARY_QUERY, headers: Record<string, string> = {}) => {
    const client = await live(cookie, query, headers);
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    await recordTownship(t);
    supervisorToken = await registerUser(t, { userId: 'sun-zhuren', name: '孙主任', role: 'supervisor' });
    supervisor = await signIn(t, supervisorToken);
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.close();
  });
  afterAll(() => t.close());

  describe('signing a browser in (POST /api/v1/session)', () => {
    it('trades the bearer token for an HttpOnly, SameSite=Strict session cookie that is not the token', async () => {
      const response = await t.http
        .post('/api/v1/session')
        .set('Authorization', `Bearer ${supervisorToken}`)
        .expect(201);
      expect(response.body).toMatchObject({
        userId: 'sun-zhuren',
        role: 'supervisor',
        name: '孙主任',
        township: '示范镇',
      });
      const cookie = (response.headers['set-cookie'] as unknown as string[])[0];
      expect(cookie).toMatch(COOKIE);
      expect(cookie).not.toContain(supervisorToken);
      expect(JSON.stringify(response.body)).not.toContain(supervisorToken);
      const session = `sunshine_session=${COOKIE.exec(cookie)?.[1]}`;
      await withCookie(t, 'get', '/api/v1/session', session).expect(200, {
        userId: 'sun-zhuren',
        role: 'supervisor',
        roleName: '监督员',
        name: '孙主任',
        township: '示范镇',
      });
      await withCookie(t, 'get', `/api/v1/terms/${TERM.termId}/summary`, session).expect(200);
    });

    it('takes the token from a JSON body as well, and refuses a bad or missing one', async () => {
      const signedIn = await t.http.post('/api/v1/session').send({ token: supervisorToken }).expect(201);
      expect(signedIn.headers['set-cookie']).toBeDefined();
      for (const refused of [
        t.http.post('/api/v1/session').send({ token: 'not-a-token-of-this-office' }),
        t.http.post('/api/v1/session').set('Authorization', 'Bearer not-a-token-of-this-office'),
        t.http.post('/api/v1/session'),
      ]) {
        const response = await refused.expect(401);
        expect(response.headers['set-cookie']).toBeUndefined();
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      await t.http.post('/api/v1/session').send({ token: 42 }).expect(400);
      await t.http.post('/api/v1/session').send({ token: supervisorToken, role: 'admin' }).expect(400);
    });

    it('never takes a token from a URL', async () => {
      await t.http.get(`/api/v1/live?token=${supervisorToken}`).expect(401);
      await t.http.get(`/api/v1/terms?access_token=${supervisorToken}`).expect(401);
      await t.http.get(`/api/v1/session?token=${supervisorToken}`).expect(401);
    });

    it('refuses an unknown or forged session id', async () => {
      await withCookie(
        t,
        'get',
        '/api/v1/terms',
        'sunshine_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ).expect(401);
      await withCookie(t, 'get', '/api/v1/terms', `sunshine_session=${supervisorToken}`).expect(401);
    });

    it('signs out: the session is forgotten and the cookie cleared', async () => {
      const session = await signIn(t, supervisorToken);
      const response = await withCookie(t, 'delete', '/api/v1/session', session).expect(204);
      expect((response.headers['set-cookie'] as unknown as string[])[0]).toMatch(
        /^sunshine_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/,
      );
      await withCookie(t, 'get', '/api/v1/terms', session).expect(401);
    });

    it("refuses a revoked user's session at once, and ends its open live stream", async () => {
      const token = await registerUser(t, { userId: 'zhou-jiandu', name: '周监督', role: 'supervisor' });
      const session = await signIn(t, token);
      await withCookie(t, 'get', '/api/v1/terms', session).expect(200);
      const stream = await watch(session);
      await stream.nextOf('summary');
      await record(t, 'RevokeUser', { userId: 'zhou-jiandu', reason: '调离本镇' });
      await withCookie(t, 'get', '/api/v1/terms', session).expect(401);
      await stream.untilEnded();
      expect((await live(session)).response.statusCode).toBe(401);
    });

    it('asks a state-changing request made with the cookie for X-Requested-With: sunshine (CSRF)', async () => {
      const admin = await signIn(t, ADMIN_TOKEN);
      const sent = envelope('RegisterVillage', { villageId: 'liujiazhuang', name: '刘家庄村' });
      const before = await t.runtime.events.headPosition();
      const refused = await withCookie(t, 'post', '/api/v1/commands', admin).send(sent).expect(403);
      expect(refused.body).toMatchObject({ status: 403, code: 'CSRF_HEADER_REQUIRED' });
      await withCookie(t, 'post', '/api/v1/commands', admin).set('X-Requested-With', 'other').send(sent).expect(403);
      expect(await t.runtime.events.headPosition()).toBe(before);
      const accepted = await withCookie(t, 'post', '/api/v1/commands', admin)
        .set('X-Requested-With', 'sunshine')
        .send(sent)
        .expect(201);
      expect(accepted.body).toMatchObject({ stream: 'village-liujiazhuang', revision: 0 });
      // A script with a bearer token is no browser: it needs no such header.
      await t.command(envelope('RegisterVillage', { villageId: 'songjiadian', name: '宋家店村' })).expect(201);
      // And the cookie still carries the role: a supervisor records nothing.
      const bySupervisor = await withCookie(t, 'post', '/api/v1/commands', supervisor)
        .set('X-Requested-With', 'sunshine')
        .send(envelope('RecordReceipt', nextReceipt()));
      expect(bySupervisor.body).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
    });
  });

  describe('the stream', () => {
    it('starts with the term summary, then pushes each new event and the summary it changed', async () => {
      const stream = await watch(supervisor);
      expect(stream.response.statusCode).toBe(200);
      expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      const first = await stream.next();
      expect(first.event).toBe('summary');
      expect(first.id).toBe(await t.runtime.events.headPosition());
      const before = body(first);
      expect(before).toMatchObject({ termId: TERM.termId, name: TERM.name, from: TERM.startsOn, to: TERM.endsOn });

      const receipt = nextReceipt(25_000);
      const answer = await record(t, 'RecordReceipt', receipt);
      const activity = await stream.next();
      expect(activity).toMatchObject({ event: 'activity', id: answer.position });
      expect(body(activity)).toEqual({
        position: answer.position,
        type: 'ReceiptRecorded',
        stream: 'village-lijiazhuang',
        occurredOn: receipt.on,
        recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
        actor: { role: 'admin' },
      });
      const summary = await stream.next();
      expect(summary).toMatchObject({ event: 'summary', id: answer.position });
      expect(body(summary).villageFinance.receipts.CNY).toBe(
        (before.villageFinance.receipts.CNY ?? 0) + receipt.amount.minor,
      );
      expect(body(summary).position).toBe(answer.position);
    });

    it('tells of events that change no figure, without a summary', async () => {
      const stream = await watch(supervisor);
      await stream.nextOf('summary');
      const answer = await record(t, 'RegisterVillage', { villageId: 'wucun', name: '吴村' });
      expect(body(await stream.next())).toMatchObject({
        type: 'VillageRegistered',
        stream: 'village-wucun',
        position: answer.position,
      });
      expect(await stream.drain(1_300)).toEqual([]);
    });

    it('tells a supervisor nothing of who may sign in', async () => {
      const stream = await watch(supervisor);
      await stream.nextOf('summary');
      await record(t, 'RegisterUser', { userId: 'wu-luru', name: '吴录入', role: 'clerk' });
      expect(await stream.drain(1_300)).toEqual([]);
      expect(stream.text).not.toContain('UserRegistered');
    });

    it('sends the summary at most once a second, the last one including every event', async () => {
      const stream = await watch(supervisor);
      const start = body(await stream.nextOf('summary'));
      let expected = start.villageFinance.receipts.CNY ?? 0;
      let last = '';
      for (let i = 0; i < 6; i++) {
        const receipt = nextReceipt(100 + i);
        expected += receipt.amount.minor;
        last = (await record(t, 'RecordReceipt', receipt)).position;
        await new Promise((r) => setTimeout(r, 150));
      }
      const final = await stream.nextOf('summary', (s) => s.villageFinance.receipts.CNY === expected, 5_000);
      expect(final.id).toBe(last);
      const summaries = stream.messages.filter((m) => m.event === 'summary').slice(1);
      expect(summaries.length).toBeGreaterThanOrEqual(1);
      expect(summaries.length).toBeLessThan(6);
      for (let i = 1; i < summaries.length; i++)
        expect(summaries[i].at - summaries[i - 1].at).toBeGreaterThanOrEqual(900);
      expect(stream.messages.filter((m) => m.event === 'activity')).toHaveLength(6);
    });

    it('resumes after Last-Event-ID with exactly the events missed, then a fresh summary', async () => {
      const first = await live(supervisor);
      const seen = await first.nextOf('summary');
      first.close();
      const missed = [];
      for (let i = 0; i < 3; i++) missed.push(await record(t, 'RecordReceipt', nextReceipt(700)));
      const expectedReceipts = (await t.get(`/api/v1/terms/${TERM.termId}/summary`).expect(200)).body.villageFinance
        .receipts;

      const resumed = await watch(supervisor, SUMMARY_QUERY, { 'Last-Event-ID': seen.id as string });
      const replayed = [await resumed.next(), await resumed.next(), await resumed.next()];
      expect(replayed.map((m) => [m.event, m.id, body(m).position, body(m).type])).toEqual(
        missed.map((a) => ['activity', a.position, a.position, 'ReceiptRecorded']),
      );
      const fresh = await resumed.next();
      expect(fresh).toMatchObject({ event: 'summary', id: missed[2].position });
      expect(body(fresh).villageFinance.receipts).toEqual(expectedReceipts);
      expect(await resumed.drain(300)).toEqual([]);

      // Up to date: nothing to replay, only the summary.
      const current = await watch(supervisor, SUMMARY_QUERY, { 'Last-Event-ID': missed[2].position });
      expect((await current.next()).event).toBe('summary');
    });

    it('never shows a supervisor the parties of a dispute', async () => {
      const stream = await watch(supervisor);
      const start = await stream.nextOf('summary');
      const before = start.body.disputes.registered;
      const dispute = disputeData('TJ-LIVE-001', {
        parties: [{ subjectId: 'DSR-LIVE-0001', ...PARTIES.zhangXiuying }, { ...PARTIES.liJianguo }],
      });
      await record(t, 'RegisterDispute', dispute);
      expect(body(await stream.next())).toMatchObject({ type: 'DisputeRegistered', stream: 'dispute-TJ-LIVE-001' });
      await stream.nextOf('summary', (s) => s.disputes.registered === before + 1);
      const erased = await record(t, 'ErasePersonalData', {
        subjectId: 'DSR-LIVE-0001',
        reason: '当事人申请删除个人信息',
      });
      // The erasure itself is not told to a supervisor: the next activity is the next record.
      const receipt = await record(t, 'RecordReceipt', nextReceipt());
      expect(body(await stream.nextOf('activity'))).toMatchObject({
        type: 'ReceiptRecorded',
        position: receipt.position,
      });
      expect(Number(erased.position)).toBeLessThan(Number(receipt.position));
      expect(stream.text).not.toContain('PersonalDataErased');

      // The same events replayed after a reconnect.
      const replay = await watch(supervisor, SUMMARY_QUERY, { 'Last-Event-ID': start.id as string });
      await replay.nextOf('summary');
      for (const text of [stream.text, replay.text]) {
        expect(text).toContain('DisputeRegistered');
        for (const party of Object.values(PARTIES))
          for (const value of Object.values(party)) expect(text).not.toContain(value);
        for (const hidden of ['DSR-LIVE-0001', 'parties', 'sealed', dispute.summary, '"data"'])
          expect(text).not.toContain(hidden);
      }
    });

    it('ends the subscription when the client goes away', async () => {
      const feed = t.app.get(LiveFeed);
      const settled = async (streams: number) => {
        const deadline = Date.now() + 3_000;
        while (feed.openStreams !== streams && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        return feed.openStreams;
      };
      // Every client of the tests before has gone (afterEach); so have their streams.
      expect(await settled(0)).toBe(0);
      const stream = await live(supervisor);
      await stream.nextOf('summary');
      expect(feed.openStreams).toBe(1);
      stream.close();
      expect(await settled(0)).toBe(0);
    });

    it('keeps an idle connection alive with a comment every heartbeat', async () => {
      const feed = t.app.get(LiveFeed);
      feed.heartbeatMs = 100;
      try {
        const stream = await watch(supervisor);
        await stream.nextOf('summary');
        await new Promise((r) => setTimeout(r, 350));
        expect(stream.text.match(/^: heartbeat$/gm)?.length).toBeGreaterThanOrEqual(2);
      } finally {
        feed.heartbeatMs = 15_000;
      }
    });

    it('refuses an unknown term (404), a Last-Event-ID this log never gave (400) and a missing session (401)', async () => {
      const unknown = await live(supervisor, '?termId=1990-1995');
      expect(unknown.response.statusCode).toBe(404);
      const garbage = await live(supervisor, SUMMARY_QUERY, { 'Last-Event-ID': 'yesterday' });
      expect(garbage.response.statusCode).toBe(400);
      expect((await live('')).response.statusCode).toBe(401);
      const bearer = await watch('', SUMMARY_QUERY, { Authorization: `Bearer ${supervisorToken}` });
      expect(bearer.response.statusCode).toBe(200);
    });

    it("follows today's term (Asia/Shanghai) when none is named, else the latest", async () => {
      const stream = await watch(supervisor, '');
      expect(body(await stream.nextOf('summary')).termId).toBe(TERM.termId);
      const today = shanghaiDate(new Date());
      const current = { termId: 'current', name: '本届', startsOn: addDays(today, -400), endsOn: addDays(today, 1400) };
      await record(t, 'OpenTerm', current);
      expect(body(await stream.nextOf('summary')).termId).toBe('current');
      const later = { termId: 'next', name: '下一届', startsOn: addDays(today, 1401), endsOn: addDays(today, 3200) };
      await record(t, 'OpenTerm', later);
      await stream.nextOf('activity', (a) => a.type === 'TermOpened');
      expect(await stream.drain(1_300)).toEqual([]);
      expect(body(await (await watch(supervisor, '')).nextOf('summary')).termId).toBe('current');
    });
  });
});

describe('session lifetime', () => {
  let now = new Date();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
  });
  afterAll(() => t.close());

  it('ends a session 12 hours after sign-in', async () => {
    const session = await signIn(t, ADMIN_TOKEN);
    now = new Date(now.getTime() + 12 * 3600_000 - 1_000);
    await withCookie(t, 'get', '/api/v1/terms', session).expect(200);
    now = new Date(now.getTime() + 2_000);
    await withCookie(t, 'get', '/api/v1/terms', session).expect(401);
  });
});
