import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { investmentTermLines } from './support/investment-term';

const parseLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

describe('POST /api/v1/commands/import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const importText = (body: string, query = '') =>
    t.http
      .post(`/api/v1/commands/import${query}`)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(body);

  it('applies every line in order, answers one result line each and a summary; a re-import appends nothing', async () => {
    const lines = investmentTermLines(40, 'a');
    const body = [lines[0], '', ...lines.slice(1)].join('\n');
    const first = await importText(body).expect(200);
    expect(first.headers['content-type']).toMatch(/application\/x-ndjson/);
    const results = parseLines(first.text);
    expect(results.at(-1)).toEqual({ summary: { applied: lines.length, duplicates: 0, failed: 0 } });
    const lineResults = results.slice(0, -1);
    expect(lineResults).toHaveLength(lines.length);
    // Blank line 2 gets no result; numbering follows the file.
    expect(lineResults.map((r) => r.line)).toEqual([1, ...Array.from({ length: lines.length - 1 }, (_, i) => i + 3)]);
    expect(lineResults.every((r) => r.ok === true && typeof r.position === 'string')).toBe(true);
    const positions = lineResults.map((r) => Number(r.position));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const head = await t.runtime.events.headPosition();

    const again = parseLines((await importText(body).expect(200)).text);
    expect(again.at(-1)).toEqual({ summary: { applied: 0, duplicates: lines.length, failed: 0 } });
    expect(await t.runtime.events.headPosition()).toBe(head);
  });

  it('stops at the first failure by default, and goes on with onError=continue', async () => {
    // Without the term line: the first test already opened an overlapping term.
    const lines = investmentTermLines(3, 'b').slice(1);
    const broken = [
      ...lines.slice(0, 3),
      '{not json',
      JSON.stringify({ type: 'SignInvestment', commandId: 'b-bad', data: { investmentId: 'b-x' } }),
      ...lines.slice(3),
    ];
    const stopped = parseLines((await importText(broken.join('\n')).expect(200)).text);
    expect(stopped.at(-1)).toEqual({ summary: { applied: 3, duplicates: 0, failed: 1 } });
    expect(stopped[3]).toMatchObject({ line: 4, ok: false, status: 400, code: 'MALFORMED_JSON' });

    const continued = parseLines((await importText(broken.join('\n'), '?onError=continue').expect(200)).text);
    expect(continued.at(-1)).toEqual({ summary: { applied: lines.length - 3, duplicates: 3, failed: 2 } });
    expect(continued.find((r) => r.line === 5)).toMatchObject({ ok: false, status: 400, commandId: 'b-bad' });
  });

  it('refuses a body that is not NDJSON', async () => {
    await t.http
      .post('/api/v1/commands/import')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('Content-Type', 'text/plain')
      .send('x')
      .expect(415);
  });
});
