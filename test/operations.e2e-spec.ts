import { nextCommandId, startTestApp, TestApp } from './support/test-app';

describe('operating the server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness without a token', async () => {
    expect((await t.http.get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ready' });
  });

  it('serves the OpenAPI document listing the contract routes', async () => {
    const { body } = await t.http.get('/api/docs/openapi.json').expect(200);
    expect(body.info.title).toMatch(/Sunshine Ledger/);
    for (const path of [
      '/api/v1/commands',
      '/api/v1/commands/import',
      '/api/v1/terms/{termId}/summary',
      '/api/v1/villages/{villageId}/ledger',
      '/api/v1/integrity/verify',
      '/api/v1/streams/{stream}',
    ])
      expect(Object.keys(body.paths)).toContain(path);
    await t.http.get('/api/docs').expect(200);
  });

  it('answers unknown routes with a problem', async () => {
    const response = await t.get('/api/v1/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('still verifies the whole log after a data subject was erased', async () => {
    await t
      .command({ type: 'RegisterVillage', commandId: nextCommandId(), data: { villageId: 'op-v', name: '东村' } })
      .expect(201);
    await t
      .command({
        type: 'RegisterDispute',
        commandId: nextCommandId(),
        data: {
          disputeId: 'op-d1',
          category: 'neighbour',
          receivedOn: '2020-05-01',
          summary: '邻里噪音纠纷',
          villageId: 'op-v',
          parties: [{ subjectId: 'op-s1', name: '张三', idNumber: '110101199003071234' }],
        },
      })
      .expect(201);
    await t
      .command({
        type: 'ErasePersonalData',
        commandId: nextCommandId(),
        data: { subjectId: 'op-s1', reason: '当事人申请删除个人信息' },
      })
      .expect(201);
    await t.runtime.integrity.seal();
    const report = (await t.get('/api/v1/integrity/verify').expect(200)).body;
    expect(report).toMatchObject({ ok: true, events: 3, eventsAfterCheckpoint: 0 });
    const stream = (await t.get('/api/v1/streams/dispute-op-d1?reveal=personal-data&reason=核查').expect(200)).body;
    expect(stream.events[0].data.parties).toEqual([{ subjectId: 'op-s1', name: '[erased]', erased: true }]);
  });
});
