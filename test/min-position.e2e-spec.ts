import { CommandRecorder, yuan } from './support/recorder';
import { startTestApp, TestApp } from './support/test-app';

/** `minPosition`: a query waits until the read models include a position a command answered with. */
describe('queries with minPosition', () => {
  let t: TestApp;
  let r: CommandRecorder;
  beforeAll(async () => {
    t = await startTestApp();
    r = new CommandRecorder(t);
    await r.send('OpenTerm', { termId: '2008-2013', name: '第十五届', startsOn: '2008-10-01', endsOn: '2013-09-30' });
    await r.send('RegisterVillage', { villageId: 'dongcun', name: '东村' });
  });
  afterAll(() => t.close());

  it("answers at once with the command's own position, the command counted", async () => {
    const { position } = await r.send('RecordReceipt', {
      villageId: 'dongcun',
      entryId: 'R1',
      amount: yuan(1_000),
      category: 'donation',
      counterparty: '乡贤',
      voucherNo: '收-001',
      on: '2010-01-10',
    });
    const summary = await t.get(`/api/v1/terms/2008-2013/summary?minPosition=${position}`).expect(200);
    expect(summary.body.villageFinance.receipts).toEqual({ CNY: 1_000_00 });
    expect(Number(summary.body.position)).toBeGreaterThanOrEqual(Number(position));
    const ledger = await t.get(`/api/v1/villages/dongcun/ledger?minPosition=${position}`).expect(200);
    expect(ledger.body.balance).toEqual({ CNY: 1_000_00 });
    await t
      .get(`/api/v1/terms/2008-2013/summary/evidence?figure=villageFinance.receipts&minPosition=${position}`)
      .expect(200);
    await t.get(`/api/v1/streams/village-dongcun?minPosition=${position}`).expect(200);
    await t.get(`/api/v1/events?minPosition=${position}`).expect(200);
  });

  it('answers 400 for a minPosition that is no position of this log', async () => {
    await t.get('/api/v1/terms/2008-2013/summary?minPosition=abc').expect(400);
  });

  it('answers 503 after about 5 s for a position far beyond the head of the log', async () => {
    const started = Date.now();
    const response = await t.get('/api/v1/terms/2008-2013/summary?minPosition=999999999').expect(503);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(4_500);
    expect(waited).toBeLessThan(10_000);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 503, code: expect.any(String) });
  }, 15_000);
});
