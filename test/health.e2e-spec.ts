import { randomUUID } from 'node:crypto';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';

/** Appends one event straight to the log, as another writer would: the read models learn of it only by looking. */
const appendBehindTheirBack = async (t: TestApp, villageId: string) =>
  t.runtime.events.append({
    stream: `village-${villageId}`,
    expectedRevision: 'no_stream',
    events: [
      {
        eventId: randomUUID(),
        type: 'VillageRegistered',
        data: { villageId, name: '东村' },
        metadata: {
          commandId: `health-${villageId}`,
          actor: { userId: 'admin', role: 'admin' },
          occurredOn: '2024-01-01',
          correlationId: `health-${villageId}`,
          causationId: `health-${villageId}`,
          schemaVersion: 1,
        },
      },
    ],
    command: { commandId: `health-${villageId}`, fingerprint: villageId },
  });

describe('readiness', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('stays ready while the read models trail the log by a moment', async () => {
    t = await startTestApp();
    for (let i = 0; i < 5; i++) {
      await appendBehindTheirBack(t, `h-${i}`);
      const response = await t.http.get('/health/ready');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toMatchObject({ status: 'ready', detail: expect.stringContaining('就绪') });
    }
  });

  it('answers 503 with its own status, in Chinese or English, once the read models fall behind for good', async () => {
    t = await startTestApp({ env: { SUNSHINE_READY_MAX_LAG_MS: '0' } });
    await t.runtime.runner.stop();
    await appendBehindTheirBack(t, 'stuck');
    const response = await t.http.get('/health/ready').expect(503);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({
      status: 'catching-up',
      detail: '读模型正在追赶日志，暂不接收流量',
      log: expect.any(String),
    });
    expect(response.body.lagMs).toBeGreaterThanOrEqual(0);
    const english = await t.http.get('/health/ready').set('Accept-Language', 'en').expect(503);
    expect(english.body.detail).toMatch(/catching up/);
    // Nothing of a generic HTTP error in it.
    expect(JSON.stringify(english.body)).not.toMatch(/Http Exception|HTTP_503/);
    await t.get('/api/v1/terms', ADMIN_TOKEN).expect(200);
  });
});
