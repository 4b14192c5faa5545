import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { envelope, registerUser } from './support/township';
import { wholeLogText } from './support/township';

const parseLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

const village = (villageId: string, name: string) => JSON.stringify(envelope('RegisterVillage', { villageId, name }));

/** 东村 in GBK (what Excel and Notepad on a Chinese Windows save by default). */
const GBK_DONGCUN = Buffer.from([0xb6, 0xab, 0xb4, 0xe5]);

describe('an NDJSON import meets hostile and careless files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const importBody = (body: string | Buffer, query = '', token = ADMIN_TOKEN) =>
    t.http
      .post(`/api/v1/commands/import${query}`)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(body);

  it('answers a line above 1 MiB with a 413 line naming it, and goes on with the next under onError=continue', async () => {
    const huge = JSON.stringify(envelope('RegisterVillage', { villageId: 'huge-v', name: '大'.repeat(400_000) }));
    expect(Buffer.byteLength(huge)).toBeGreaterThan(1024 * 1024);
    const body = [village('lim-v1', '一村'), huge, village('lim-v2', '二村')].join('\n');
    const results = parseLines((await importBody(body, '?onError=continue').expect(200)).text);
    expect(results[1]).toMatchObject({
      line: 2,
      ok: false,
      status: 413,
      code: 'IMPORT_LINE_TOO_LARGE',
      detail: expect.stringContaining('1 MiB'),
    });
    expect(results[0]).toMatchObject({ line: 1, ok: true });
    expect(results[2]).toMatchObject({ line: 3, ok: true });
    expect(results.at(-1)).toEqual({ summary: { applied: 2, duplicates: 0, failed: 1 } });
    expect((await t.get('/api/v1/streams/village-huge-v').expect(200)).body.events).toEqual([]);
  });

  it('refuses a supervisor up front with 403, before reading the body', async () => {
    const token = await registerUser(t, { userId: 'lim-supervisor', name: '纪委监督员', role: 'supervisor' });
    const { port } = t.app.getHttpServer().listening
      ? (t.app.getHttpServer().address() as AddressInfo)
      : await new Promise<AddressInfo>((resolve) => {
          const server = t.app.getHttpServer();
          server.listen(0, '127.0.0.1', () => resolve(server.address() as AddressInfo));
        });
    // The body is never sent: the answer must come without it.
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/commands/import',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/x-ndjson',
          'transfer-encoding': 'chunked',
        },
      });
      req.on('response', (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body });
          req.destroy();
        });
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(answer.status).toBe(403);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
  });

  it('refuses a GBK file with a Chinese problem naming the line, stops there, and stores no replacement character', async () => {
    const gbkLine = Buffer.concat([
      Buffer.from(`{"type":"RegisterVillage","commandId":"gbk-1","data":{"villageId":"gbk-v1","name":"`),
      GBK_DONGCUN,
      Buffer.from('"}}'),
    ]);
    const body = Buffer.concat([
      Buffer.from(`${village('gbk-v0', 'West')}\n`),
      gbkLine,
      Buffer.from(`\n${village('gbk-v2', 'North')}\n`),
    ]);
    const results = parseLines((await importBody(body, '?onError=continue').expect(200)).text);
    expect(results[0]).toMatchObject({ line: 1, ok: true });
    expect(results[1]).toMatchObject({ line: 2, ok: false, status: 400, code: 'IMPORT_NOT_UTF8' });
    expect(results[1].detail).toMatch(/UTF-8/);
    expect(results[1].detail).toMatch(/另存为/);
    expect(results).toHaveLength(3);
    expect(results.at(-1)).toEqual({ summary: { applied: 1, duplicates: 0, failed: 1 } });
    expect(await wholeLogText(t)).not.toContain('\ufffd');
    expect((await t.get('/api/v1/streams/village-gbk-v1').expect(200)).body.events).toEqual([]);
  });

  it('reads a UTF-8 file that starts with a byte order mark', async () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${village('bom-v1', '东村')}\n${village('bom-v2', '西村')}\n`),
    ]);
    const results = parseLines((await importBody(body).expect(200)).text);
    expect(results.at(-1)).toEqual({ summary: { applied: 2, duplicates: 0, failed: 0 } });
    const stream = (await t.get('/api/v1/streams/village-bom-v1').expect(200)).body;
    expect(stream.events[0].data.name).toBe('东村');
  });
});
