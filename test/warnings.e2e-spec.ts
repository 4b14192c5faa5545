import { addDays } from '@sunshine/domain';
import { CommandRecorder, yuan } from './support/recorder';
import { startTestApp, TestApp } from './support/test-app';
import { levelAsOf, movableClock, recordTownship, warningsOf } from './support/warnings';

/**
 * `GET /api/v1/warnings?asOf=`: each rule of DOMAIN.md ("Warnings") at, just before and just after
 * each of its thresholds, counted in calendar days from the record's own date. Today is 2026-06-30.
 */
describe('warnings (三色预警) as of a date', () => {
  let t: TestApp;
  let r: CommandRecorder;
  const at = (warningId: string, asOf: string) => levelAsOf(t, warningId, asOf);
  const expense = (entryId: string, amountMinor: number, on: string, category = 'administration') =>
    r.send('RecordExpenditure', {
      villageId: 'V01',
      entryId,
      amount: { currency: 'CNY', minor: amountMinor },
      category,
      payee: '县城宾馆',
      voucherNo: `支-${entryId}`,
      approvalRef: '村民代表会议〔2026〕1号',
      on,
    });

  beforeAll(async () => {
    const time = movableClock('2026-06-30');
    t = await startTestApp({ clock: time.clock });
    r = new CommandRecorder(t);
    await recordTownship(r);

    // disputes
    const dispute = (disputeId: string, receivedOn: string) =>
      r.send('RegisterDispute', {
        disputeId,
        category: 'neighbour',
        receivedOn,
        summary: '宅基地边界',
        parties: [{ name: '张三' }],
        villageId: 'V01',
      });
    await dispute('D-1', '2026-03-01');
    await dispute('D-2', '2026-03-01');
    await r.send('RecordMediation', {
      disputeId: 'D-2',
      heldOn: '2026-03-20',
      mediator: '调解员',
      outcome: 'agreement',
    });
    await r.send('ResolveDispute', { disputeId: 'D-2', resolvedOn: '2026-04-15', method: 'mediation' });
    await dispute('D-3', '2026-03-01');
    await r.send('EscalateDispute', { disputeId: 'D-3', escalatedOn: '2026-05-10', to: 'court', reason: '调解不成' });
    await dispute('D-4', '2026-03-01');
    await r.send('VoidRecord', { stream: 'dispute-D-4', reason: '重复登记' });

    // projects
    const project = async (projectId: string, name: string) =>
      r.send('RegisterProject', {
        projectId,
        name,
        category: 'infrastructure',
        registeredOn: '2025-06-01',
        plannedInvestment: yuan(3_000_000),
        villageId: 'V02',
      });
    await project('P-1', '西村文化广场');
    await r.send('RecordMilestone', { projectId: 'P-1', milestone: 'construction-started', reachedOn: '2025-07-01' });
    await r.send('ReportProjectProgress', { projectId: 'P-1', investedToDate: yuan(500_000), asOf: '2025-10-01' });
    await project('P-2', '西村排水渠');
    await r.send('RecordMilestone', { projectId: 'P-2', milestone: 'construction-started', reachedOn: '2025-07-01' });
    await r.send('RecordMilestone', { projectId: 'P-2', milestone: 'suspended', reachedOn: '2025-08-01' });
    await project('P-3', '尚未开工的项目');

    // audit findings found on 2026-06-10, recorded today: days count from foundOn
    await r.send('OpenAudit', {
      auditId: 'A-1',
      subject: { kind: 'village', id: 'V02' },
      scope: 'funds',
      openedOn: '2026-06-01',
      leadAuditor: '王审计',
    });
    const find = (findingId: string, severity: string, description: string) =>
      r.send('RecordFinding', { auditId: 'A-1', findingId, severity, description, foundOn: '2026-06-10' });
    await find('F-minor', 'minor', '白条入账');
    await find('F-major', 'major', '挪用专项资金');
    await find('F-done', 'minor', '账目不清');
    await r.send('RecordRectification', {
      auditId: 'A-1',
      findingId: 'F-done',
      rectifiedOn: '2026-06-30',
      description: '已补正',
    });

    // village debts on either side of the new term's first day
    const debt = (debtId: string, incurredOn: string) =>
      r.send('RegisterDebt', { villageId: 'V01', debtId, creditor: '县农商行', amount: yuan(80_000), incurredOn });
    await debt('DEBT-old', '2025-12-31');
    await debt('DEBT-new', '2026-01-01');
    await r.send('SettleDebt', {
      villageId: 'V01',
      debtId: 'DEBT-new',
      amount: yuan(30_000),
      settledOn: '2026-02-01',
      method: 'repaid',
    });

    // administration expenses around 50,000 and 200,000 yuan
    await expense('E-below', 4_999_999, '2026-05-01');
    await expense('E-yellow', 5_000_000, '2026-05-02');
    await expense('E-high', 19_999_999, '2026-05-03');
    await expense('E-red', 20_000_000, '2026-05-04');
    await expense('E-welfare', 30_000_000, '2026-05-05', 'welfare');
    await expense('E-reversed', 30_000_000, '2026-05-06');
    await r.send('ReverseEntry', { villageId: 'V01', entryId: 'E-reversed', reason: '误记', on: '2026-05-20' });

    // signings of 1,000,000 yuan on 2025-01-10, with arrivals of various shares
    const sign = (investmentId: string) =>
      r.send('SignInvestment', {
        investmentId,
        investor: `${investmentId}实业有限公司`,
        sector: 'auto-parts',
        origin: 'domestic',
        amount: yuan(1_000_000),
        signedOn: '2025-01-10',
        villageId: 'V02',
      });
    const arrive = (investmentId: string, minor: number, arrivedOn: string) =>
      r.send('RecordCapitalArrival', { investmentId, amount: { currency: 'CNY', minor }, arrivedOn });
    await sign('I-none');
    await sign('I-ten');
    await arrive('I-ten', 10_000_000, '2025-03-01');
    await sign('I-under30');
    await arrive('I-under30', 29_999_999, '2025-03-01');
    await sign('I-thirty');
    await arrive('I-thirty', 30_000_000, '2025-03-01');
    await sign('I-lifted');
    await arrive('I-lifted', 5_000_000, '2025-03-01');
    await arrive('I-lifted', 6_000_000, '2026-02-14');
    await sign('I-ended');
    await r.send('TerminateInvestment', { investmentId: 'I-ended', terminatedOn: '2025-06-01', reason: '企业退出' });
    await sign('I-void');
    await r.send('VoidRecord', { stream: 'investment-I-void', reason: '误录' });

    // indicators with a 2026 target; the first half year reported
    await r.send('ReportIndicator', { indicator: 'fiscal-revenue', period: '2025', value: 90_000_000_00, unit: 'CNY' });
    await r.send('SetIndicatorTarget', { indicator: 'fiscal-revenue', period: '2026', target: 100_000_000_00 });
    await r.send('ReportIndicator', {
      indicator: 'fiscal-revenue',
      period: '2026-01/2026-06',
      value: 40_000_000_00,
      unit: 'CNY',
    });
    await r.send('ReportIndicator', { indicator: 'gdp', period: '2025', value: 900_000_000_00, unit: 'CNY' });
    await r.send('SetIndicatorTarget', { indicator: 'gdp', period: '2026', target: 1_000_000_000_00 });
    await r.send('ReportIndicator', {
      indicator: 'gdp',
      period: '2026-01/2026-06',
      value: 200_000_000_00,
      unit: 'CNY',
    });
  });
  afterAll(() => t.close());

  describe('dispute-overdue: neither resolved nor escalated, from receivedOn', () => {
    const id = 'dispute-overdue:dispute-D-1';
    const received = '2026-03-01';
    it.each([
      [29, null],
      [30, { level: 'yellow', raisedOn: addDays(received, 30) }],
      [31, { level: 'yellow', raisedOn: addDays(received, 30) }],
      [59, { level: 'yellow', raisedOn: addDays(received, 30) }],
      [60, { level: 'red', raisedOn: addDays(received, 60) }],
      [61, { level: 'red', raisedOn: addDays(received, 60) }],
    ])('received on D, as of D + %i: %j', async (days, expected) =>
      expect(await at(id, addDays(received, days))).toEqual(expected),
    );

    it('stands until the dispute is concluded, then is gone', async () => {
      expect(await at('dispute-overdue:dispute-D-2', '2026-04-14')).toEqual({
        level: 'yellow',
        raisedOn: '2026-03-31',
      });
      expect(await at('dispute-overdue:dispute-D-2', '2026-04-15')).toBeNull();
      expect(await at('dispute-overdue:dispute-D-3', '2026-05-09')).toEqual({ level: 'red', raisedOn: '2026-04-30' });
      expect(await at('dispute-overdue:dispute-D-3', '2026-05-10')).toBeNull();
    });

    it('names the village and the case, never a party, and counts the days', async () => {
      const [warning] = (await warningsOf(t, '?asOf=2026-04-14')).filter((w) => w.warningId === id);
      expect(warning).toMatchObject({ rule: 'dispute-overdue', stream: 'dispute-D-1', villageId: 'V01' });
      expect(warning.detail).toContain('东村');
      expect(warning.detail).toContain('邻里纠纷');
      expect(warning.detail).toContain('2026年3月1日');
      expect(warning.detail).toContain('44天');
      expect(warning.detail).not.toContain('张三');
      expect(warning.detail).not.toContain('V01');
    });
  });

  describe('project-stalled: under construction, no milestone and no progress report since the last', () => {
    const id = 'project-stalled:project-P-1';
    const last = '2025-10-01';
    it.each([
      [89, null],
      [90, { level: 'yellow', raisedOn: addDays(last, 90) }],
      [91, { level: 'yellow', raisedOn: addDays(last, 90) }],
      [179, { level: 'yellow', raisedOn: addDays(last, 90) }],
      [180, { level: 'red', raisedOn: addDays(last, 180) }],
      [181, { level: 'red', raisedOn: addDays(last, 180) }],
    ])('last progress report on L, as of L + %i: %j', async (days, expected) =>
      expect(await at(id, addDays(last, days))).toEqual(expected),
    );

    it('counts from the start of construction before the first report', async () =>
      expect(await at(id, addDays('2025-07-01', 90))).toEqual({ level: 'yellow', raisedOn: '2025-09-29' }));

    it('raises nothing for a suspended project or one not yet started', async () => {
      const ids = (await warningsOf(t, '?asOf=2027-01-01')).map((w) => w.warningId);
      expect(ids).toContain(id);
      expect(ids).not.toContain('project-stalled:project-P-2');
      expect(ids).not.toContain('project-stalled:project-P-3');
    });
  });

  describe('finding-unrectified: from the day it was found', () => {
    const found = '2026-06-10';
    it.each([
      ['F-minor', 59, null],
      ['F-minor', 60, { level: 'yellow', raisedOn: addDays(found, 60) }],
      ['F-minor', 61, { level: 'yellow', raisedOn: addDays(found, 60) }],
      ['F-minor', 89, { level: 'yellow', raisedOn: addDays(found, 60) }],
      ['F-minor', 90, { level: 'red', raisedOn: addDays(found, 90) }],
      ['F-minor', 91, { level: 'red', raisedOn: addDays(found, 90) }],
      ['F-major', 29, null],
      ['F-major', 30, { level: 'red', raisedOn: addDays(found, 30) }],
      ['F-major', 31, { level: 'red', raisedOn: addDays(found, 30) }],
      ['F-done', 90, null],
    ])('%s found on F, as of F + %i: %j', async (findingId, days, expected) =>
      expect(await at(`finding-unrectified:audit-A-1:${findingId}`, addDays(found, days))).toEqual(expected),
    );

    it('belongs to the audited village and names the finding', async () => {
      const warning = (await warningsOf(t, '?asOf=2026-09-01')).find(
        (w) => w.warningId === 'finding-unrectified:audit-A-1:F-major',
      );
      expect(warning).toMatchObject({ villageId: 'V02', stream: 'audit-A-1' });
      expect(warning?.detail).toContain('挪用专项资金');
      expect(warning?.detail).toContain('西村');
      expect(warning?.detail).toContain('较重');
    });
  });

  describe('new-village-debt: incurred inside the term that holds the as-of date', () => {
    it('is red at once for a debt of the current term, whatever was settled', async () => {
      expect(await at('new-village-debt:village-V01:DEBT-new', '2026-01-01')).toEqual({
        level: 'red',
        raisedOn: '2026-01-01',
      });
      const warning = (await warningsOf(t, '?asOf=2026-06-30')).find(
        (w) => w.warningId === 'new-village-debt:village-V01:DEBT-new',
      );
      expect(warning?.detail).toContain('东村');
      expect(warning?.detail).toContain('县农商行');
      expect(warning?.detail).toMatch(/尚欠5\s?万元/);
    });

    it('raises nothing for a debt from before the term (存量)', async () =>
      expect(await at('new-village-debt:village-V01:DEBT-old', '2026-01-01')).toBeNull());

    it("judges each date by its own term: the old term's last day makes the old debt new", async () => {
      expect(await at('new-village-debt:village-V01:DEBT-old', '2025-12-31')).toEqual({
        level: 'red',
        raisedOn: '2025-12-31',
      });
      expect(await at('new-village-debt:village-V01:DEBT-new', '2025-12-31')).toBeNull();
    });

    it('raises nothing on a date no term holds', async () =>
      expect(await at('new-village-debt:village-V01:DEBT-new', '2031-01-01')).toBeNull());
  });

  describe('large-administration-expense: one administration expenditure, at once', () => {
    it.each([
      ['E-below', null],
      ['E-yellow', { level: 'yellow', raisedOn: '2026-05-02' }],
      ['E-high', { level: 'yellow', raisedOn: '2026-05-03' }],
      ['E-red', { level: 'red', raisedOn: '2026-05-04' }],
      ['E-welfare', null],
    ])('%s: %j', async (entryId, expected) =>
      expect(await at(`large-administration-expense:village-V01:${entryId}`, '2026-06-30')).toEqual(expected),
    );

    it('stands until the entry is reversed', async () => {
      const id = 'large-administration-expense:village-V01:E-reversed';
      expect(await at(id, '2026-05-19')).toEqual({ level: 'red', raisedOn: '2026-05-06' });
      expect(await at(id, '2026-05-20')).toBeNull();
    });

    it('names the payee and the amount in yuan', async () => {
      const warning = (await warningsOf(t)).find(
        (w) => w.warningId === 'large-administration-expense:village-V01:E-red',
      );
      expect(warning?.detail).toContain('县城宾馆');
      expect(warning?.detail).toMatch(/20\s?万元/);
    });
  });

  describe('capital-arrival-low: a signing at least 365 days old, arrivals against the signed amount', () => {
    const signed = '2025-01-10';
    it.each([
      ['I-none', 364, null],
      ['I-none', 365, { level: 'red', raisedOn: addDays(signed, 365) }],
      ['I-none', 366, { level: 'red', raisedOn: addDays(signed, 365) }],
      ['I-ten', 365, { level: 'yellow', raisedOn: addDays(signed, 365) }],
      ['I-under30', 365, { level: 'yellow', raisedOn: addDays(signed, 365) }],
      ['I-thirty', 365, null],
      ['I-ended', 400, null],
      ['I-void', 400, null],
    ])('%s as of signing + %i days: %j', async (investmentId, days, expected) =>
      expect(await at(`capital-arrival-low:investment-${investmentId}`, addDays(signed, days))).toEqual(expected),
    );

    it('turns yellow on the day an arrival lifts it out of red', async () => {
      const id = 'capital-arrival-low:investment-I-lifted';
      expect(await at(id, '2026-02-13')).toEqual({ level: 'red', raisedOn: '2026-01-10' });
      expect(await at(id, '2026-02-14')).toEqual({ level: 'yellow', raisedOn: '2026-02-14' });
    });
  });

  describe('indicator-behind-target: a target at least half elapsed, against the elapsed share', () => {
    // 2026 has 365 days: half is reached on its 183rd, 2026-07-02. January–June covers 181 days,
    // so 10 亿 × 181/365 ≈ 4.96 亿 is on track: 4 亿 is behind (yellow), 2 亿 is below half of it (red).
    it.each([
      ['fiscal-revenue', '2026-07-01', null],
      ['fiscal-revenue', '2026-07-02', { level: 'yellow', raisedOn: '2026-07-02' }],
      ['fiscal-revenue', '2026-12-31', { level: 'yellow', raisedOn: '2026-07-02' }],
      ['fiscal-revenue', '2027-01-01', null],
      ['gdp', '2026-07-02', { level: 'red', raisedOn: '2026-07-02' }],
    ])('%s as of %s: %j', async (code, asOf, expected) =>
      expect(await at(`indicator-behind-target:indicator-${code}`, asOf)).toEqual(expected),
    );

    it('says the target, the value and the time elapsed', async () => {
      const warning = (await warningsOf(t, '?asOf=2026-08-01')).find(
        (w) => w.warningId === 'indicator-behind-target:indicator-fiscal-revenue',
      );
      expect(warning).toMatchObject({ villageId: null });
      expect(warning?.detail).toContain('财政收入');
      // 181 of 365 days, as the report states a percentage (one decimal)
      expect(warning?.detail).toContain('时间进度49.6%');
    });
  });

  it('lists red first, then by the day the level began, and filters by level and village', async () => {
    const all = await warningsOf(t, '?asOf=2026-06-30');
    const levels = all.map((w) => w.level);
    expect(levels).toEqual([...levels].sort((a, b) => (a === b ? 0 : a === 'red' ? -1 : 1)));
    for (const level of ['red', 'yellow']) {
      const days = all.filter((w) => w.level === level).map((w) => w.raisedOn);
      expect(days).toEqual([...days].sort());
    }
    expect((await warningsOf(t, '?asOf=2026-06-30&level=yellow')).every((w) => w.level === 'yellow')).toBe(true);
    const west = await warningsOf(t, '?asOf=2026-06-30&villageId=V02');
    expect(west.length).toBeGreaterThan(0);
    expect(west.every((w) => w.villageId === 'V02')).toBe(true);
    expect(all.filter((w) => w.villageId === 'V02')).toEqual(west);
  });

  it('raises nothing for a voided record', async () => {
    const ids = (await warningsOf(t, '?asOf=2026-12-31')).map((w) => w.warningId);
    expect(ids).toContain('dispute-overdue:dispute-D-1');
    expect(ids).not.toContain('dispute-overdue:dispute-D-4');
    expect(ids).not.toContain('capital-arrival-low:investment-I-void');
  });

  it('refuses a date that is not a calendar date, naming it', async () => {
    const response = await t.get('/api/v1/warnings?asOf=2026-02-30').expect(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain('asOf');
  });
});
