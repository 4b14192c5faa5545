import { CommandRecorder } from './support/recorder';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { recordTownshipTerm, TERM } from './support/township-term';

type MoneyMap = Record<string, number>;

const addMaps = (maps: MoneyMap[]): MoneyMap => {
  const total: MoneyMap = {};
  for (const map of maps)
    for (const [currency, minor] of Object.entries(map)) total[currency] = (total[currency] ?? 0) + minor;
  return total;
};

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The supervisors' overview of a term and the click-through to the records behind a figure, over a
 * whole recorded term: every chart splits a figure of the summary and adds up to it; every figure's
 * records are exactly the ones it counts.
 */
describe("a term's overview and the records behind its figures", () => {
  let t: TestApp;
  let r: CommandRecorder;
  let supervisor: string;
  let summary: Record<string, any>;
  let overview: Record<string, any>;

  beforeAll(async () => {
    t = await startTestApp();
    r = new CommandRecorder(t);
    await recordTownshipTerm(r);
    supervisor = (await r.send('RegisterUser', { userId: 'jw', name: '纪委监督员', role: 'supervisor' })).token!;
    summary = (await t.get(`/api/v1/terms/${TERM.termId}/summary`, supervisor).expect(200)).body;
    overview = (await t.get(`/api/v1/terms/${TERM.termId}/overview`, supervisor).expect(200)).body;
  });
  afterAll(() => t.close());

  it('holds the term and its summary, exactly as the summary endpoint answers it', () => {
    expect(overview.term).toEqual({
      ...{ termId: TERM.termId, name: TERM.name, from: TERM.startsOn, to: TERM.endsOn },
      current: false,
    });
    expect(overview.asOf).toBe(TERM.endsOn);
    expect(overview.summary).toEqual(summary);
  });

  it('splits investment by year and by sector into bars that add up to the summary', () => {
    const { investment } = summary;
    const signed = addMaps([investment.signed.domestic, investment.signed.foreign]);
    const arrived = addMaps([investment.arrived.domestic, investment.arrived.foreign]);
    for (const chart of [overview.charts.investmentByYear, overview.charts.investmentBySector]) {
      expect(sum(chart.map((bar: { signings: number }) => bar.signings))).toBe(investment.signings);
      expect(addMaps(chart.map((bar: { signed: MoneyMap }) => bar.signed))).toEqual(signed);
      expect(addMaps(chart.map((bar: { arrived: MoneyMap }) => bar.arrived))).toEqual(arrived);
    }
    for (const bar of overview.charts.investmentBySector)
      expect({ signings: bar.signings, signed: bar.signed }).toEqual(investment.bySector[bar.sector]);
    const years = overview.charts.investmentByYear.map((bar: { year: string }) => bar.year);
    expect(years).toEqual([...years].sort());
    expect(
      overview.charts.investmentBySector.find((bar: { sector: string }) => bar.sector === 'auto-parts')?.label,
    ).toBe('汽车零部件');
  });

  it('lists projects by status with their Chinese names, as the summary counts them', () => {
    for (const bar of overview.charts.projectsByStatus) expect(bar.count).toBe(summary.projects.byStatus[bar.status]);
    expect(
      overview.charts.projectsByStatus.find((bar: { status: string }) => bar.status === 'under-construction').label,
    ).toBe('在建');
  });

  it('splits disputes by month and by case type, each with its mediation rate', () => {
    const outcomes = ['registered', 'resolvedByMediation', 'resolvedOtherwise', 'escalated', 'open'];
    for (const chart of [overview.charts.disputesByMonth, overview.charts.disputesByCategory])
      for (const outcome of outcomes)
        expect(sum(chart.map((bar: Record<string, number>) => bar[outcome]))).toBe(summary.disputes[outcome]);
    const months = overview.charts.disputesByMonth.map((bar: { month: string }) => bar.month);
    expect(months[0]).toBe('2008-10');
    // every month from the first to the last, none skipped
    for (let i = 1; i < months.length; i++) {
      const [y, m] = months[i - 1].split('-').map(Number);
      expect(months[i]).toBe(m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`);
    }
    for (const bar of overview.charts.disputesByCategory) {
      const concluded = bar.resolvedByMediation + bar.resolvedOtherwise + bar.escalated;
      if (concluded === 0) expect(bar.mediationSuccessRate).toBeNull();
      else expect(bar.mediationSuccessRate).toBeCloseTo(bar.resolvedByMediation / concluded, 4);
    }
  });

  it("splits the villages' receipts and expenditures by village, named", () => {
    const bars = overview.charts.villageFinance;
    expect(addMaps(bars.map((bar: { receipts: MoneyMap }) => bar.receipts))).toEqual(summary.villageFinance.receipts);
    expect(addMaps(bars.map((bar: { expenditures: MoneyMap }) => bar.expenditures))).toEqual(
      summary.villageFinance.expenditures,
    );
    expect(bars.map((bar: { name: string }) => bar.name)).toEqual(expect.arrayContaining(['东村', '西村']));
  });

  it('lists the latest records of the term newest first, by name and amount, never a party', () => {
    const latest = overview.latest as { position: string; action: string; record: Record<string, unknown> }[];
    expect(latest).toHaveLength(20);
    const positions = latest.map((item) => Number(item.position));
    expect(positions).toEqual([...positions].sort((a, b) => b - a));
    for (const item of latest) {
      expect(item.action).toMatch(/[\u4e00-\u9fff]/);
      // An indicator this township never named (urbanization-rate) is shown under its code.
      if (item.record.kind !== 'indicator') expect(item.record.name).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(latest.some((item) => item.record.amount !== null)).toBe(true);
    expect(JSON.stringify(latest)).not.toMatch(/申请人|0371-5555/);
  });

  it("counts open warnings as of the term's last day", () =>
    expect(overview.warnings).toEqual({ red: expect.any(Number), yellow: expect.any(Number) }));

  describe('the records behind a figure (click-through)', () => {
    const records = async (figure: string, token = supervisor) =>
      (await t.get(`/api/v1/terms/${TERM.termId}/summary/records?figure=${figure}`, token).expect(200)).body;
    const evidence = async (figure: string) =>
      (await t.get(`/api/v1/terms/${TERM.termId}/summary/evidence?figure=${figure}`, ADMIN_TOKEN).expect(200)).body;

    it('lists exactly the counted signings, each once, for a supervisor', async () => {
      const answer = await records('investment.signings');
      expect(answer.value).toBe(summary.investment.signings);
      expect(answer.records).toHaveLength(summary.investment.signings);
      const streams = [
        ...new Set((await evidence('investment.signings')).events.map((e: { stream: string }) => e.stream)),
      ];
      expect(answer.records.map((row: { stream: string }) => row.stream).sort()).toEqual(streams.sort());
      for (const row of answer.records) {
        expect(row.kind).toBe('investment');
        expect(row.status).toBe('已签约');
        expect(row.amount.minor).toBeGreaterThan(0);
      }
    });

    it('lists the terminated signings apart', async () => {
      const answer = await records('investment.terminated');
      expect(answer.records).toHaveLength(summary.investment.terminated);
      for (const row of answer.records) expect(row.status).toBe('已终止');
    });

    it('lists the open disputes as of the term, without their parties', async () => {
      const answer = await records('disputes.open');
      expect(answer.records).toHaveLength(summary.disputes.open);
      for (const row of answer.records) expect(row.name).toMatch(/（JF-\d+）$/);
      expect(JSON.stringify(answer)).not.toMatch(/申请人|0371-5555/);
    });

    it("lists the receipts whose amounts make the villages' receipts", async () => {
      const answer = await records('villageFinance.receipts.CNY');
      expect(sum(answer.records.map((row: { amount: { minor: number } }) => row.amount.minor))).toBe(
        summary.villageFinance.receipts.CNY,
      );
      expect((await evidence('villageFinance.receipts.CNY')).events).toHaveLength(answer.records.length);
      for (const row of answer.records) {
        expect(row.kindLabel).toBe('村级收入');
        expect(row.villageName).toMatch(/村$/);
      }
    });

    it('answers 404 naming the figure for a figure the summary lacks', async () => {
      const response = await t.get(
        `/api/v1/terms/${TERM.termId}/summary/records?figure=investment.nothing`,
        supervisor,
      );
      expect(response.status).toBe(404);
      expect(response.body.errors?.map((e: { path: string }) => e.path) ?? [response.body.code]).toBeTruthy();
      expect(response.body.code).toBe('FIGURE_NOT_FOUND');
    });
  });
});
