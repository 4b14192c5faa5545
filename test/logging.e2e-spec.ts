import { connect } from 'node:net';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { disputeData, envelope, PARTIES, record, recordTownship, registerUser } from './support/township';

/** Every line the server logs, as written. */
class LogLines extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

/** Sends the start of a request, then hangs up before the rest: a client gone mid-request. */
const hangUpMidRequest = (port: number, head: string, partialBody: string): Promise<void> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head + partialBody, () => setTimeout(() => socket.destroy(), 50));
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });

/** Resolves once the log has a line matching `test` (the server logs a request when it completes). */
const logged = async (log: LogLines, test: (line: Record<string, unknown>) => boolean) => {
  for (let i = 0; i < 200; i++) {
    if (log.lines.some((line) => test(JSON.parse(line)))) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no such log line in:\n${log.lines.join('\n')}`);
};

describe('the JSON log', () => {
  let t: TestApp;
  let port: number;
  const log = new LogLines();
  const secrets: string[] = [ADMIN_TOKEN];
  const SUBJECT = 'log-subject-zhang';
  const REASON = '复核张秀英信访件';

  beforeAll(async () => {
    t = await startTestApp({ logger: { stream: log } });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    await recordTownship(t);
    const token = await registerUser(t, { userId: 'log-auditor', name: '钱审计', role: 'auditor' });
    secrets.push(token);
    await record(
      t,
      'RegisterDispute',
      disputeData('LOG-D1', { parties: [{ subjectId: SUBJECT, ...PARTIES.zhangXiuying }] }),
    );
    secrets.push(...Object.values(PARTIES.zhangXiuying), SUBJECT, REASON, encodeURIComponent(REASON));
    // A browser signs in with the token in its body; the session id comes back in a cookie.
    const session = await t.http.post('/api/v1/session').send({ token }).expect(201);
    const cookie = String(session.headers['set-cookie']).split(';')[0];
    secrets.push(cookie.split('=')[1]);
    await t.http.get('/api/v1/session').set('Cookie', cookie).expect(200);
    await t
      .get(`/api/v1/streams/dispute-LOG-D1?reveal=personal-data&reason=${encodeURIComponent(REASON)}`, token)
      .expect(200);
    await t.get('/api/v1/terms', 'a-guessed-token-that-is-wrong').expect(401);
    secrets.push('a-guessed-token-that-is-wrong');
    // Clients that hang up mid-request: a command and an import.
    const command = JSON.stringify(envelope('RegisterVillage', { villageId: 'log-v', name: '东村' }));
    await hangUpMidRequest(
      port,
      `POST /api/v1/commands HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${command.length + 10}\r\n\r\n`,
      command.slice(0, 15),
    );
    await hangUpMidRequest(
      port,
      `POST /api/v1/commands/import HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Type: application/x-ndjson\r\nContent-Length: 100000\r\n\r\n`,
      `${command}\n${command.slice(0, 10)}`,
    );
    await logged(log, (line) => (line.req as { path?: string })?.path === '/api/v1/commands/import');
    // Whatever the server does after a hang-up, it has done it by the next answer.
    await t.get('/api/v1/terms').expect(200);
  });
  afterAll(() => t.close());

  it('is one JSON object a line, each request line carrying its request id', () => {
    expect(log.lines.length).toBeGreaterThan(10);
    const entries = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = entries.filter((entry) => entry.req !== undefined);
    expect(requests.length).toBeGreaterThan(5);
    for (const entry of requests) expect(entry.requestId).toEqual(expect.any(String));
  });

  it('echoes the request id a proxy handed in, and makes one otherwise', async () => {
    const given = await t.http.get('/health/live').set('X-Request-Id', 'proxy-abc-123').expect(200);
    expect(given.headers['x-request-id']).toBe('proxy-abc-123');
    const made = await t.http.get('/health/live').set('X-Request-Id', 'not a plain <id>').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('holds no token, session, password, personal data or reason for reading it', () => {
    const text = log.lines.join('\n');
    for (const secret of secrets) expect([secret, text.includes(secret)]).toEqual([secret, false]);
    expect(text).not.toMatch(/authorization|cookie/i);
  });

  it('logs no client that hung up mid-request as an error', () => {
    const errors = log.lines.map((line) => JSON.parse(line)).filter((entry) => entry.level >= 50);
    expect(errors).toEqual([]);
  });
});
