import { CommandRecorder, RecordedEvent, usd, yuan } from './support/recorder';
import { startTestApp, TestApp } from './support/test-app';

const GENESIS = '0'.repeat(64);
const HASH = /^[0-9a-f]{64}$/;

interface TrailEvent {
  position: string;
  stream: string;
  revision: number;
  eventId: string;
  type: string;
  actor: { userId: string; role: string };
  recordedAt: string;
  occurredOn: string;
  corrects: string | null;
  commandId: string;
  hash: string;
  prevHash: string;
  integrity: string;
  data: Record<string, unknown>;
}

/**
 * The audit trail (`GET /streams/:stream`, `GET /events`): every event with who recorded it, both
 * clocks, its hashes and the correction it answers, for auditors and admins. The server clock is
 * injected; the first hour is 20:00Z, already the next day (2025-03-02) in Asia/Shanghai:
 *
 *   T0 2025-03-01T20:00Z  admin: village, users, signing ZS-1 (2009-06-18)
 *   T1 2025-03-01T21:00Z  clerk 李: arrival, amendment of ZS-1, receipt R1 and its reversal, gdp 2010 and its revision
 *   T2 2025-03-01T22:00Z  admin: signing ZS-2
 */
describe('the audit trail', () => {
  let t: TestApp;
  let r: CommandRecorder;
  let now = new Date('2025-03-01T20:00:00.000Z');
  const T0 = '2025-03-01T20:00:00.000Z';
  const T1 = '2025-03-01T21:00:00.000Z';
  const T2 = '2025-03-01T22:00:00.000Z';
  const tokens: Record<string, string> = {};
  let clerkEvents: RecordedEvent[] = [];

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    r = new CommandRecorder(t);

    now = new Date(T0);
    await r.send('RegisterVillage', { villageId: 'dongcun', name: '东村' });
    for (const [userId, role] of [
      ['clerk-li', 'clerk'],
      ['auditor-wang', 'auditor'],
      ['supervisor-zhao', 'supervisor'],
    ]) {
      const answer = await r.send('RegisterUser', { userId, name: userId, role });
      expect(answer.token).toEqual(expect.any(String));
      tokens[userId] = answer.token as string;
    }
    await r.send('SignInvestment', {
      investmentId: 'ZS-1',
      investor: '华东汽配',
      sector: 'auto-parts',
      origin: 'domestic',
      amount: yuan(20_000_000),
      signedOn: '2009-06-18',
    });

    now = new Date(T1);
    const clerk = r.as(tokens['clerk-li']);
    const clerkFrom = r.log.length;
    await clerk.send('RecordCapitalArrival', {
      investmentId: 'ZS-1',
      amount: yuan(5_000_000),
      arrivedOn: '2010-01-01',
    });
    await clerk.send('AmendInvestment', { investmentId: 'ZS-1', amount: yuan(60_000_000), reason: '追加投资' });
    await clerk.send('RecordReceipt', {
      villageId: 'dongcun',
      entryId: 'R1',
      amount: yuan(500_000),
      category: 'fiscal-transfer',
      counterparty: '镇财政所',
      voucherNo: '收-001',
      on: '2010-01-10',
    });
    await clerk.send('ReverseEntry', { villageId: 'dongcun', entryId: 'R1', reason: '重复记账', on: '2010-01-20' });
    await clerk.send('ReportIndicator', { indicator: 'gdp', period: '2010', value: 3_300_000_000, unit: 'CNY' });
    await clerk.send('ReportIndicator', {
      indicator: 'gdp',
      period: '2010',
      value: 3_350_000_000,
      unit: 'CNY',
      reason: '统计年鉴核定',
    });
    clerkEvents = r.log.slice(clerkFrom);

    now = new Date(T2);
    await r.send('SignInvestment', {
      investmentId: 'ZS-2',
      investor: 'Acme GmbH',
      sector: 'machinery-electronics',
      origin: 'foreign',
      amount: usd(2_000_000),
      signedOn: '2011-03-03',
    });
  });
  afterAll(() => t.close());

  const auditor = () => tokens['auditor-wang'];
  const stream = async (name: string, query = '') =>
    (await t.get(`/api/v1/streams/${name}${query}`, auditor()).expect(200)).body;
  const events = async (query: string) =>
    (await t.get(`/api/v1/events?${query}`, auditor()).expect(200)).body as {
      events: TrailEvent[];
      next: string | null;
    };

  it("gives a stream's events with both clocks, the actor, the hash chain and the correction each answers", async () => {
    const body = await stream('investment-ZS-1');
    expect(body.stream).toBe('investment-ZS-1');
    const [signed, arrived, amended] = body.events as TrailEvent[];
    expect(body.events).toHaveLength(3);
    expect(signed).toEqual({
      position: expect.stringMatching(/^\d+$/),
      stream: 'investment-ZS-1',
      revision: 0,
      eventId: r.eventId('investment-ZS-1', 'InvestmentSigned'),
      type: 'InvestmentSigned',
      actor: { userId: 'admin', role: 'admin' },
      recordedAt: T0,
      occurredOn: '2009-06-18', // the business date: signedOn
      corrects: null,
      commandId: expect.any(String),
      hash: expect.stringMatching(HASH),
      prevHash: GENESIS,
      integrity: 'verified',
      data: expect.objectContaining({ investmentId: 'ZS-1', signedOn: '2009-06-18', amount: yuan(20_000_000) }),
    });
    expect(arrived).toMatchObject({
      revision: 1,
      type: 'CapitalArrived',
      actor: { userId: 'clerk-li', role: 'clerk' },
      recordedAt: T1,
      occurredOn: '2010-01-01',
      corrects: null,
      prevHash: signed.hash,
      integrity: 'verified',
    });
    expect(amended).toMatchObject({
      revision: 2,
      type: 'InvestmentAmended',
      actor: { userId: 'clerk-li', role: 'clerk' },
      recordedAt: T1,
      // An amendment has no business date of its own: the recording date in Asia/Shanghai (21:00Z is 05:00 next day).
      occurredOn: '2025-03-02',
      corrects: signed.eventId,
      prevHash: arrived.hash,
      integrity: 'verified',
      data: { investmentId: 'ZS-1', amount: yuan(60_000_000), reason: '追加投资' },
    });
    expect(new Set([signed.hash, arrived.hash, amended.hash]).size).toBe(3);
    expect(Number(signed.position)).toBeLessThan(Number(arrived.position));
  });

  it('marks a reversal as correcting the entry, and an indicator revision as correcting the first report', async () => {
    const village = (await stream('village-dongcun')).events as TrailEvent[];
    expect(village.map((e) => [e.type, e.corrects])).toEqual([
      ['VillageRegistered', null],
      ['ReceiptRecorded', null],
      ['EntryReversed', r.eventId('village-dongcun', 'ReceiptRecorded')],
    ]);
    expect(village[0]).toMatchObject({ recordedAt: T0, occurredOn: '2025-03-02' }); // no date of its own: T0 in Shanghai
    expect(village[2]).toMatchObject({ occurredOn: '2010-01-20', prevHash: village[1].hash, integrity: 'verified' });

    const gdp = (await stream('indicator-gdp')).events as TrailEvent[];
    expect(gdp.map((e) => [e.type, e.data.value, e.corrects])).toEqual([
      ['IndicatorReported', 3_300_000_000, null],
      ['IndicatorReported', 3_350_000_000, gdp[0].eventId],
    ]);
    expect(gdp.every((e) => e.integrity === 'verified' && e.actor.userId === 'clerk-li')).toBe(true);
  });

  it('pages a stream by revision', async () => {
    const first = await stream('investment-ZS-1', '?limit=2');
    expect(first.events.map((e: TrailEvent) => e.revision)).toEqual([0, 1]);
    expect(first.next).toBe(2);
    const second = await stream('investment-ZS-1', `?from=${first.next}&limit=2`);
    expect(second.events.map((e: TrailEvent) => e.revision)).toEqual([2]);
    expect(second.next).toBeNull();
    // A page that starts inside the chain still checks against the event before it.
    expect(second.events[0]).toMatchObject({ prevHash: first.events[1].hash, integrity: 'verified' });
  });

  it('pages the whole log with after/next, every event once and in order', async () => {
    const seen: TrailEvent[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const body = await events(`limit=4${after ? `&after=${after}` : ''}`);
      expect(body.events.length).toBeLessThanOrEqual(4);
      seen.push(...body.events);
      if (body.next === null) break;
      after = body.next;
    }
    expect(seen.map((e) => e.eventId)).toEqual(r.log.map((e) => e.eventId));
    expect(seen.every((e) => e.integrity === 'verified' && HASH.test(e.hash))).toBe(true);
    // Positions only grow.
    expect(seen.map((e) => Number(e.position))).toEqual([...seen.map((e) => Number(e.position))].sort((a, b) => a - b));
  });

  it('filters the log by type', async () => {
    const body = await events('type=InvestmentSigned');
    expect(body.events.map((e) => e.stream)).toEqual(['investment-ZS-1', 'investment-ZS-2']);
    expect(body.next).toBeNull();
    const paged = await events('type=InvestmentSigned&limit=1');
    expect(paged.events.map((e) => e.stream)).toEqual(['investment-ZS-1']);
    const rest = await events(`type=InvestmentSigned&limit=1&after=${paged.next}`);
    expect(rest.events.map((e) => e.stream)).toEqual(['investment-ZS-2']);
  });

  it('filters the log by actor: exactly what the clerk recorded with its own token', async () => {
    const body = await events('actor=clerk-li');
    expect(body.events.map((e) => e.eventId)).toEqual(clerkEvents.map((e) => e.eventId));
    expect(body.events).toHaveLength(6);
    expect(body.events.every((e) => e.actor.userId === 'clerk-li' && e.actor.role === 'clerk')).toBe(true);
    const both = await events('actor=clerk-li&type=IndicatorReported');
    expect(both.events.map((e) => e.stream)).toEqual(['indicator-gdp', 'indicator-gdp']);
    expect((await events('actor=nobody')).events).toEqual([]);
  });

  it('filters the log by recording time, both ends inclusive', async () => {
    const hour1 = await events(`recordedFrom=${T1}&recordedTo=${T1}`);
    expect(hour1.events.map((e) => e.eventId)).toEqual(clerkEvents.map((e) => e.eventId));
    // The same instants written without milliseconds.
    const again = await events('recordedFrom=2025-03-01T21:00:00Z&recordedTo=2025-03-01T21:00:00Z');
    expect(again.events.map((e) => e.eventId)).toEqual(clerkEvents.map((e) => e.eventId));
    const after1 = await events('recordedFrom=2025-03-01T21:00:00.001Z');
    expect(after1.events.map((e) => e.stream)).toEqual(['investment-ZS-2']);
    const before1 = await events('recordedTo=2025-03-01T20:59:59.999Z');
    expect(before1.events.every((e) => e.recordedAt === T0)).toBe(true);
    expect(before1.events).toHaveLength(r.log.length - clerkEvents.length - 1);
    expect((await events(`recordedFrom=${T2}`)).events.map((e) => e.recordedAt)).toEqual([T2]);
  });

  it('answers 400 for an after that is no position, or a recording time that is no instant', async () => {
    for (const after of ['abc', '-1', '1.5', '99999999999999999999']) {
      const response = await t.get(`/api/v1/events?after=${after}`, auditor()).expect(400);
      expect(response.body).toMatchObject({ status: 400, errors: [expect.objectContaining({ path: 'after' })] });
    }
    await t.get('/api/v1/events?recordedFrom=yesterday', auditor()).expect(400);
    await t.get('/api/v1/events?limit=0', auditor()).expect(400);
    // Past the head: nothing more.
    expect(await events('after=999999')).toEqual({ events: [], next: null });
  });

  it('is for auditors and admins only', async () => {
    await t.get('/api/v1/events').expect(200); // admin
    await t.get('/api/v1/streams/investment-ZS-1').expect(200);
    for (const userId of ['clerk-li', 'supervisor-zhao']) {
      await t.get('/api/v1/events', tokens[userId]).expect(403);
      await t.get('/api/v1/streams/investment-ZS-1', tokens[userId]).expect(403);
    }
    await t.http.get('/api/v1/events').expect(401);
  });
});
