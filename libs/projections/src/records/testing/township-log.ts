import { Money } from '@sunshine/domain';
import { EventLog } from './event-log';

const cny = (minor: number): Money => ({ currency: 'CNY', minor });
const usd = (minor: number): Money => ({ currency: 'USD', minor });

/** The term every summary spec asks about, and the one after it. */
export const TERM = { termId: '2008-2013', name: '第十五届', startsOn: '2008-10-01', endsOn: '2013-09-30' };
export const NEXT_TERM = { termId: '2013-2018', name: '第十六届', startsOn: '2013-10-01', endsOn: '2018-09-30' };

/**
 * One township's log, built so that every rule of the summary has a case on each side of it.
 * The expected figures are worked out by hand in the specs that use it; the comments say why
 * each record counts or not in TERM (2008-10-01 … 2013-09-30).
 */
export const townshipLog = () => {
  const log = new EventLog();
  const at = (stream: string, type: string, data: object, occurredOn: string) =>
    log.append(stream, type, data, occurredOn);

  const terms = {
    first: at('terms', 'TermOpened', TERM, TERM.startsOn),
    next: at('terms', 'TermOpened', NEXT_TERM, NEXT_TERM.startsOn),
  };
  const villages = {
    v1: at('village-V1', 'VillageRegistered', { villageId: 'V1', name: '东村' }, '2008-01-01'),
    v10: at('village-V10', 'VillageRegistered', { villageId: 'V10', name: '西村' }, '2008-01-01'),
  };

  // ── investments ──
  const sign = (id: string, origin: string, amount: Money, signedOn: string, sector = 'auto-parts') =>
    at(
      `investment-${id}`,
      'InvestmentSigned',
      { investmentId: id, investor: `investor ${id}`, sector, origin, amount, signedOn },
      signedOn,
    );
  const arrive = (id: string, amount: Money, arrivedOn: string) =>
    at(`investment-${id}`, 'CapitalArrived', { investmentId: id, amount, arrivedOn }, arrivedOn);
  const amend = (id: string, changes: object) =>
    at(
      `investment-${id}`,
      'InvestmentAmended',
      { investmentId: id, ...changes, reason: 'paper record misread' },
      '2014-03-01',
    );
  const terminate = (id: string, terminatedOn: string) =>
    at(
      `investment-${id}`,
      'InvestmentTerminated',
      { investmentId: id, terminatedOn, reason: 'investor withdrew' },
      terminatedOn,
    );
  const investment = {
    // exactly 10,000,000 yuan: in the lowest band; one arrival in the term, one after it
    i1: sign('I1', 'domestic', cny(1_000_000_000), '2009-01-10'),
    i1arrival: arrive('I1', cny(400_000_000), '2010-01-01'),
    i1lateArrival: arrive('I1', cny(300_000_000), '2014-01-01'),
    // one fen short of the lowest band, signed on the term's first day
    i2: sign('I2', 'domestic', cny(999_999_999), '2008-10-01', 'machinery-electronics'),
    // exactly 50,000,000 yuan, signed on the term's last day
    i3: sign('I3', 'domestic', cny(5_000_000_000), '2013-09-30'),
    // foreign, in dollars
    i4: sign('I4', 'foreign', usd(29_000_000), '2011-05-05', 'services'),
    i4arrival: arrive('I4', usd(18_000_000), '2012-01-01'),
    // terminated in the term: counted as terminated only
    i5: sign('I5', 'domestic', cny(20_000_000_000), '2010-02-02'),
    i5termination: terminate('I5', '2011-01-01'),
    // exactly 100,000,000 yuan, terminated only after the term: a signing of this term
    i6: sign('I6', 'domestic', cny(10_000_000_000), '2012-03-03', 'minerals'),
    i6termination: terminate('I6', '2014-06-01'),
    // signed before the term, its date amended into it
    i7: sign('I7', 'domestic', cny(3_000_000_000), '2008-09-30', 'agro-processing'),
    i7amendment: amend('I7', { signedOn: '2008-10-02' }),
    // signed in the term, its date amended out of it
    i8: sign('I8', 'domestic', cny(7_000_000_000), '2012-12-12'),
    i8amendment: amend('I8', { signedOn: '2013-10-01' }),
    // 120,000,000 yuan amended to 40,000,000, and its sector corrected
    i9: sign('I9', 'domestic', cny(12_000_000_000), '2009-06-18', 'other'),
    i9amendment: amend('I9', { amount: cny(4_000_000_000), sector: 'auto-parts' }),
    // after the term
    i10: sign('I10', 'domestic', cny(6_000_000_000), '2013-10-01'),
    // entered by mistake
    i11: sign('I11', 'domestic', cny(50_000_000_000), '2010-10-10'),
    i11void: at('investment-I11', 'RecordVoided', { stream: 'investment-I11', reason: 'entered twice' }, '2010-10-11'),
  };

  // ── projects ──
  const register = (id: string, category: string, registeredOn: string, plannedInvestment: Money, extra: object = {}) =>
    at(
      `project-${id}`,
      'ProjectRegistered',
      { projectId: id, name: `project ${id}`, category, registeredOn, plannedInvestment, ...extra },
      registeredOn,
    );
  const milestone = (id: string, name: string, reachedOn: string) =>
    at(`project-${id}`, 'MilestoneReached', { projectId: id, milestone: name, reachedOn }, reachedOn);
  const progress = (id: string, minor: number, asOf: string) =>
    at(`project-${id}`, 'ProjectProgressReported', { projectId: id, investedToDate: cny(minor), asOf }, asOf);
  const output = (id: string, metric: string, quantity: number, on: string) =>
    at(`project-${id}`, 'ProjectOutputRecorded', { projectId: id, metric, quantity, on }, on);
  const project = {
    // accepted; its last progress report and nothing else after the term
    p1: register('P1', 'infrastructure', '2009-03-01', cny(500_000_000)),
    p1started: milestone('P1', 'construction-started', '2009-04-01'),
    p1completed: milestone('P1', 'completed', '2010-05-01'),
    p1accepted: milestone('P1', 'accepted', '2011-01-01'),
    p1progress1: progress('P1', 100_000_000, '2009-12-31'),
    p1progress2: progress('P1', 300_000_000, '2011-06-30'),
    p1progress3: progress('P1', 350_000_000, '2014-01-01'),
    p1road1: output('P1', 'rural-road-km', 38.9, '2010-01-01'),
    p1road2: output('P1', 'rural-road-km', 38.9, '2011-01-01'),
    // suspended at the term's end
    p2: register('P2', 'industrial', '2012-01-01', cny(900_000_000)),
    p2started: milestone('P2', 'construction-started', '2012-02-01'),
    p2progress: progress('P2', 50_000_000, '2012-06-30'),
    p2road: output('P2', 'rural-road-km', 38.9, '2012-07-01'),
    p2suspended: milestone('P2', 'suspended', '2012-08-01'),
    p2lateRoad: output('P2', 'rural-road-km', 38.9, '2014-01-01'),
    // completed on the term's last day, commissioned after it
    p3: register('P3', 'public-service', '2013-01-01', cny(80_000_000)),
    p3started: milestone('P3', 'construction-started', '2013-02-01'),
    p3completed: milestone('P3', 'completed', '2013-09-30'),
    p3commissioned: milestone('P3', 'commissioned', '2013-10-15'),
    // one-matter-one-discussion, suspended and resumed: under construction again
    p4: register('P4', 'one-matter-one-discussion', '2010-05-05', cny(30_000_000), {
      villageId: 'V1',
      funding: [
        { source: 'villagers', amount: cny(13_000_000) },
        { source: 'town-award', amount: cny(5_000_000) },
      ],
    }),
    p4started: milestone('P4', 'construction-started', '2010-06-01'),
    p4suspended: milestone('P4', 'suspended', '2010-07-01'),
    p4resumed: milestone('P4', 'resumed', '2010-08-01'),
    p4school: output('P4', 'school-retrofit', 1, '2010-09-01'),
    // one-matter-one-discussion without a milestone: registered
    p5: register('P5', 'one-matter-one-discussion', '2011-05-05', cny(20_000_000), {
      villageId: 'V10',
      funding: [
        { source: 'villagers', amount: cny(7_000_000) },
        { source: 'town-award', amount: cny(5_000_000) },
        { source: 'county', amount: cny(8_000_000) },
      ],
    }),
    // before the term
    p6: register('P6', 'infrastructure', '2008-01-01', cny(10_000_000)),
    // entered by mistake
    p7: register('P7', 'one-matter-one-discussion', '2012-02-02', cny(99_000_000), {
      villageId: 'V1',
      funding: [{ source: 'villagers', amount: cny(99_000_000) }],
    }),
    p7void: at('project-P7', 'RecordVoided', { stream: 'project-P7', reason: 'duplicate' }, '2012-02-03'),
    // accepted, then commissioned: whichever came last
    p8: register('P8', 'industrial', '2009-01-01', cny(70_000_000)),
    p8started: milestone('P8', 'construction-started', '2009-02-01'),
    p8completed: milestone('P8', 'completed', '2009-12-01'),
    p8accepted: milestone('P8', 'accepted', '2010-03-01'),
    p8commissioned: milestone('P8', 'commissioned', '2010-04-01'),
  };
  // ── key projects (重点项目): a mark has no business date, it stands as last recorded ──
  const mark = (id: string, key: boolean) =>
    at(`project-${id}`, 'KeyProjectMarked', { projectId: id, key, reason: '县重点项目' }, '2014-03-01');
  const keyProject = {
    // registered and finished in the term: a key project of it, not of the next
    p1: mark('P1', true),
    p8: mark('P8', true),
    // marked, then unmarked: no key project
    p2: mark('P2', true),
    p2unmarked: mark('P2', false),
    // registered before the term and never started: under way in both terms
    p6: mark('P6', true),
    // voided: counts nowhere
    p7: mark('P7', true),
  };

  // ── disputes ──
  const receive = (id: string, receivedOn: string) =>
    at(
      `dispute-${id}`,
      'DisputeRegistered',
      {
        disputeId: id,
        category: 'neighbour',
        receivedOn,
        summary: '宅基地边界',
        // as the decider emits it; the store keeps the parties sealed, but the read model must never copy them either way
        parties: [{ subjectId: `s-${id}`, name: '张三', idNumber: '110101199003071234', phone: '13800000000' }],
        subjectIds: [`s-${id}`],
      },
      receivedOn,
    );
  const mediate = (id: string, outcome: string, heldOn: string) =>
    at(`dispute-${id}`, 'MediationRecorded', { disputeId: id, heldOn, mediator: '李调解', outcome }, heldOn);
  const resolve = (id: string, method: string, resolvedOn: string) =>
    at(`dispute-${id}`, 'DisputeResolved', { disputeId: id, resolvedOn, method }, resolvedOn);
  const dispute = {
    d1: receive('D1', '2009-01-01'),
    d1mediation: mediate('D1', 'agreement', '2009-01-10'),
    d1resolved: resolve('D1', 'mediation', '2009-01-15'),
    d2: receive('D2', '2010-01-01'),
    d2mediation: mediate('D2', 'agreement', '2010-01-20'),
    d2resolved: resolve('D2', 'mediation', '2010-02-01'),
    d3: receive('D3', '2011-01-01'),
    d3resolved: resolve('D3', 'withdrawn', '2011-02-01'),
    d4: receive('D4', '2012-01-01'),
    d4mediation: mediate('D4', 'no-agreement', '2012-01-05'),
    d4escalated: at(
      'dispute-D4',
      'DisputeEscalated',
      { disputeId: 'D4', escalatedOn: '2012-02-01', to: 'court', reason: 'no agreement' },
      '2012-02-01',
    ),
    // resolved only after the term: open in it
    d5: receive('D5', '2013-09-01'),
    d5mediation: mediate('D5', 'agreement', '2013-09-20'),
    d5resolved: resolve('D5', 'mediation', '2013-10-10'),
    // the next term's, still open
    d6: receive('D6', '2013-10-05'),
    d7: receive('D7', '2010-03-03'),
    d7void: at('dispute-D7', 'RecordVoided', { stream: 'dispute-D7', reason: 'not a dispute' }, '2010-03-04'),
  };

  // ── audits ──
  const open = (id: string, openedOn: string) =>
    at(
      `audit-${id}`,
      'AuditOpened',
      { auditId: id, subject: { kind: 'village', id: 'V1' }, scope: 'funds', openedOn, leadAuditor: '王审计' },
      openedOn,
    );
  const find = (id: string, findingId: string, severity: string, amountInvolved?: Money) =>
    at(
      `audit-${id}`,
      'FindingRecorded',
      { auditId: id, findingId, severity, description: 'finding', ...(amountInvolved && { amountInvolved }) },
      '2024-05-01',
    );
  const rectify = (id: string, findingId: string, rectifiedOn: string, amountRecovered?: Money) =>
    at(
      `audit-${id}`,
      'FindingRectified',
      { auditId: id, findingId, rectifiedOn, description: 'rectified', ...(amountRecovered && { amountRecovered }) },
      rectifiedOn,
    );
  const close = (id: string, closedOn: string) =>
    at(`audit-${id}`, 'AuditClosed', { auditId: id, closedOn, conclusion: 'done' }, closedOn);
  const audit = {
    a1: open('A1', '2010-01-01'),
    a1f1: find('A1', 'F1', 'major', cny(30_000_000)),
    a1f2: find('A1', 'F2', 'minor', cny(40_000_000)),
    a1f1rectified: rectify('A1', 'F1', '2010-06-01', cny(20_000_000)),
    a1closed: close('A1', '2010-07-01'),
    // rectified after the term: still open in it, its recovery not counted
    a1f2rectified: rectify('A1', 'F2', '2014-01-01', cny(5_000_000)),
    a2: open('A2', '2013-09-01'),
    a2f1: find('A2', 'F1', 'info'),
    // found after the term's end: not a finding of the term (a finding without a date goes with its audit)
    a2f2: at(
      'audit-A2',
      'FindingRecorded',
      {
        auditId: 'A2',
        findingId: 'F2',
        severity: 'major',
        description: 'late',
        amountInvolved: cny(50_000),
        foundOn: '2013-10-20',
      },
      '2013-10-20',
    ),
    a2closed: close('A2', '2013-12-01'),
    a3: open('A3', '2007-01-01'),
    a3f1: find('A3', 'F1', 'critical', cny(1_000_000)),
    a4: open('A4', '2011-01-01'),
    a4f1: find('A4', 'F1', 'minor', cny(9_000_000)),
    a4void: at('audit-A4', 'RecordVoided', { stream: 'audit-A4', reason: 'wrong village' }, '2011-01-02'),
  };

  // ── village finances ──
  const receipt = (village: string, entryId: string, minor: number, on: string) =>
    at(
      `village-${village}`,
      'ReceiptRecorded',
      {
        villageId: village,
        entryId,
        amount: cny(minor),
        category: 'collective-income',
        counterparty: '承包户',
        voucherNo: `v-${entryId}`,
        on,
      },
      on,
    );
  const expenditure = (village: string, entryId: string, minor: number, on: string) =>
    at(
      `village-${village}`,
      'ExpenditureRecorded',
      {
        villageId: village,
        entryId,
        amount: cny(minor),
        category: 'public-works',
        payee: '施工队',
        voucherNo: `v-${entryId}`,
        approvalRef: 'VM-2011-01',
        on,
      },
      on,
    );
  const reverse = (village: string, entryId: string, on: string) =>
    at(`village-${village}`, 'EntryReversed', { villageId: village, entryId, reason: '重复入账', on }, on);
  const settle = (debtId: string, minor: number, settledOn: string, method: string) =>
    at('village-V1', 'DebtSettled', { villageId: 'V1', debtId, amount: cny(minor), settledOn, method }, settledOn);
  const village = {
    r3: receipt('V1', 'R3', 2_000_000, '2007-05-05'),
    db0: at(
      'village-V1',
      'DebtRegistered',
      { villageId: 'V1', debtId: 'DB0', creditor: '信用社', amount: cny(400_000), incurredOn: '2007-01-01' },
      '2007-01-01',
    ),
    r1: receipt('V1', 'R1', 5_000_000, '2009-01-01'),
    db1: at(
      'village-V1',
      'DebtRegistered',
      { villageId: 'V1', debtId: 'DB1', creditor: '建材商', amount: cny(800_000), incurredOn: '2009-05-01' },
      '2009-05-01',
    ),
    r2: receipt('V1', 'R2', 3_000_000, '2010-01-01'),
    db1settled: settle('DB1', 300_000, '2010-01-01', 'repaid'),
    r2reversal: reverse('V1', 'R2', '2010-02-01'),
    e1: expenditure('V1', 'E1', 1_000_000, '2011-01-01'),
    r5: receipt('V10', 'R5', 700_000, '2012-01-01'),
    // an older debt settled in the term counts in it
    db0settled: settle('DB0', 100_000, '2012-01-01', 'restructured'),
    e2: expenditure('V1', 'E2', 500_000, '2013-09-01'),
    // reversed after the term: still an expenditure of it
    e2reversal: reverse('V1', 'E2', '2013-11-01'),
    r4: receipt('V1', 'R4', 1_000_000, '2013-12-01'),
    db1writtenOff: settle('DB1', 200_000, '2014-01-01', 'written-off'),
  };

  // ── indicators ──
  const report = (code: string, period: string, value: number, unit = 'CNY', reason?: string) =>
    at(
      `indicator-${code}`,
      'IndicatorReported',
      { indicator: code, period, value, unit, ...(reason && { reason }) },
      '2014-02-01',
    );
  const target = (code: string, period: string, value: number) =>
    at(`indicator-${code}`, 'IndicatorTargetSet', { indicator: code, period, target: value }, '2014-02-01');
  const indicator = {
    gdp2007: report('gdp', '2007', 10_000_000_000),
    gdp2008: report('gdp', '2008', 29_000_000_000),
    gdpHalf2010: report('gdp', '2010-01/2010-06', 35_000_000_000),
    gdp2012: report('gdp', '2012', 70_000_000_000),
    gdp2014: report('gdp', '2014', 99_000_000_000),
    gdp2012revised: report('gdp', '2012', 80_000_000_000, 'CNY', 'statistics bureau revision'),
    revenue2008: report('fiscal-revenue', '2008', 790_000_000),
    revenue2012: report('fiscal-revenue', '2012', 5_003_000_000),
    revenueTarget: target('fiscal-revenue', '2013', 6_000_000_000),
    revenueTargetRaised: target('fiscal-revenue', '2013', 6_500_000_000),
    // recorded last, but its period does not overlap the term
    revenueTargetOld: target('fiscal-revenue', '2007', 500_000_000),
    revenueH1: report('fiscal-revenue', '2013-01/2013-06', 4_000_000_000),
    revenueQ1toQ3: report('fiscal-revenue', '2013-01/2013-09', 5_020_000_000),
    // ends with Q1–Q3 but is shorter: the longer one is the reported value
    revenueQ2toQ3: report('fiscal-revenue', '2013-04/2013-09', 2_000_000_000),
    income2009: report('farmer-net-income', '2009', 20_000, 'CNY-per-capita'),
    income2013: report('farmer-net-income', '2013', 55_173, 'CNY-per-capita'),
    output2009: report('industrial-output', '2009', 1_000),
    outputVoid: at(
      'indicator-industrial-output',
      'RecordVoided',
      { stream: 'indicator-industrial-output', reason: 'wrong unit' },
      '2014-02-02',
    ),
    agriculture2020: report('agricultural-output', '2020', 5_000),
    // defined, then reworded with a reason: the later words stand
    accidentsDefined: at(
      'indicator-work-accidents',
      'IndicatorDefined',
      { indicator: 'work-accidents', name: '生产安全事故', unit: '起', kind: 'count', section: 'safety-stability' },
      '2008-01-01',
    ),
    accidentsRedefined: at(
      'indicator-work-accidents',
      'IndicatorDefined',
      {
        indicator: 'work-accidents',
        name: '安全生产事故起数',
        unit: '起',
        kind: 'count',
        section: 'safety-stability',
        reason: '按统计口径更名',
      },
      '2009-01-01',
    ),
    accidents2009: report('work-accidents', '2009', 5, '起'),
    accidents2012: report('work-accidents', '2012', 2, '起'),
    // reported before the catalogue existed and never defined: no name, kind or section
    clinics2010: report('village-clinic', '2010', 12, 'count'),
  };

  // ── honours (荣誉), by awardedOn ──
  const honour = (id: string, level: string, awardedOn: string) =>
    at(
      `honour-${id}`,
      'HonourRecorded',
      { honourId: id, title: `荣誉${id}`, awardedBy: '省人民政府', awardedOn, level },
      awardedOn,
    );
  const honours = {
    h1: honour('H1', 'provincial', '2010-05-01'),
    h2: honour('H2', 'county', '2013-09-30'),
    // the next term's
    h3: honour('H3', 'national', '2013-10-01'),
    h4: honour('H4', 'municipal', '2011-01-01'),
    h4void: at('honour-H4', 'RecordVoided', { stream: 'honour-H4', reason: 'recorded twice' }, '2011-01-02'),
  };

  // ── the term's prose: written again, a section's text is replaced ──
  const write = (termId: string, section: string, text: string) =>
    at(`report-${termId}`, 'ReportSectionWritten', { termId, section, text }, '2013-10-08');
  const prose = {
    preface: write(TERM.termId, 'preface', '初稿。'),
    difficulties: write(TERM.termId, 'difficulties', '村级集体经济薄弱。'),
    prefaceRewritten: write(TERM.termId, 'preface', '五年来，全镇上下团结一心。'),
    nextTerm: write(NEXT_TERM.termId, 'next-steps', '继续推进。'),
  };

  // ── warnings: handlings only; a warning itself is derived as of a date ──
  const warning = {
    handled: at(
      'warning-dispute-overdue:dispute-D1',
      'WarningHandled',
      { warningId: 'dispute-overdue:dispute-D1', handledOn: '2012-03-01', action: 'explained', note: '已督促办理' },
      '2012-03-01',
    ),
  };

  return {
    log,
    terms,
    villages,
    investment,
    project,
    keyProject,
    dispute,
    audit,
    village,
    indicator,
    honours,
    prose,
    warning,
  };
};
