import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { envelope, registerUser } from './support/township';

/** The value of one sample line of the Prometheus text, or undefined. */
const sample = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('counts commands by type and outcome, times appends, and tells the lag of the read models', async () => {
    const village = envelope('RegisterVillage', { villageId: 'm-v1', name: '东村' });
    await t.command(village).expect(201);
    await t.command(village).expect(201);
    await t.command(envelope('RegisterVillage', { villageId: 'm-v1', name: '东村' })).expect(409);
    await t.command(envelope('RegisterVillage', { villageId: 'm-v2' })).expect(400);
    await t.command({ type: 'NoSuchThing', commandId: 'm-x', data: {} }).expect(400);
    await t.http
      .post('/api/v1/commands/import')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('Content-Type', 'application/x-ndjson')
      .send(`${JSON.stringify(envelope('RegisterVillage', { villageId: 'm-v3', name: '西村' }))}\n{broken\n`)
      .query({ onError: 'continue' })
      .expect(200);

    const response = await t.http.get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.text;
    expect(sample(text, 'sunshine_commands_total{type="RegisterVillage",outcome="applied"}')).toBe(2);
    expect(sample(text, 'sunshine_commands_total{type="RegisterVillage",outcome="duplicate"}')).toBe(1);
    expect(sample(text, 'sunshine_commands_total{type="RegisterVillage",outcome="conflict"}')).toBe(1);
    expect(sample(text, 'sunshine_commands_total{type="RegisterVillage",outcome="validation"}')).toBe(1);
    expect(sample(text, 'sunshine_commands_total{type="unknown",outcome="validation"}')).toBe(2);
    expect(sample(text, 'sunshine_append_duration_seconds_count')).toBe(2);
    expect(sample(text, 'sunshine_projection_lag_seconds')).toBe(0);
    expect(sample(text, 'sunshine_projection_lag_events')).toBe(0);
    expect(text).toMatch(/# TYPE sunshine_warnings_open gauge/);
    expect(text).toMatch(/sunshine_process_cpu_seconds_total/);
  });

  it('records each verification and its result', async () => {
    await t.get('/api/v1/integrity/verify').expect(200);
    const text = (await t.http.get('/metrics').expect(200)).text;
    expect(sample(text, 'sunshine_verifications_total{result="ok"}')).toBe(1);
    expect(sample(text, 'sunshine_last_verification_ok')).toBe(1);
  });

  it('shows the open warnings by level, as the warnings list counts them', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    const dispute = (disputeId: string, receivedOn: string) =>
      envelope('RegisterDispute', {
        disputeId,
        category: 'neighbour',
        receivedOn,
        summary: '排水纠纷',
        parties: [{ name: '张三' }],
      });
    await t.command(dispute('M-D1', daysAgo(45))).expect(201);
    await t.command(dispute('M-D2', daysAgo(75))).expect(201);
    await t.command(dispute('M-D3', daysAgo(90))).expect(201);
    const open = (await t.get('/api/v1/warnings?status=open').expect(200)).body as { level: string }[];
    const count = (level: string) => open.filter((w) => w.level === level).length;
    expect([count('red'), count('yellow')]).toEqual([2, 1]);
    const text = (await t.http.get('/metrics').expect(200)).text;
    expect(sample(text, 'sunshine_warnings_open{level="red"}')).toBe(2);
    expect(sample(text, 'sunshine_warnings_open{level="yellow"}')).toBe(1);
  });

  it('is open to this machine, or else to the admin only', async () => {
    const remote = { 'X-Forwarded-For': '203.0.113.9' };
    const anonymous = await t.http.get('/metrics').set(remote).expect(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    const clerk = await registerUser(t, { userId: 'm-clerk', name: '录入员', role: 'clerk' });
    await t.http.get('/metrics').set(remote).set('Authorization', `Bearer ${clerk}`).expect(403);
    await t.http.get('/metrics').set(remote).set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
  });
});
