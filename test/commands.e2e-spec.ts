import { nextCommandId, startTestApp, TestApp } from './support/test-app';

const cny = (yuan: number) => ({ currency: 'CNY', minor: yuan * 100 });

describe('POST /api/v1/commands', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const sign = (investmentId: string, extra: object = {}) => ({
    type: 'SignInvestment',
    commandId: nextCommandId(),
    data: {
      investmentId,
      investor: '华东汽配有限公司',
      sector: 'auto-parts',
      origin: 'domestic',
      amount: cny(120_000_000),
      signedOn: '2009-06-18',
      ...extra,
    },
  });

  it('records a command and answers with its stream, revision, position and events', async () => {
    const envelope = sign('ZS-2009-014');
    const response = await t.command(envelope).expect(201);
    expect(response.body).toEqual({
      commandId: envelope.commandId,
      stream: 'investment-ZS-2009-014',
      revision: 0,
      position: expect.any(String),
      events: [{ eventId: expect.stringMatching(/^[0-9a-f-]{36}$/), type: 'InvestmentSigned' }],
    });
  });

  it('answers a repeated command with the first result and appends nothing', async () => {
    const envelope = sign('ZS-REPEAT');
    const first = await t.command(envelope).expect(201);
    const again = await t.command(envelope).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await t.runtime.events.readStream('investment-ZS-REPEAT')).toHaveLength(1);
  });

  it('refuses a commandId reused with different data (409)', async () => {
    const envelope = sign('ZS-REUSE');
    await t.command(envelope).expect(201);
    const response = await t.command({ ...envelope, data: { ...envelope.data, investor: '另一家公司' } }).expect(409);
    expect(response.body).toMatchObject({ status: 409, code: 'CONFLICT_COMMAND_ID_REUSED' });
  });

  it('answers a broken rule with 422, a stable code and a Chinese detail, English on request', async () => {
    const zero = sign('ZS-ZERO', { amount: cny(0) });
    const zh = await t.command(zero).expect(422);
    expect(zh.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(zh.body).toMatchObject({
      type: expect.any(String),
      title: '违反业务规则',
      status: 422,
      code: 'RULE_AMOUNT_NOT_POSITIVE',
    });
    expect(zh.body.detail).toMatch(/金额必须大于零/);
    const en = await t
      .command({ ...zero, commandId: nextCommandId() }, undefined, { 'Accept-Language': 'en' })
      .expect(422);
    expect(en.body.detail).toMatch(/greater than zero/);
    expect(await t.runtime.events.streamRevision('investment-ZS-ZERO')).toBeUndefined();
  });

  it('answers an existing id with 409 and an unknown aggregate with 404 naming the field', async () => {
    await t.command(sign('ZS-DUP')).expect(201);
    const dup = await t.command(sign('ZS-DUP')).expect(409);
    expect(dup.body).toMatchObject({ code: 'CONFLICT_ID_EXISTS', errors: [{ path: 'data.investmentId' }] });
    const missing = await t
      .command({
        type: 'RecordCapitalArrival',
        commandId: nextCommandId(),
        data: { investmentId: 'NOPE', amount: cny(1), arrivedOn: '2010-01-01' },
      })
      .expect(404);
    expect(missing.body).toMatchObject({ status: 404, errors: [{ path: 'data.investmentId' }] });
    const village = await t.command(sign('ZS-VILLAGE', { villageId: 'no-such-village' })).expect(404);
    expect(village.body).toMatchObject({ errors: [{ path: 'data.villageId' }] });
  });

  it('answers 409 when the stream changed since the given expectedRevision', async () => {
    await t.command(sign('ZS-REV')).expect(201);
    const arrive = {
      type: 'RecordCapitalArrival',
      data: { investmentId: 'ZS-REV', amount: cny(10), arrivedOn: '2009-07-01' },
    };
    await t.command({ ...arrive, commandId: nextCommandId(), expectedRevision: 0 }).expect(201);
    const stale = await t.command({ ...arrive, commandId: nextCommandId(), expectedRevision: 0 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'CONFLICT_STREAM_CHANGED' });
  });

  it.each([
    [
      'a missing field',
      (e: ReturnType<typeof sign>) => ({ ...e, data: { ...e.data, investor: undefined } }),
      'data.investor',
    ],
    [
      'a float amount',
      (e: ReturnType<typeof sign>) => ({ ...e, data: { ...e.data, amount: { currency: 'CNY', minor: 10.5 } } }),
      'data.amount.minor',
    ],
    [
      'a negative amount',
      (e: ReturnType<typeof sign>) => ({ ...e, data: { ...e.data, amount: { currency: 'CNY', minor: -1 } } }),
      'data.amount.minor',
    ],
    [
      'a string amount',
      (e: ReturnType<typeof sign>) => ({ ...e, data: { ...e.data, amount: { currency: 'CNY', minor: '100' } } }),
      'data.amount.minor',
    ],
    [
      'an impossible date',
      (e: ReturnType<typeof sign>) => ({ ...e, data: { ...e.data, signedOn: '2009-02-30' } }),
      'data.signedOn',
    ],
    ['an unknown field', (e: ReturnType<typeof sign>) => ({ ...e, data: { ...e.data, colour: 'red' } }), 'data.colour'],
    [
      'a bad id',
      (e: ReturnType<typeof sign>) => ({ ...e, data: { ...e.data, investmentId: '-bad id' } }),
      'data.investmentId',
    ],
    ['an unknown command', (e: ReturnType<typeof sign>) => ({ ...e, type: 'BuyLottery' }), 'type'],
    ['a wrong type', (e: ReturnType<typeof sign>) => ({ ...e, data: { ...e.data, investor: 42 } }), 'data.investor'],
  ])('answers %s with 400 naming the field, and appends nothing', async (_, mutate, path) => {
    const before = await t.runtime.events.headPosition();
    const response = await t.command(mutate(sign('ZS-BAD'))).expect(400);
    expect(response.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await t.runtime.events.headPosition()).toBe(before);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await t.http
      .post('/api/v1/commands')
      .set('Authorization', 'Bearer e2e-admin-token-0123456789')
      .set('Content-Type', 'application/json')
      .send('{"type": "SignInvestment",')
      .expect(400);
    expect(response.body).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('answers 401 without a valid token', async () => {
    await t.http.post('/api/v1/commands').send(sign('ZS-NOAUTH')).expect(401);
    const bad = await t.command(sign('ZS-NOAUTH'), 'wrong-token').expect(401);
    expect(bad.body).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
