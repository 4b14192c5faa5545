import { Money } from '@sunshine/domain';
import { EventLog, project } from '../records/testing/event-log';
import { periodAYearEarlier } from './span-indicators';
import { traceSpan, traceTerm } from './summarize';

const cny = (minor: number): Money => ({ currency: 'CNY', minor });

/** A township's 2024 and 2025, built so each rule of a span has a case on either side of it. */
const spanLog = () => {
  const log = new EventLog();
  const at = (stream: string, type: string, data: object, occurredOn: string) =>
    log.append(stream, type, data, occurredOn);
  const register = (id: string, name: string, category: string, planned: number, registeredOn: string) =>
    at(
      `project-${id}`,
      'ProjectRegistered',
      { projectId: id, name, category, registeredOn, plannedInvestment: cny(planned), funding: [], villageId: 'V1' },
      registeredOn,
    );
  // projects of 1–9月 2025: a 6.5亿元 water project, a small school, a 一事一议 road; one of 2024
  register('P1', '县乡供水一体化工程', 'infrastructure', 65_000_000_000, '2025-02-01');
  at(
    'project-P1',
    'MilestoneReached',
    { projectId: 'P1', milestone: 'construction-started', reachedOn: '2025-03-01' },
    '2025-03-01',
  );
  at(
    'project-P1',
    'ProjectProgressReported',
    { projectId: 'P1', investedToDate: cny(20_000_000_000), asOf: '2025-06-30' },
    '2025-06-30',
  );
  // after the span: neither the completion nor its progress report counts in 1–9月
  at(
    'project-P1',
    'MilestoneReached',
    { projectId: 'P1', milestone: 'completed', reachedOn: '2025-11-01' },
    '2025-11-01',
  );
  at(
    'project-P1',
    'ProjectProgressReported',
    { projectId: 'P1', investedToDate: cny(60_000_000_000), asOf: '2025-11-01' },
    '2025-11-01',
  );
  register('P2', '镇中心小学教学楼', 'public-service', 3_000_000_000, '2025-04-01');
  register('P3', '一事一议：村道硬化', 'one-matter-one-discussion', 50_000_000, '2025-05-01');
  register('P4', '农贸市场', 'industrial', 800_000_000, '2024-05-01');
  register('P5', '污水管网', 'infrastructure', 900_000_000, '2025-10-15'); // after 1–9月

  // disputes: two escalated (to the county, to a court), one escalated only after the span
  const dispute = (id: string, category: string, receivedOn: string) =>
    at(`dispute-${id}`, 'DisputeRegistered', { disputeId: id, category, receivedOn, subjectIds: ['s'] }, receivedOn);
  const escalate = (id: string, to: string, escalatedOn: string) =>
    at(`dispute-${id}`, 'DisputeEscalated', { disputeId: id, escalatedOn, to, reason: '调解未果' }, escalatedOn);
  dispute('D1', 'neighbour', '2025-01-10');
  escalate('D1', 'county', '2025-02-10');
  dispute('D2', 'neighbour', '2025-03-10');
  escalate('D2', 'court', '2025-04-10');
  dispute('D3', 'labour', '2025-08-10');
  escalate('D3', 'county', '2025-10-10');
  dispute('D4', 'neighbour', '2024-03-10');

  // cash books: welfare and public works in the span; one reversed in it; administration
  const spend = (entryId: string, minor: number, category: string, on: string) =>
    at(
      'village-V1',
      'ExpenditureRecorded',
      {
        villageId: 'V1',
        entryId,
        amount: cny(minor),
        category,
        payee: '施工队',
        voucherNo: entryId,
        approvalRef: 'JY',
        on,
      },
      on,
    );
  spend('E1', 3_000_000, 'welfare', '2025-02-01');
  spend('E2', 5_000_000, 'public-works', '2025-03-01');
  spend('E3', 7_000_000, 'public-works', '2025-04-01');
  at(
    'village-V1',
    'EntryReversed',
    { villageId: 'V1', entryId: 'E3', reason: '凭证错误', on: '2025-05-01' },
    '2025-05-01',
  );
  spend('E4', 9_000_000, 'welfare', '2024-06-01');

  // debts: 20万 of 2020, 5万 settled in 2023 and 5万 in 2025 → 15万 outstanding on 2025-01-01
  at(
    'village-V1',
    'DebtRegistered',
    { villageId: 'V1', debtId: 'DB1', creditor: '农商行', amount: cny(20_000_000), incurredOn: '2020-01-01' },
    '2020-01-01',
  );
  at(
    'village-V1',
    'DebtSettled',
    { villageId: 'V1', debtId: 'DB1', amount: cny(5_000_000), settledOn: '2023-01-01', method: 'repaid' },
    '2023-01-01',
  );
  at(
    'village-V1',
    'DebtSettled',
    { villageId: 'V1', debtId: 'DB1', amount: cny(5_000_000), settledOn: '2025-03-01', method: 'repaid' },
    '2025-03-01',
  );
  // a debt settled in full before the span is not outstanding at its start
  at(
    'village-V1',
    'DebtRegistered',
    { villageId: 'V1', debtId: 'DB2', creditor: '农商行', amount: cny(1_000_000), incurredOn: '2021-01-01' },
    '2021-01-01',
  );
  at(
    'village-V1',
    'DebtSettled',
    { villageId: 'V1', debtId: 'DB2', amount: cny(1_000_000), settledOn: '2022-01-01', method: 'written-off' },
    '2022-01-01',
  );

  // indicators: 1–9月 of both years, a month, the whole of 2024, a target for 2025
  const report = (indicator: string, period: string, value: number, unit = 'CNY') =>
    at(`indicator-${indicator}`, 'IndicatorReported', { indicator, period, value, unit }, '2025-10-20');
  report('gdp', '2024-01/2024-09', 50_000_000_000);
  report('gdp', '2025-01/2025-09', 54_050_000_000);
  report('gdp', '2025-03/2025-03', 6_000_000_000);
  report('gdp', '2024', 70_000_000_000);
  report('primary-industry-share', '2024-01/2024-09', 19, 'percent');
  report('primary-industry-share', '2025-01/2025-09', 17, 'percent');
  report('fiscal-revenue', '2025-01/2025-09', 5_020_000_000);
  report('fiscal-revenue', '2025-01/2025-12', 6_600_000_000); // ends after the span: not its completion
  at(
    'indicator-fiscal-revenue',
    'IndicatorTargetSet',
    { indicator: 'fiscal-revenue', period: '2025', target: 6_500_000_000 },
    '2025-01-20',
  );
  return log;
};

describe('a span summarized by the term summary’s rules (a progress report’s figures)', () => {
  const store = project(spanLog().events);
  const span = () => traceSpan('2025-01-01', '2025-09-30', store, { position: '99' });

  it('counts records dated in the span, as they stood on its last day', async () => {
    const { summary } = await span();
    expect(summary).toMatchObject({ from: '2025-01-01', to: '2025-09-30', position: '99' });
    expect(summary.projects.registered).toBe(3);
    expect(summary.projects.byStatus).toMatchObject({ 'under-construction': 1, registered: 2, completed: 0 });
    expect(summary.projects.investedToDate).toEqual({ CNY: 20_000_000_000 });
    expect(summary.disputes).toMatchObject({ registered: 3, escalated: 2, open: 1 });
    expect(summary.villageFinance.expenditures).toEqual({ CNY: 8_000_000 });
  });

  it('names projects by size, escalations by channel and expenditures by category, and has no prose of a term', async () => {
    const { details } = await span();
    expect(details.projects.largest.map((p) => [p.projectId, p.status, p.investedToDate?.minor ?? null])).toEqual([
      ['P1', 'under-construction', 20_000_000_000],
      ['P2', 'registered', null],
    ]);
    expect(details.projects.largest[0].events.map((e) => e.type)).toEqual([
      'ProjectRegistered',
      'MilestoneReached',
      'ProjectProgressReported',
    ]);
    expect(Object.fromEntries(Object.entries(details.projects.byCategory).map(([k, v]) => [k, v.count]))).toEqual({
      infrastructure: 1,
      'public-service': 1,
      'one-matter-one-discussion': 1,
    });
    expect(details.disputes.escalatedTo).toEqual({
      county: { count: 1, events: expect.any(Array) },
      court: { count: 1, events: expect.any(Array) },
    });
    expect(details.disputes.byCategory.neighbour.count).toBe(2);
    expect(details.villageFinance.expendituresByCategory.welfare.amount).toEqual({ CNY: 3_000_000 });
    expect(details.villageFinance.expendituresByCategory['public-works'].amount).toEqual({ CNY: 5_000_000 });
    expect(details.prose).toEqual({});
  });

  it('tells the debts the span starts with (存量) apart from those registered in it (新增)', async () => {
    const { summary } = await span();
    expect(summary.villageFinance.debtsOutstandingAtStart).toEqual({ CNY: 15_000_000 });
  });

  it('states each indicator period inside the span beside the same period a year earlier', async () => {
    const { indicators } = await span();
    const gdp = indicators.values.filter((v) => v.indicator === 'gdp');
    // the latest-ending, longest period first; 2024 lies outside the span
    expect(gdp.map((v) => v.period)).toEqual(['2025-01/2025-09', '2025-03/2025-03']);
    expect(gdp[0]).toMatchObject({
      value: 54_050_000_000,
      previous: { period: '2024-01/2024-09', value: 50_000_000_000 },
      growth: 0.081, // 5.405亿 ÷ 5亿 − 1
      change: 4_050_000_000,
    });
    expect(gdp[1]).toMatchObject({ previous: null, growth: null, change: null });
    expect(indicators.values.find((v) => v.indicator === 'primary-industry-share')).toMatchObject({
      value: 17,
      previous: { value: 19 },
      change: -2,
    });
  });

  it('completes a target with the latest period inside it that ends by the span’s end', async () => {
    const { indicators } = await span();
    expect(indicators.targets).toEqual([
      expect.objectContaining({
        indicator: 'fiscal-revenue',
        period: '2025',
        target: 6_500_000_000,
        reported: { period: '2025-01/2025-09', value: 5_020_000_000 },
        completion: 0.7723,
      }),
    ]);
  });

  it('gives a term the same details as a span over the same dates', async () => {
    const term = await traceTerm({ termId: 't', name: 't', startsOn: '2025-01-01', endsOn: '2025-09-30' }, store);
    expect(term.details).toEqual((await span()).details);
  });

  it('shifts a period back a year', () => {
    expect(periodAYearEarlier('2025')).toBe('2024');
    expect(periodAYearEarlier('2025-01/2025-09')).toBe('2024-01/2024-09');
    expect(periodAYearEarlier('2024-10/2025-03')).toBe('2023-10/2024-03');
    expect(periodAYearEarlier('soon')).toBeUndefined();
  });
});
