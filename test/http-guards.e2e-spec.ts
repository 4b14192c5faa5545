import { connect } from 'node:net';
import { AddressInfo } from 'node:net';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { recordTownship, TERM } from './support/township';

/** Sends raw bytes over one connection and reads everything the server answers until it closes. */
const rawExchange = (port: number, head: string, body: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head + body));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });

const listen = async (t: TestApp): Promise<number> => {
  await t.app.listen(0, '127.0.0.1');
  return (t.app.getHttpServer().address() as AddressInfo).port;
};

describe('headers every answer carries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await recordTownship(t);
  });
  afterAll(() => t.close());

  it('nosniff everywhere, no-store on the API, on answers and problems alike', async () => {
    for (const response of [
      await t.get(`/api/v1/terms/${TERM.termId}/summary`).expect(200),
      await t.get('/api/v1/no-such-route').expect(404),
      await t.http.get('/health/live').expect(200),
    ]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
    }
    const docs = await t.http.get('/api/docs/openapi.json').expect(200);
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
  });

  it('asks for a bearer token on 401', async () => {
    const response = await t.http.get('/api/v1/terms').expect(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer\b/);
    const bad = await t.get('/api/v1/terms', 'not-a-token-at-all').expect(401);
    expect(bad.headers['www-authenticate']).toMatch(/^Bearer\b/);
  });

  it('gives the HTML report a Content-Security-Policy of its own origin and no inline script', async () => {
    const response = await t.get(`/api/v1/terms/${TERM.termId}/report?format=html`).expect(200);
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    // The report is one self-contained file: its own <style> block must still apply.
    expect(response.text).toMatch(/<style>/);
    expect(policy).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        SUNSHINE_RATE_LIMIT_PER_TOKEN: '20',
        SUNSHINE_RATE_LIMIT_PER_ADDRESS: '1000',
        SUNSHINE_AUTH_FAILURES_PER_ADDRESS: '10',
      },
    });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After to an address trying bad tokens, whatever token it tries next', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await t.get('/api/v1/terms', `guessed-token-${i}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(5).fill(429));
    const limited = await t.get('/api/v1/terms', ADMIN_TOKEN).expect(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED_AUTHENTICATION' });
    expect(limited.body.detail).toMatch(/秒后再试/);
    // A probe of the orchestrator is never limited.
    await t.http.get('/health/live').expect(200);
  });
});

describe('rate limits per token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SUNSHINE_RATE_LIMIT_PER_TOKEN: '20' } });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once a token used up its requests, and nothing is recorded then', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await t.get('/api/v1/terms')).status);
    expect(statuses).toEqual(Array(20).fill(200));
    const head = await t.runtime.events.headPosition();
    const limited = await t
      .command({ type: 'RegisterVillage', commandId: 'limited-1', data: { villageId: 'x', name: '东村' } })
      .expect(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(await t.runtime.events.headPosition()).toBe(head);
  });
});

describe('slow request bodies', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ env: { SUNSHINE_BODY_TIMEOUT_MS: '300' } });
    port = await listen(t);
  });
  afterAll(() => t.close());

  it('drops a body that does not arrive in time with a 408 problem, and records nothing', async () => {
    const head = await t.runtime.events.headPosition();
    const body = JSON.stringify({
      type: 'RegisterVillage',
      commandId: 'slow-1',
      data: { villageId: 's', name: '慢村' },
    });
    // Half the body, then silence: the server must not wait for the rest.
    const answer = await rawExchange(
      port,
      `POST /api/v1/commands HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
      body.slice(0, 20),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(answer).toMatch(/"code":"REQUEST_BODY_TIMEOUT"/);
    expect(await t.runtime.events.headPosition()).toBe(head);
  });

  it('drops an unauthenticated slow body as well', async () => {
    const answer = await rawExchange(
      port,
      'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      '5\r\n{"tok\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('ends an import whose file stops arriving with a 408 line and the summary', async () => {
    const line = JSON.stringify({
      type: 'RegisterVillage',
      commandId: 'slow-imp-1',
      data: { villageId: 'si', name: '东村' },
    });
    const answer = await rawExchange(
      port,
      `POST /api/v1/commands/import HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n`,
      `${(Buffer.byteLength(line) + 1).toString(16)}\r\n${line}\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toMatch(/"line":1,"commandId":"slow-imp-1","ok":true/);
    expect(answer).toMatch(/"line":2,"ok":false,"status":408,"code":"IMPORT_BODY_TIMEOUT"/);
    expect(answer).toMatch(/\{"summary":\{"applied":1,"duplicates":0,"failed":1\}\}/);
  });
});

describe('behind a TLS-terminating proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SUNSHINE_TRUST_PROXY: '127.0.0.1,::1,::ffff:127.0.0.1' } });
  });
  afterAll(() => t.close());

  it('marks the session cookie Secure when the proxy says the browser used https', async () => {
    const secure = await t.http
      .post('/api/v1/session')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('X-Forwarded-Proto', 'https')
      .expect(201);
    expect(String(secure.headers['set-cookie'])).toMatch(/; Secure/);
    const plain = await t.http.post('/api/v1/session').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(201);
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
  });
});
