import request from 'supertest';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { CHINESE, errorPaths, expectRefused } from './support/refusals';
import {
  disputeData,
  envelope,
  indicatorData,
  receiptData,
  record,
  recordTownship,
  registerUser,
  wholeLogText,
  yuan,
} from './support/township';

const PROTOTYPE_NAMES = ['toString', 'valueOf', 'constructor', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];

/** Commands shaped to slip past validation, or to break what reads the log afterwards. */
describe('hostile command bodies', () => {
  let t: TestApp;
  let clerkOfLijiazhuang: string;
  let supervisor: string;
  let entry = 0;
  const receipt = (villageId = 'lijiazhuang') =>
    receiptData(villageId, `SR-H-${String(++entry).padStart(3, '0')}`, yuan(100));

  beforeAll(async () => {
    t = await startTestApp();
    await recordTownship(t);
    clerkOfLijiazhuang = await registerUser(t, {
      userId: 'li-lu',
      name: '李录入',
      role: 'clerk',
      villages: ['lijiazhuang'],
    });
    supervisor = await registerUser(t, { userId: 'sun-jiandu', name: '孙监督', role: 'supervisor' });
  });
  afterAll(() => t.close());

  describe('fields named after Object.prototype members', () => {
    it.each(PROTOTYPE_NAMES)('refuses data.%s as an unknown field and appends nothing', async (name) => {
      await expectRefused(t, envelope('RecordReceipt', { ...receipt(), [name]: '张秀英 370829196503154822' }), {
        status: 400,
        code: 'VALIDATION_FAILED',
        path: `data.${name}`,
      });
    });

    it.each(PROTOTYPE_NAMES)('refuses %s nested inside a money object', async (name) => {
      const data = { ...receipt(), amount: { currency: 'CNY', minor: 100, [name]: 1 } };
      await expectRefused(t, envelope('RecordReceipt', data), { status: 400, path: `data.amount.${name}` });
    });

    it('never stores a party name hidden under such a field in clear', async () => {
      const data = { ...disputeData('TJ-H-001'), toString: '张秀英 370829196503154822' };
      await expectRefused(t, envelope('RegisterDispute', data), { status: 400, path: 'data.toString' });
      expect(await wholeLogText(t)).not.toContain('370829196503154822');
    });

    it('refuses a deep array under an unknown field, and the audit trail keeps answering', async () => {
      const sent = JSON.stringify(envelope('RecordReceipt', { ...receipt(), valueOf: 'DEEP' }));
      const body = sent.replace('"DEEP"', `${'['.repeat(6000)}${']'.repeat(6000)}`);
      const response = await request(t.app.getHttpServer())
        .post('/api/v1/commands')
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(response.status).toBe(400);
      await t.get('/api/v1/streams/village-lijiazhuang').expect(200);
      await t.get('/api/v1/events?limit=1000').expect(200);
    });
  });

  describe('command types named after Object.prototype members', () => {
    it.each(['toString', '__proto__', 'valueOf', 'hasOwnProperty', 'constructor'])(
      'answers %s as an unknown type (400 naming type), to an admin and to a supervisor',
      async (type) => {
        for (const token of [ADMIN_TOKEN, supervisor]) {
          const problem = await expectRefused(t, { type, commandId: 'cmd-proto', data: {} }, { status: 400 }, token);
          expect(errorPaths(problem)).toContain('type');
        }
      },
    );

    it('answers such a type on an import line in Chinese, naming the type', async () => {
      const lines = ['toString', '__proto__'].map((type) => JSON.stringify({ type, commandId: `c-${type}`, data: {} }));
      const response = await request(t.app.getHttpServer())
        .post('/api/v1/commands/import?onError=continue')
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .set('Content-Type', 'application/x-ndjson')
        .send(lines.join('\n'));
      const results = response.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(results.slice(0, 2)).toEqual([
        expect.objectContaining({ line: 1, ok: false, status: 400, detail: expect.stringMatching(CHINESE) }),
        expect.objectContaining({ line: 2, ok: false, status: 400, detail: expect.stringMatching(CHINESE) }),
      ]);
      expect(results[0].detail).toContain('toString');
    });
  });

  it.each([
    ['objects', '{"a":', '}'],
    ['lists', '[', ']'],
  ])('refuses JSON nested 5,000 deep in %s with 400, not a server error', async (_kind, open, close) => {
    const sent = JSON.stringify(envelope('RecordReceipt', { ...receipt(), counterparty: 'DEEP' }));
    const body = sent.replace('"DEEP"', `${open.repeat(5000)}1${close.repeat(5000)}`);
    const response = await request(t.app.getHttpServer())
      .post('/api/v1/commands')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(errorPaths(response.body)[0]).toMatch(/^data\.counterparty/);
  });

  it('refuses nesting deeper than 32 levels, naming where', async () => {
    let note: unknown = '备注';
    for (let i = 0; i < 40; i++) note = { note };
    const problem = await expectRefused(t, envelope('RecordReceipt', { ...receipt(), counterparty: note }), {
      status: 400,
    });
    expect(errorPaths(problem)[0]).toMatch(/^data\.counterparty(\.note)+$/);
  });

  describe('text and numbers an auditor could not reproduce', () => {
    it.each([
      ['a lone high surrogate', '李家\ud800庄'],
      ['a lone low surrogate', '李家\udc00庄'],
      ['the noncharacter U+FFFF', '李家\uffff庄'],
      ['the noncharacter U+FDD0', '李家\ufdd0庄'],
      ['a supplementary noncharacter U+1FFFF', '李家\ud83f\udfff庄'],
    ])('refuses %s in a string field', async (_name, counterparty) => {
      await expectRefused(t, envelope('RecordReceipt', { ...receipt(), counterparty }), {
        status: 400,
        path: 'data.counterparty',
      });
    });

    it('accepts characters outside the basic plane written as surrogate pairs', async () => {
      await record(t, 'RecordReceipt', { ...receipt(), counterparty: '𠀀村民小组' });
    });

    it('refuses a lone surrogate in a field name', async () => {
      const data = { ...receipt(), ['x\ud800']: 1 };
      const problem = await expectRefused(t, envelope('RecordReceipt', data), { status: 400 });
      expect(errorPaths(problem)[0]).toMatch(/^data\./);
    });

    it('refuses a number outside the safe integers instead of storing it rounded', async () => {
      const body = `{"type":"ReportIndicator","commandId":"cmd-big","data":{"indicator":"primary-industry-share","period":"2013","value":9007199254740993,"unit":"percent"}}`;
      const before = await t.runtime.events.headPosition();
      const response = await request(t.app.getHttpServer())
        .post('/api/v1/commands')
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(response.status).toBe(400);
      expect(errorPaths(response.body)).toContain('data.value');
      expect(await t.runtime.events.headPosition()).toBe(before);
      await record(t, 'ReportIndicator', indicatorData('primary-industry-share', '2013', 19, 'percent'));
    });
  });

  describe("a clerk limited to one village learns nothing of other villages' records", () => {
    it('gets the same 403 for a record that does not exist as for a record of another village', async () => {
      await record(t, 'RegisterDispute', disputeData('TJ-H-WJW', { villageId: 'wangjiawan' }));
      const mediation = (disputeId: string) => ({
        disputeId,
        heldOn: '2013-04-20',
        mediator: '王调解员',
        outcome: 'agreement',
      });
      const elsewhere = await expectRefused(
        t,
        envelope('RecordMediation', mediation('TJ-H-WJW')),
        { status: 403 },
        clerkOfLijiazhuang,
      );
      const nowhere = await expectRefused(
        t,
        envelope('RecordMediation', mediation('TJ-H-NONE')),
        { status: 403 },
        clerkOfLijiazhuang,
      );
      expect({ code: nowhere.code, detail: nowhere.detail }).toEqual({
        code: elsewhere.code,
        detail: elsewhere.detail,
      });
      expect(elsewhere.detail).not.toContain('wangjiawan');
    });

    it('still records for its own village', async () => {
      await record(t, 'RegisterDispute', disputeData('TJ-H-LJZ', { villageId: 'lijiazhuang' }), clerkOfLijiazhuang);
    });
  });
});
