import { addDays, CommandRecorder, usd, yuan } from './recorder';

/**
 * A whole term of a township (示范镇, 第十五届 2008-10-01..2013-09-30), recorded command by command
 * over HTTP: investments, projects (one-matter-one-discussion among them), 300 disputes, audits,
 * two villages' cash books and debts, indicators with revisions and targets, and records voided
 * by mistake. Every edge the summary's rules name is here once: records dated just outside the
 * term, things that happened to in-term records after its end, corrections.
 *
 * The figures it must produce are worked out by hand in test/term-summary.e2e-spec.ts.
 */
export const TERM = { termId: '2008-2013', name: '第十五届', startsOn: '2008-10-01', endsOn: '2013-09-30' } as const;

export const VILLAGES = ['dongcun', 'xicun', 'nancun'] as const;

export const DISPUTE_COUNT = 300;

export type DisputeOutcome = 'escalated' | 'resolvedOtherwise' | 'open' | 'resolvedByMediation';

/**
 * Dispute `JF-<i>`, i = 0..299, follows a fixed pattern:
 * - i % 30 == 28: received after the term (2013-10-10), i % 30 == 29: before it (2008-09-15);
 *   otherwise received in the term on 2008-10-01 + 5·i days (the last, i = 299, on 2012-11-04).
 * - i % 10 == 0: a mediation without agreement, then escalated;
 * - i % 10 == 1: withdrawn (i % 20 == 11: resolved by another method);
 * - i % 10 == 2: a mediation adjourned, still open;
 * - otherwise mediated to agreement and resolved by mediation, except i % 50 == 3, resolved only
 *   after the term's end (2013-10-15), hence open as of it.
 * `outcome` is the dispute's place in the term summary, undefined when it is outside the term.
 */
export const disputePlan = (i: number) => {
  const receivedOn = i % 30 === 28 ? '2013-10-10' : i % 30 === 29 ? '2008-09-15' : addDays(TERM.startsOn, 5 * i);
  const inTerm = i % 30 !== 28 && i % 30 !== 29;
  const kind =
    i % 10 === 0
      ? 'escalated'
      : i % 10 === 1
        ? 'withdrawn'
        : i % 10 === 2
          ? 'open'
          : i % 50 === 3
            ? 'resolved-late'
            : 'mediated';
  const outcome: DisputeOutcome | undefined = !inTerm
    ? undefined
    : kind === 'escalated'
      ? 'escalated'
      : kind === 'withdrawn'
        ? 'resolvedOtherwise'
        : kind === 'open' || kind === 'resolved-late'
          ? 'open'
          : 'resolvedByMediation';
  return { disputeId: `JF-${i}`, stream: `dispute-JF-${i}`, receivedOn, kind, outcome };
};

const DISPUTE_CATEGORIES = [
  'neighbour',
  'marriage-family',
  'housing-homestead',
  'land-acquisition',
  'contract',
  'labour',
  'forest-land',
  'damages',
  'village-affairs',
  'other',
];

const recordDisputes = async (r: CommandRecorder) => {
  for (let i = 0; i < DISPUTE_COUNT; i++) {
    const { disputeId, receivedOn, kind } = disputePlan(i);
    await r.send('RegisterDispute', {
      disputeId,
      category: DISPUTE_CATEGORIES[i % DISPUTE_CATEGORIES.length],
      receivedOn,
      summary: `纠纷 ${i}`,
      parties: [{ name: `申请人${i}` }, { name: `被申请人${i}`, phone: '0371-5555' }],
      villageId: VILLAGES[i % VILLAGES.length],
    });
    const mediate = (outcome: string) =>
      r.send('RecordMediation', { disputeId, heldOn: addDays(receivedOn, 10), mediator: '镇调委会', outcome });
    switch (kind) {
      case 'escalated':
        await mediate('no-agreement');
        await r.send('EscalateDispute', {
          disputeId,
          escalatedOn: addDays(receivedOn, 15),
          to: i % 20 === 0 ? 'court' : 'county',
          reason: '调解不成',
        });
        break;
      case 'withdrawn':
        await r.send('ResolveDispute', {
          disputeId,
          resolvedOn: addDays(receivedOn, 5),
          method: i % 20 === 11 ? 'other' : 'withdrawn',
        });
        break;
      case 'open':
        await mediate('adjourned');
        break;
      case 'resolved-late':
        await mediate('agreement');
        await r.send('ResolveDispute', {
          disputeId,
          resolvedOn: '2013-10-15',
          method: 'mediation',
          agreement: '协议履行完毕',
        });
        break;
      default:
        await mediate('agreement');
        await r.send('ResolveDispute', {
          disputeId,
          resolvedOn: addDays(receivedOn, 20),
          method: 'mediation',
          agreement: '达成调解协议',
        });
    }
  }
  // Entered by mistake (a duplicate of JF-3), resolved, then voided: it counts nowhere.
  await r.send('RegisterDispute', {
    disputeId: 'JF-VOID',
    category: 'neighbour',
    receivedOn: '2011-01-01',
    summary: '重复登记',
    parties: [{ name: '申请人3' }],
  });
  await r.send('RecordMediation', {
    disputeId: 'JF-VOID',
    heldOn: '2011-01-05',
    mediator: '镇调委会',
    outcome: 'agreement',
  });
  await r.send('ResolveDispute', { disputeId: 'JF-VOID', resolvedOn: '2011-01-06', method: 'mediation' });
  await r.send('VoidRecord', { stream: 'dispute-JF-VOID', reason: '重复登记' });
};

const recordInvestments = async (r: CommandRecorder) => {
  const sign = (investmentId: string, sector: string, origin: string, amount: object, signedOn: string) =>
    r.send('SignInvestment', { investmentId, investor: `${investmentId} 投资方`, sector, origin, amount, signedOn });
  await sign('ZS-2009-014', 'auto-parts', 'domestic', yuan(120_000_000), '2009-06-18');
  await r.send('RecordCapitalArrival', {
    investmentId: 'ZS-2009-014',
    amount: yuan(60_000_000),
    arrivedOn: '2010-01-01',
  });
  await r.send('RecordCapitalArrival', {
    investmentId: 'ZS-2009-014',
    amount: yuan(30_000_000),
    arrivedOn: '2014-01-01',
  }); // after the term
  await sign('ZS-2011-003', 'electrical-equipment', 'foreign', usd(2_900_000), '2011-03-03');
  await r.send('RecordCapitalArrival', {
    investmentId: 'ZS-2011-003',
    amount: usd(1_800_000),
    arrivedOn: '2011-09-01',
  });
  await sign('ZS-2010-007', 'agro-processing', 'domestic', yuan(20_000_000), '2010-06-01');
  await r.send('AmendInvestment', {
    investmentId: 'ZS-2010-007',
    amount: yuan(60_000_000),
    reason: '追加投资，合同变更',
  });
  await sign('ZS-2012-020', 'services', 'domestic', yuan(8_000_000), '2012-04-04');
  await r.send('TerminateInvestment', {
    investmentId: 'ZS-2012-020',
    terminatedOn: '2013-03-01',
    reason: '投资方撤资',
  });
  await sign('ZS-2013-005', 'services', 'domestic', yuan(15_000_000), '2013-05-05');
  await r.send('RecordCapitalArrival', {
    investmentId: 'ZS-2013-005',
    amount: yuan(5_000_000),
    arrivedOn: '2013-06-01',
  });
  await r.send('TerminateInvestment', { investmentId: 'ZS-2013-005', terminatedOn: '2013-12-12', reason: '项目搁置' }); // after the term
  await sign('ZS-2012-099', 'minerals', 'domestic', yuan(300_000_000), '2012-09-09');
  await r.send('VoidRecord', { stream: 'investment-ZS-2012-099', reason: '误录' });
};

/** `XM-01`..`XM-24`: status as of the term's end by k % 6 (k = 0..23), all milestones inside the term. */
export const GENERATED_PROJECTS = 24;

export const generatedProjectId = (k: number) => `XM-${String(k + 1).padStart(2, '0')}`;

/** Every 60 days from 2008-11-03: the last, k = 23, on 2012-08-14. */
export const generatedProjectRegisteredOn = (k: number) => addDays('2008-11-03', 60 * k);

export const generatedProjectStatus = (k: number) =>
  (['registered', 'under-construction', 'completed', 'accepted', 'commissioned', 'accepted'] as const)[k % 6];

const recordProjects = async (r: CommandRecorder) => {
  const register = (projectId: string, category: string, registeredOn: string, planned: number, extra: object = {}) =>
    r.send('RegisterProject', {
      projectId,
      name: `${projectId} 工程`,
      category,
      registeredOn,
      plannedInvestment: yuan(planned),
      ...extra,
    });
  const milestone = (projectId: string, m: string, reachedOn: string) =>
    r.send('RecordMilestone', { projectId, milestone: m, reachedOn });
  const progress = (projectId: string, invested: number, asOf: string, reason?: string) =>
    r.send('ReportProjectProgress', { projectId, investedToDate: yuan(invested), asOf, ...(reason && { reason }) });
  const output = (projectId: string, metric: string, quantity: number, on: string) =>
    r.send('RecordProjectOutput', { projectId, metric, quantity, on });

  for (let k = 0; k < GENERATED_PROJECTS; k++) {
    const id = generatedProjectId(k);
    const registeredOn = generatedProjectRegisteredOn(k);
    await register(id, ['industrial', 'infrastructure', 'public-service'][k % 3], registeredOn, (k + 1) * 1_000_000);
    switch (k % 6) {
      case 0:
        await milestone(id, 'agreement-signed', addDays(registeredOn, 10)); // still `registered`
        continue;
      case 1:
        await milestone(id, 'construction-started', addDays(registeredOn, 30));
        break;
      case 2:
        await milestone(id, 'construction-started', addDays(registeredOn, 30));
        await milestone(id, 'completed', addDays(registeredOn, 200));
        break;
      case 3:
      case 4:
        await milestone(id, 'construction-started', addDays(registeredOn, 30));
        await milestone(id, 'completed', addDays(registeredOn, 200));
        await milestone(id, k % 6 === 3 ? 'accepted' : 'commissioned', addDays(registeredOn, 260));
        break;
      case 5: // commissioned, then accepted: whichever came last
        await milestone(id, 'construction-started', addDays(registeredOn, 30));
        await milestone(id, 'completed', addDays(registeredOn, 200));
        await milestone(id, 'commissioned', addDays(registeredOn, 260));
        await milestone(id, 'accepted', addDays(registeredOn, 300));
        break;
    }
    await progress(id, (k + 1) * 800_000, addDays(registeredOn, 150));
  }
  await progress('XM-02', 2_000_000, '2013-12-31'); // after the term: its earlier 1,600,000 stands
  await progress('XM-03', 2_300_000, addDays(generatedProjectRegisteredOn(2), 180), '审计核减'); // corrects its 2,400,000 downwards
  await output('XM-03', 'school-retrofit', 1, addDays(generatedProjectRegisteredOn(2), 200));
  await output('XM-05', 'reservoir-reinforced', 1, addDays(generatedProjectRegisteredOn(4), 200));

  // Suspended at the term's end.
  await register('XM-TS', 'public-service', '2012-03-01', 3_000_000);
  await milestone('XM-TS', 'construction-started', '2012-04-01');
  await progress('XM-TS', 1_500_000, '2012-09-30');
  await milestone('XM-TS', 'suspended', '2012-10-01');
  // Suspended and resumed: back to under construction.
  await register('XM-FY', 'infrastructure', '2010-05-05', 2_000_000);
  await milestone('XM-FY', 'construction-started', '2010-06-01');
  await milestone('XM-FY', 'suspended', '2010-09-01');
  await milestone('XM-FY', 'resumed', '2011-03-01');
  // Completed in the term, accepted only after its end: completed as of the end.
  await register('XM-YS', 'industrial', '2012-01-10', 5_000_000);
  await milestone('XM-YS', 'construction-started', '2012-02-01');
  await milestone('XM-YS', 'completed', '2013-08-20');
  await milestone('XM-YS', 'accepted', '2013-10-25');
  // Outside the term.
  await register('XM-PRE', 'infrastructure', '2008-06-01', 1_000_000);
  await milestone('XM-PRE', 'construction-started', '2008-07-01');
  await milestone('XM-PRE', 'completed', '2009-07-01');
  await register('XM-POST', 'infrastructure', '2013-10-09', 1_000_000);
  // Voided with its road: counts nowhere.
  await register('XM-VOID', 'infrastructure', '2011-11-11', 9_000_000);
  await milestone('XM-VOID', 'construction-started', '2011-12-01');
  await milestone('XM-VOID', 'completed', '2012-06-01');
  await output('XM-VOID', 'rural-road-km', 5, '2012-06-01');
  await r.send('VoidRecord', { stream: 'project-XM-VOID', reason: '与 YS-1 重复' });

  // One matter, one discussion (一事一议): village roads and a pond, co-funded by villagers and town awards.
  const omod = (
    projectId: string,
    villageId: string,
    registeredOn: string,
    planned: number,
    funding: [string, number][],
  ) =>
    register(projectId, 'one-matter-one-discussion', registeredOn, planned, {
      villageId,
      funding: funding.map(([source, amount]) => ({ source, amount: yuan(amount) })),
    });
  const roads: [string, string, string, number, [string, number][]][] = [
    [
      'YS-1',
      'dongcun',
      '2009-04-01',
      400_000,
      [
        ['villagers', 150_000],
        ['town-award', 250_000],
      ],
    ],
    [
      'YS-2',
      'xicun',
      '2010-04-01',
      400_000,
      [
        ['villagers', 150_000],
        ['town-award', 250_000],
      ],
    ],
    [
      'YS-3',
      'nancun',
      '2011-04-01',
      420_000,
      [
        ['villagers', 170_000],
        ['town-award', 250_000],
      ],
    ],
  ];
  for (const [id, village, on, planned, funding] of roads) {
    await omod(id, village, on, planned, funding);
    await milestone(id, 'construction-started', addDays(on, 20));
    await milestone(id, 'completed', addDays(on, 120));
    await milestone(id, 'accepted', addDays(on, 150));
    await output(id, 'rural-road-km', 38.9, addDays(on, 120));
  }
  await progress('YS-1', 400_000, '2009-08-01');
  await output('YS-1', 'rural-road-km', 2.5, '2013-11-11'); // an extension after the term
  await omod('YS-4', 'dongcun', '2012-03-15', 120_000, [
    ['villagers', 40_000],
    ['town-award', 60_000],
    ['county', 20_000],
  ]);
  await milestone('YS-4', 'construction-started', '2012-04-01');
  await milestone('YS-4', 'completed', '2012-10-01');
  await output('YS-4', 'reservoir-reinforced', 1, '2012-10-01');
  await omod('YS-5', 'xicun', '2013-05-20', 80_000, [
    ['villagers', 30_000],
    ['town-award', 50_000],
  ]);
  await milestone('YS-5', 'construction-started', '2013-06-10');
  await omod('YS-6', 'nancun', '2013-11-01', 90_000, [
    ['villagers', 40_000],
    ['town-award', 50_000],
  ]); // after the term
};

const recordAudits = async (r: CommandRecorder) => {
  const openedOn: Record<string, string> = {};
  const open = (auditId: string, subject: object, scope: string, on: string) => {
    openedOn[auditId] = on;
    return r.send('OpenAudit', { auditId, subject, scope, openedOn: on, leadAuditor: '审计组长王' });
  };
  const finding = (auditId: string, findingId: string, severity: string, involved?: number) =>
    r.send('RecordFinding', {
      auditId,
      findingId,
      severity,
      description: `${findingId} 问题`,
      ...(involved !== undefined && { amountInvolved: yuan(involved) }),
      foundOn: openedOn[auditId],
    });
  const rectify = (auditId: string, findingId: string, rectifiedOn: string, recovered?: number) =>
    r.send('RecordRectification', {
      auditId,
      findingId,
      rectifiedOn,
      description: '已整改',
      ...(recovered !== undefined && { amountRecovered: yuan(recovered) }),
    });
  const close = (auditId: string, closedOn: string) =>
    r.send('CloseAudit', { auditId, closedOn, conclusion: '整改到位' });

  // Closed in the term, both findings rectified in it.
  await open('SJ-2009-01', { kind: 'village', id: 'dongcun' }, 'funds', '2009-03-01');
  await finding('SJ-2009-01', 'F1', 'major', 120_000);
  await finding('SJ-2009-01', 'F2', 'minor', 5_000);
  await rectify('SJ-2009-01', 'F1', '2009-06-01', 100_000);
  await rectify('SJ-2009-01', 'F2', '2009-06-10', 5_000);
  await close('SJ-2009-01', '2009-07-01');
  // The critical finding is rectified and the audit closed only after the term.
  await open('SJ-2011-02', { kind: 'project', id: 'XM-08' }, 'project-settlement', '2011-05-01');
  await finding('SJ-2011-02', 'F1', 'critical', 800_000);
  await finding('SJ-2011-02', 'F2', 'info');
  await rectify('SJ-2011-02', 'F1', '2013-12-01', 600_000);
  await close('SJ-2011-02', '2014-01-10');
  // Closed with a minor finding left open (only major and critical ones block a closure).
  await open('SJ-2012-03', { kind: 'department', id: 'finance-office' }, 'procurement', '2012-02-01');
  await finding('SJ-2012-03', 'F1', 'minor', 30_000);
  await finding('SJ-2012-03', 'F2', 'major', 50_000);
  await finding('SJ-2012-03', 'F3', 'minor');
  await rectify('SJ-2012-03', 'F1', '2012-04-01');
  await rectify('SJ-2012-03', 'F2', '2012-05-01', 20_000);
  await close('SJ-2012-03', '2012-06-01');
  // Before the term.
  await open('SJ-2008-00', { kind: 'village', id: 'xicun' }, 'assets', '2008-08-01');
  await finding('SJ-2008-00', 'F1', 'minor', 10_000);
  // Voided.
  await open('SJ-VOID', { kind: 'department', id: 'land-office' }, 'resources', '2010-10-10');
  await finding('SJ-VOID', 'F1', 'major', 999_000);
  await r.send('VoidRecord', { stream: 'audit-SJ-VOID', reason: '误录' });
};

const recordVillageFinance = async (r: CommandRecorder) => {
  const receipt = (villageId: string, entryId: string, amount: number, category: string, on: string) =>
    r.send('RecordReceipt', {
      villageId,
      entryId,
      amount: yuan(amount),
      category,
      counterparty: '镇财政所',
      voucherNo: `收-${entryId}`,
      on,
    });
  const expenditure = (villageId: string, entryId: string, amount: number, category: string, on: string) =>
    r.send('RecordExpenditure', {
      villageId,
      entryId,
      amount: yuan(amount),
      category,
      payee: '施工队',
      voucherNo: `支-${entryId}`,
      approvalRef: `村民会议决议-${entryId}`,
      on,
    });
  const settle = (villageId: string, debtId: string, amount: number, settledOn: string, method: string) =>
    r.send('SettleDebt', { villageId, debtId, amount: yuan(amount), settledOn, method });

  await receipt('dongcun', 'DC-R0', 80_000, 'collective-income', '2008-09-20'); // before the term
  await r.send('RegisterDebt', {
    villageId: 'dongcun',
    debtId: 'DC-D0',
    creditor: '原村办企业',
    amount: yuan(60_000),
    incurredOn: '2008-05-01',
  });
  await receipt('dongcun', 'DC-R1', 500_000, 'fiscal-transfer', '2009-01-10');
  await r.send('RegisterDebt', {
    villageId: 'dongcun',
    debtId: 'DC-D1',
    creditor: '县农村信用社',
    amount: yuan(200_000),
    incurredOn: '2009-02-01',
  });
  await settle('dongcun', 'DC-D0', 60_000, '2009-05-01', 'repaid'); // an old debt, settled in the term
  await settle('dongcun', 'DC-D1', 50_000, '2010-01-01', 'repaid');
  await receipt('dongcun', 'DC-R2', 120_000, 'collective-income', '2010-03-05');
  await expenditure('dongcun', 'DC-E1', 200_000, 'public-works', '2010-04-01');
  await settle('dongcun', 'DC-D1', 30_000, '2011-01-01', 'written-off');
  await expenditure('dongcun', 'DC-E2', 30_000, 'welfare', '2011-06-15');
  await r.send('ReverseEntry', { villageId: 'dongcun', entryId: 'DC-E2', reason: '重复记账', on: '2011-07-01' });
  await settle('dongcun', 'DC-D1', 20_000, '2012-01-01', 'restructured');
  await receipt('dongcun', 'DC-R3', 10_000, 'donation', '2012-02-01');
  await expenditure('dongcun', 'DC-E3', 15_000, 'administration', '2013-09-30'); // the term's last day
  await receipt('dongcun', 'DC-R4', 40_000, 'fiscal-transfer', '2013-10-08'); // after the term
  await r.send('ReverseEntry', { villageId: 'dongcun', entryId: 'DC-R3', reason: '捐款退回', on: '2013-11-05' }); // after the term
  await settle('dongcun', 'DC-D1', 40_000, '2013-12-01', 'repaid'); // after the term

  await receipt('xicun', 'XC-R1', 300_000, 'project-fund', '2009-05-05');
  await expenditure('xicun', 'XC-E1', 100_000, 'project', '2009-08-08');
  await r.send('RegisterDebt', {
    villageId: 'xicun',
    debtId: 'XC-D1',
    creditor: '砖厂',
    amount: yuan(10_000),
    incurredOn: '2012-08-08',
  });
};

const recordIndicators = async (r: CommandRecorder) => {
  const report = (indicator: string, period: string, value: number, unit: string, reason?: string) =>
    r.send('ReportIndicator', { indicator, period, value, unit, ...(reason && { reason }) });
  const target = (indicator: string, period: string, value: number) =>
    r.send('SetIndicatorTarget', { indicator, period, target: value });

  // GDP, reported out of period order; 2012 revised with the statistical yearbook.
  await report('gdp', '2010', 3_300_000_000, 'CNY');
  await report('gdp', '2008', 2_000_000_000, 'CNY');
  await report('gdp', '2009', 2_600_000_000, 'CNY');
  await report('gdp', '2012', 5_400_000_000, 'CNY');
  await report('gdp', '2011', 4_400_000_000, 'CNY');
  await report('gdp', '2007', 1_800_000_000, 'CNY'); // a year wholly before the term
  await report('gdp', '2013-01/2013-06', 2_900_000_000, 'CNY'); // not a YYYY year
  await report('gdp', '2012', 5_517_300_000, 'CNY', '统计年鉴核定');

  await report('fiscal-revenue', '2008', 790_000_000, 'CNY');
  await report('fiscal-revenue', '2012', 5_003_000_000, 'CNY');
  await target('fiscal-revenue', '2013', 1_800_000_000);
  await report('fiscal-revenue', '2013-01/2013-06', 900_000_000, 'CNY');
  await target('fiscal-revenue', '2013', 2_000_000_000); // raised: the most recent target counts
  await report('fiscal-revenue', '2013-07/2013-09', 644_700_000, 'CNY'); // ends with 01/09 but is shorter
  await report('fiscal-revenue', '2013-01/2013-09', 1_544_700_000, 'CNY');
  await target('fiscal-revenue', '2014', 3_000_000_000); // recorded last, but 2014 lies outside the term

  // Not in the built-in catalogue: defined before its first report.
  await r.send('DefineIndicator', {
    indicator: 'urbanization-rate',
    name: '城镇化率',
    unit: 'percent',
    kind: 'rate',
    section: 'economy',
  });
  await report('urbanization-rate', '2009', 32.5, 'percent');
  await report('urbanization-rate', '2012', 41.3, 'percent');

  await report('farmer-net-income', '2010', 650_000, 'CNY-per-capita');
  await r.send('VoidRecord', { stream: 'indicator-farmer-net-income', reason: '口径错误，整体作废' });
};

/** Records the whole term; the recorder's log then holds every event, in log order. */
export const recordTownshipTerm = async (r: CommandRecorder): Promise<void> => {
  await r.send('OpenTerm', { ...TERM });
  for (const [villageId, name] of [
    ['dongcun', '东村'],
    ['xicun', '西村'],
    ['nancun', '南村'],
  ])
    await r.send('RegisterVillage', { villageId, name });
  await recordInvestments(r);
  await recordProjects(r);
  await recordDisputes(r);
  await recordAudits(r);
  await recordVillageFinance(r);
  await recordIndicators(r);
};
