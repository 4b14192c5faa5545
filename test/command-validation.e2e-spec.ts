import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { CHINESE, errorPaths, expectRefused } from './support/refusals';
import {
  disputeData,
  envelope,
  PARTIES,
  receiptData,
  record,
  recordTownship,
  subjectKeyCount,
  yuan,
} from './support/township';

type Envelope = ReturnType<typeof envelope> & { data: Record<string, unknown> };

const withData = (e: Envelope, changes: Record<string, unknown>): Envelope => ({
  ...e,
  data: { ...e.data, ...changes },
});
const withParty = (e: Envelope, index: number, changes: Record<string, unknown>): Envelope => {
  const parties = [...(e.data.parties as Record<string, unknown>[])];
  parties[index] = { ...parties[index], ...changes };
  return withData(e, { parties });
};

/**
 * The 400 classes of docs/domain.md#how-a-command-is-decided for the cash book and for a dispute's parties: each is refused before
 * any state is read, names the field by its JSON path, and appends nothing.
 */
describe('a command of the wrong shape (400)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await recordTownship(t);
  });
  afterAll(() => t.close());

  const receipt = (): Envelope =>
    envelope('RecordReceipt', receiptData('lijiazhuang', 'SR-2013-101', yuan(35_000))) as Envelope;
  const dispute = (): Envelope => envelope('RegisterDispute', disputeData('TJ-2013-101')) as Envelope;

  const expectBadInput = (sent: object, path: string) =>
    expectRefused(t, sent, { status: 400, code: 'VALIDATION_FAILED', path });

  describe('RecordReceipt', () => {
    it.each<[string, (e: Envelope) => object, string]>([
      ['a missing field', (e) => withData(e, { voucherNo: undefined }), 'data.voucherNo'],
      ['a field of the wrong type', (e) => withData(e, { counterparty: 42 }), 'data.counterparty'],
      ['a null field', (e) => withData(e, { category: null }), 'data.category'],
      ['a float amount', (e) => withData(e, { amount: { currency: 'CNY', minor: 3500000.5 } }), 'data.amount.minor'],
      ['a negative amount', (e) => withData(e, { amount: { currency: 'CNY', minor: -3500000 } }), 'data.amount.minor'],
      ['a string amount', (e) => withData(e, { amount: { currency: 'CNY', minor: '3500000' } }), 'data.amount.minor'],
      ['an amount as a bare number', (e) => withData(e, { amount: 3500000 }), 'data.amount'],
      [
        'an amount beyond safe integers',
        (e) => withData(e, { amount: { currency: 'CNY', minor: 2 ** 53 } }),
        'data.amount.minor',
      ],
      [
        'a currency other than CNY',
        (e) => withData(e, { amount: { currency: 'USD', minor: 100 } }),
        'data.amount.currency',
      ],
      ['an impossible date', (e) => withData(e, { on: '2013-02-29' }), 'data.on'],
      ['a date of the wrong format', (e) => withData(e, { on: '2013/03/05' }), 'data.on'],
      ['a category not on the list', (e) => withData(e, { category: '罚没收入' }), 'data.category'],
      ['an unknown field', (e) => withData(e, { cashier: '王会计' }), 'data.cashier'],
      [
        'an unknown field in the amount',
        (e) => withData(e, { amount: { currency: 'CNY', minor: 100, yuan: 1 } }),
        'data.amount.yuan',
      ],
      ['an unknown envelope field', (e) => ({ ...e, priority: 'high' }), 'priority'],
      ['a bad entry id', (e) => withData(e, { entryId: '收 2013 101' }), 'data.entryId'],
      ['a bad village id', (e) => withData(e, { villageId: '李家庄村' }), 'data.villageId'],
      ['a missing commandId', (e) => ({ ...e, commandId: undefined }), 'commandId'],
      ['a bad commandId', (e) => ({ ...e, commandId: '-cmd 1' }), 'commandId'],
      ['a negative expectedRevision', (e) => ({ ...e, expectedRevision: -2 }), 'expectedRevision'],
      ['data that is not an object', (e) => ({ ...e, data: ['lijiazhuang'] }), 'data'],
      ['an unknown command', (e) => ({ ...e, type: 'RecordBribe' }), 'type'],
    ])('refuses %s, naming the field, and appends nothing', async (_, mutate, path) => {
      await expectBadInput(mutate(receipt()), path);
    });

    it('names every invalid field at once', async () => {
      const problem = await expectBadInput(
        withData(receipt(), { amount: { currency: 'CNY', minor: 1.5 }, on: '2013-13-01', voucherNo: undefined }),
        'data.on',
      );
      expect(errorPaths(problem)).toEqual(expect.arrayContaining(['data.amount.minor', 'data.on', 'data.voucherNo']));
      expect(problem.errors?.every((e) => CHINESE.test(e.detail))).toBe(true);
    });
  });

  describe('RegisterDispute and its parties', () => {
    it('creates a data subject for each party of an accepted dispute (so the count below can move)', async () => {
      const subjects = subjectKeyCount(t);
      await record(t, 'RegisterDispute', disputeData('TJ-2013-100'));
      expect(subjectKeyCount(t)).toBe(subjects + 2);
    });

    it.each<[string, (e: Envelope) => object, string]>([
      ['parties missing', (e) => withData(e, { parties: undefined }), 'data.parties'],
      ['parties that are not a list', (e) => withData(e, { parties: PARTIES.zhangXiuying.name }), 'data.parties'],
      ['a party that is not an object', (e) => withData(e, { parties: [PARTIES.zhangXiuying.name] }), 'data.parties.0'],
      ['a party without a name', (e) => withParty(e, 1, { name: undefined }), 'data.parties.1.name'],
      ['a party whose name is a number', (e) => withParty(e, 0, { name: 37082919 }), 'data.parties.0.name'],
      ['a party with an empty name', (e) => withParty(e, 0, { name: '' }), 'data.parties.0.name'],
      ['a party with an unknown field', (e) => withParty(e, 1, { ethnicity: '汉族' }), 'data.parties.1.ethnicity'],
      [
        'a party with a bad subject id',
        (e) => withParty(e, 0, { subjectId: '张秀英 身份证' }),
        'data.parties.0.subjectId',
      ],
      ['a party with a malformed phone', (e) => withParty(e, 0, { phone: '电话1390537' }), 'data.parties.0.phone'],
      ['a category not on the list', (e) => withData(e, { category: 'family' }), 'data.category'],
      ['an impossible date', (e) => withData(e, { receivedOn: '2013-04-31' }), 'data.receivedOn'],
      ['a missing summary', (e) => withData(e, { summary: undefined }), 'data.summary'],
      ['a bad dispute id', (e) => withData(e, { disputeId: 'TJ/2013/101' }), 'data.disputeId'],
    ])('refuses %s, naming the field, and appends nothing', async (_, mutate, path) => {
      const subjects = subjectKeyCount(t);
      await expectBadInput(mutate(dispute()), path);
      // Nothing of the refused parties is kept: no data subject was created for them.
      expect(subjectKeyCount(t)).toBe(subjects);
    });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON and appends nothing', async () => {
    const before = await t.runtime.events.headPosition();
    const response = await t.http
      .post('/api/v1/commands')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('Content-Type', 'application/json')
      .send('{"type":"RecordReceipt","commandId":"cmd-json-1","data":{"villageId":"lijiazhuang",')
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 400,
      code: 'MALFORMED_JSON',
      detail: expect.stringMatching(CHINESE),
    });
    expect(await t.runtime.events.headPosition()).toBe(before);
  });

  it('answers a body that is not a JSON object with 400 and appends nothing', async () => {
    const before = await t.runtime.events.headPosition();
    const response = await t.http
      .post('/api/v1/commands')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('Content-Type', 'application/json')
      .send('[1,2,3]')
      .expect(400);
    expect(response.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await t.runtime.events.headPosition()).toBe(before);
  });
});
