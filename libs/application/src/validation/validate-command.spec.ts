import { COMMAND_TYPES, FieldProblem, ValidationFailed } from '@sunshine/domain';
import { COMMAND_DTOS } from './command-dtos';
import { validateCommand } from './validate-command';

const cny = (minor: number) => ({ currency: 'CNY', minor });

/** A valid `data` for every command the API takes. */
const VALID: Record<string, Record<string, unknown>> = {
  OpenTerm: { termId: '2008-2013', name: '第十届', startsOn: '2008-10-01', endsOn: '2013-09-30' },
  RegisterVillage: { villageId: 'dongcun', name: '东村' },
  RegisterUser: { userId: 'li', name: '李录入', role: 'clerk', villages: ['dongcun'] },
  ChangeUserRole: { userId: 'li', role: 'auditor' },
  RevokeUser: { userId: 'li', reason: '调离' },
  VoidRecord: { stream: 'project-XM-1', reason: '误录' },
  SignInvestment: {
    investmentId: 'ZS-2009-014',
    investor: '华东汽配',
    sector: 'auto-parts',
    origin: 'domestic',
    amount: cny(100),
    signedOn: '2009-06-18',
  },
  RecordCapitalArrival: { investmentId: 'ZS-2009-014', amount: cny(100), arrivedOn: '2009-07-01' },
  AmendInvestment: { investmentId: 'ZS-2009-014', sector: 'services', reason: '补充协议' },
  TerminateInvestment: { investmentId: 'ZS-2009-014', terminatedOn: '2010-01-01', reason: '破产' },
  RegisterProject: {
    projectId: 'XM-1',
    name: '道路硬化',
    category: 'one-matter-one-discussion',
    registeredOn: '2010-03-01',
    plannedInvestment: cny(100),
    funding: [
      { source: 'villagers', amount: cny(30) },
      { source: 'town-award', amount: cny(70) },
    ],
    villageId: 'dongcun',
  },
  RecordMilestone: { projectId: 'XM-1', milestone: 'construction-started', reachedOn: '2010-04-01', note: '开工仪式' },
  ReportProjectProgress: { projectId: 'XM-1', investedToDate: cny(50), asOf: '2010-06-30' },
  RecordProjectOutput: { projectId: 'XM-1', metric: 'rural-road-km', quantity: 38.9, on: '2010-09-01' },
  RegisterDispute: {
    disputeId: 'TJ-1',
    category: 'neighbour',
    receivedOn: '2011-04-02',
    summary: '排水纠纷',
    parties: [
      { name: '张三', idNumber: '110101199003071234', phone: '138 0000 0000' },
      { subjectId: 's-9', name: '李四' },
    ],
  },
  RecordMediation: { disputeId: 'TJ-1', heldOn: '2011-04-10', mediator: '王调解员', outcome: 'agreement' },
  ResolveDispute: { disputeId: 'TJ-1', resolvedOn: '2011-04-20', method: 'mediation', agreement: '达成调解协议' },
  EscalateDispute: { disputeId: 'TJ-1', escalatedOn: '2011-04-20', to: 'court', reason: '调解不成' },
  OpenAudit: {
    auditId: 'SJ-1',
    subject: { kind: 'village', id: 'dongcun' },
    scope: 'funds',
    openedOn: '2012-03-01',
    leadAuditor: '赵审计',
  },
  RecordFinding: {
    auditId: 'SJ-1',
    findingId: 'F1',
    severity: 'major',
    description: '白条入账',
    amountInvolved: cny(500),
    foundOn: '2012-03-15',
  },
  RecordRectification: {
    auditId: 'SJ-1',
    findingId: 'F1',
    rectifiedOn: '2012-05-01',
    description: '已追回',
    amountRecovered: cny(400),
  },
  CloseAudit: { auditId: 'SJ-1', closedOn: '2012-06-30', conclusion: '基本规范' },
  RecordReceipt: {
    villageId: 'dongcun',
    entryId: 'R1',
    amount: cny(100),
    category: 'fiscal-transfer',
    counterparty: '镇财政所',
    voucherNo: '收-1',
    on: '2010-03-01',
  },
  RecordExpenditure: {
    villageId: 'dongcun',
    entryId: 'X1',
    amount: cny(100),
    category: 'public-works',
    payee: '施工队',
    voucherNo: '付-1',
    approvalRef: '村民代表会议 2010-2',
    on: '2010-03-02',
  },
  ReverseEntry: { villageId: 'dongcun', entryId: 'R1', reason: '重复入账', on: '2010-03-05' },
  RegisterDebt: { villageId: 'dongcun', debtId: 'D1', creditor: '信用社', amount: cny(800), incurredOn: '2009-01-01' },
  SettleDebt: { villageId: 'dongcun', debtId: 'D1', amount: cny(300), settledOn: '2010-06-01', method: 'written-off' },
  ReportIndicator: { indicator: 'fiscal-revenue', period: '2013-01/2013-09', value: 5_020_000_000, unit: 'CNY' },
  SetIndicatorTarget: { indicator: 'fiscal-revenue', period: '2013', target: 6_500_000_000 },
  ErasePersonalData: { subjectId: 's-9', reason: '当事人申请' },
  DefineIndicator: {
    indicator: 'village-clinic',
    name: '村卫生室',
    unit: 'count',
    kind: 'count',
    section: 'livelihood',
    description: '年末实有村卫生室个数',
  },
  MarkKeyProject: { projectId: 'XM-1', key: true, reason: '列入县重点项目' },
  RecordHonour: {
    honourId: 'RY-1',
    title: '省级卫生乡镇',
    awardedBy: '省爱卫会',
    awardedOn: '2012-12-01',
    level: 'provincial',
  },
  WriteReportSection: { termId: '2008-2013', section: 'next-steps', text: '一是……\n\n二是……' },
  HandleWarning: {
    warningId: 'new-village-debt:village-V03:DEBT-2',
    handledOn: '2026-01-05',
    action: 'referred',
    note: '移交镇纪委核查',
  },
};

const envelope = (type: string, data: unknown) => ({ type, commandId: 'cmd-1', data });

/** The problems validation reports for a command, or [] when it passes. */
const problemsOf = (type: string, data: unknown): FieldProblem[] => {
  try {
    validateCommand(envelope(type, data));
    return [];
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    return error.problems;
  }
};
const pathsOf = (type: string, data: unknown): string[] => problemsOf(type, data).map((p) => p.path);
const withData = (type: string, changes: Record<string, unknown>) => ({ ...VALID[type], ...changes });
const without = (type: string, field: string) =>
  Object.fromEntries(Object.entries(VALID[type]).filter(([key]) => key !== field));

describe('validating commands', () => {
  it('has a DTO for every command a context executes', () => {
    expect(COMMAND_TYPES.filter((type) => !COMMAND_DTOS.has(type))).toEqual([]);
    expect([...COMMAND_DTOS.keys()].sort()).toEqual(Object.keys(VALID).sort());
  });

  it.each(Object.keys(VALID))('accepts a well-formed %s as it is sent', (type) => {
    expect(validateCommand(envelope(type, VALID[type]))).toEqual({ type, commandId: 'cmd-1', data: VALID[type] });
  });

  it('hands on a copy of the validated fields, never the object that was sent', () => {
    const sent = { ...VALID.RegisterDispute };
    const validated = validateCommand(envelope('RegisterDispute', sent));
    expect(validated.data).toEqual(sent);
    expect(validated.data).not.toBe(sent);
    expect((validated.data as { parties: unknown[] }).parties[0]).not.toBe((sent.parties as unknown[])[0]);
  });

  it('answers with ValidationFailed, each problem named by its JSON path, in Chinese and English', () => {
    let caught: unknown;
    try {
      validateCommand(
        envelope('RecordReceipt', withData('RecordReceipt', { amount: { currency: 'CNY', minor: 1.5 } })),
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationFailed);
    expect((caught as ValidationFailed).code).toBe('VALIDATION_FAILED');
    expect((caught as ValidationFailed).problems).toEqual([
      { path: 'data.amount.minor', zh: '应为整数', en: 'must be an integer' },
    ]);
  });

  describe('refuses a missing field', () => {
    it.each([
      ['RegisterDispute', 'parties', 'data.parties'],
      ['RegisterDispute', 'summary', 'data.summary'],
      ['OpenAudit', 'subject', 'data.subject'],
      ['RecordExpenditure', 'approvalRef', 'data.approvalRef'],
      ['SettleDebt', 'amount', 'data.amount'],
      ['ReportIndicator', 'unit', 'data.unit'],
      ['RegisterUser', 'role', 'data.role'],
    ])('%s without %s', (type, field, path) => expect(pathsOf(type, without(type, field))).toEqual([path]));

    it('inside a nested object or list item', () => {
      expect(pathsOf('OpenAudit', withData('OpenAudit', { subject: { kind: 'village' } }))).toEqual([
        'data.subject.id',
      ]);
      expect(pathsOf('RegisterDispute', withData('RegisterDispute', { parties: [{ phone: '138' }] }))).toEqual([
        'data.parties.0.name',
      ]);
      expect(pathsOf('RegisterProject', withData('RegisterProject', { funding: [{ source: 'town' }] }))).toEqual([
        'data.funding.0.amount',
      ]);
    });
  });

  describe('refuses a value of the wrong type', () => {
    it.each([
      ['RecordProjectOutput', { quantity: '1.5' }, 'data.quantity'],
      ['ReportIndicator', { value: '100' }, 'data.value'],
      ['SetIndicatorTarget', { target: true }, 'data.target'],
      ['RecordMediation', { mediator: 42 }, 'data.mediator'],
      ['RegisterDispute', { parties: { name: '张三' } }, 'data.parties'],
      ['RegisterDispute', { parties: ['张三'] }, 'data.parties.0'],
      ['OpenAudit', { subject: 'dongcun' }, 'data.subject'],
      ['RegisterUser', { villages: 'dongcun' }, 'data.villages'],
      ['RegisterDispute', { parties: [[]] }, 'data.parties'],
      ['RegisterDispute', { parties: [null] }, 'data.parties.0'],
      ['RegisterProject', { funding: [[{ source: 'villagers', amount: cny(30) }]] }, 'data.funding'],
    ])('%s with %j', (type, changes, path) => expect(pathsOf(type, withData(type, changes))).toEqual([path]));

    it('including null for an optional field', () => {
      expect(pathsOf('RegisterDispute', withData('RegisterDispute', { villageId: null }))).toEqual(['data.villageId']);
      expect(pathsOf('RecordFinding', withData('RecordFinding', { amountInvolved: null }))).toEqual([
        'data.amountInvolved',
      ]);
      expect(pathsOf('RegisterProject', withData('RegisterProject', { funding: null }))).toEqual(['data.funding']);
      expect(pathsOf('SignInvestment', withData('SignInvestment', { note: null }))).toEqual(['data.note']);
    });
  });

  describe('refuses money that is not an integer count of minor units', () => {
    it.each([
      ['a float', 10.5],
      ['a negative', -1],
      ['a string', '100'],
      ['an unsafe integer', Number.MAX_SAFE_INTEGER + 1],
    ])('%s', (_name, minor) => {
      expect(pathsOf('RecordReceipt', withData('RecordReceipt', { amount: { currency: 'CNY', minor } }))).toEqual([
        'data.amount.minor',
      ]);
      expect(
        pathsOf('RecordFinding', withData('RecordFinding', { amountInvolved: { currency: 'USD', minor } })),
      ).toEqual(['data.amountInvolved.minor']);
      expect(
        pathsOf(
          'RegisterProject',
          withData('RegisterProject', { funding: [{ source: 'town', amount: { currency: 'CNY', minor } }] }),
        ),
      ).toEqual(['data.funding.0.amount.minor']);
    });

    const usd = { currency: 'USD', minor: 100 };
    it.each([
      ['RecordReceipt', { amount: usd }, 'data.amount.currency'],
      ['RecordExpenditure', { amount: usd }, 'data.amount.currency'],
      ['RegisterDebt', { amount: usd }, 'data.amount.currency'],
      ['SettleDebt', { amount: usd }, 'data.amount.currency'],
      ['RegisterProject', { plannedInvestment: usd }, 'data.plannedInvestment.currency'],
      ['RegisterProject', { funding: [{ source: 'county', amount: usd }] }, 'data.funding.0.amount.currency'],
      ['ReportProjectProgress', { investedToDate: usd }, 'data.investedToDate.currency'],
    ])('and money in another currency where docs/domain.md keeps CNY: %s %j', (type, changes, path) =>
      expect(pathsOf(type, withData(type, changes))).toEqual([path]),
    );

    it('while an audit finding or an investment takes any currency', () => {
      expect(pathsOf('RecordFinding', withData('RecordFinding', { amountInvolved: usd }))).toEqual([]);
      expect(pathsOf('SignInvestment', withData('SignInvestment', { amount: usd, origin: 'foreign' }))).toEqual([]);
    });
  });

  it.each([
    ['RecordReceipt', 'on', '2011-02-29'],
    ['SettleDebt', 'settledOn', '2010-13-01'],
    ['RecordMediation', 'heldOn', '2011-4-10'],
    ['OpenAudit', 'openedOn', '2012-02-30'],
    ['RegisterProject', 'registeredOn', 20100301],
  ])('refuses an impossible date: %s %s %j', (type, field, value) =>
    expect(pathsOf(type, withData(type, { [field]: value }))).toEqual([`data.${field}`]),
  );

  it('refuses unknown fields, at any depth', () => {
    expect(pathsOf('RecordReceipt', withData('RecordReceipt', { balance: 1 }))).toEqual(['data.balance']);
    expect(
      pathsOf('RegisterDispute', withData('RegisterDispute', { parties: [{ name: '张三', address: '东村' }] })),
    ).toEqual(['data.parties.0.address']);
    expect(
      pathsOf('OpenAudit', withData('OpenAudit', { subject: { kind: 'village', id: 'dongcun', name: '东村' } })),
    ).toEqual(['data.subject.name']);
    expect(
      pathsOf('SettleDebt', withData('SettleDebt', { amount: { currency: 'CNY', minor: 1, yuan: 0.01 } })),
    ).toEqual(['data.amount.yuan']);
    expect(pathsOf('ReportIndicator', withData('ReportIndicator', { token: 'x' }))).toEqual(['data.token']);
  });

  it.each([
    ['RegisterDispute', 'disputeId', 'TJ 1'],
    ['RecordFinding', 'findingId', '-F1'],
    ['RecordReceipt', 'entryId', 'R'.repeat(81)],
    ['RegisterProject', 'villageId', '东村'],
    ['ErasePersonalData', 'subjectId', ''],
    ['HandleWarning', 'warningId', 'overdue:dispute-D-1'],
    ['HandleWarning', 'warningId', 'dispute-overdue:'],
    ['HandleWarning', 'warningId', 'dispute-overdue:dispute D-1'],
  ])('refuses a bad id: %s %s %j', (type, field, value) =>
    expect(pathsOf(type, withData(type, { [field]: value }))).toEqual([`data.${field}`]),
  );

  it('refuses a bad id inside a list', () => {
    expect(
      pathsOf('RegisterDispute', withData('RegisterDispute', { parties: [{ subjectId: 'a b', name: '张三' }] })),
    ).toEqual(['data.parties.0.subjectId']);
    expect(pathsOf('RegisterUser', withData('RegisterUser', { villages: ['dongcun', 'bad id'] }))).toEqual([
      'data.villages',
    ]);
  });

  it.each([
    ['RegisterProject', 'category', 'road'],
    ['RecordMilestone', 'milestone', 'halfway'],
    ['RegisterDispute', 'category', 'Neighbour'],
    ['ResolveDispute', 'method', 'court'],
    ['RecordFinding', 'severity', 'high'],
    ['RecordReceipt', 'category', 'loan'],
    ['SettleDebt', 'method', 'forgiven'],
    ['HandleWarning', 'action', 'ignored'],
    ['RegisterUser', 'role', 'root'],
    ['ChangeUserRole', 'role', 'ADMIN'],
  ])('refuses a value outside its list: %s %s %j', (type, field, value) =>
    expect(pathsOf(type, withData(type, { [field]: value }))).toEqual([`data.${field}`]),
  );

  it('refuses an audit subject of an unknown kind', () =>
    expect(pathsOf('OpenAudit', withData('OpenAudit', { subject: { kind: 'school', id: 'x' } }))).toEqual([
      'data.subject.kind',
    ]));

  describe('checks the shapes docs/domain.md gives numbers and periods', () => {
    it('a quantity has at most three decimals', () => {
      expect(pathsOf('RecordProjectOutput', withData('RecordProjectOutput', { quantity: 1.2345 }))).toEqual([
        'data.quantity',
      ]);
      expect(pathsOf('RecordProjectOutput', withData('RecordProjectOutput', { quantity: 116.725 }))).toEqual([]);
    });

    it('a CNY indicator is an integer of minor units; a percent is not', () => {
      expect(pathsOf('ReportIndicator', withData('ReportIndicator', { value: 2.5 }))).toEqual(['data.value']);
      expect(pathsOf('ReportIndicator', withData('ReportIndicator', { value: 2.5, unit: 'CNY-per-capita' }))).toEqual([
        'data.value',
      ]);
      expect(pathsOf('ReportIndicator', withData('ReportIndicator', { value: 2.5, unit: 'percent' }))).toEqual([]);
    });

    it.each(['2013-13/2014-01', '2013-09/2013-01', '2013-1/2013-9', '13', '2013-01', ''])(
      'a period is YYYY or YYYY-MM/YYYY-MM, not %j',
      (period) => expect(pathsOf('ReportIndicator', withData('ReportIndicator', { period }))).toEqual(['data.period']),
    );

    it('an indicator code is lower-case letters, digits and dashes', () =>
      expect(pathsOf('SetIndicatorTarget', withData('SetIndicatorTarget', { indicator: 'GDP' }))).toEqual([
        'data.indicator',
      ]));
  });

  it('leaves "at least one party" to the decider, as a domain rule (422)', () =>
    expect(pathsOf('RegisterDispute', withData('RegisterDispute', { parties: [] }))).toEqual([]));

  it("refuses an empty or repeating list of a clerk's villages", () => {
    expect(pathsOf('RegisterUser', withData('RegisterUser', { villages: [] }))).toEqual(['data.villages']);
    expect(pathsOf('RegisterUser', withData('RegisterUser', { villages: ['dongcun', 'dongcun'] }))).toEqual([
      'data.villages',
    ]);
  });

  it('reports every problem at once', () =>
    expect(
      pathsOf(
        'RecordExpenditure',
        withData('RecordExpenditure', { amount: { currency: 'CNY', minor: -5 }, on: '2010-02-30', category: 'x' }),
      ).sort(),
    ).toEqual(['data.amount.minor', 'data.category', 'data.on']));

  it('checks the envelope: the command type, the commandId, no unknown field', () => {
    expect(pathsOf('NoSuchCommand', {})).toEqual(['type']);
    const problems = (body: object) => {
      try {
        validateCommand(body);
        return [];
      } catch (error) {
        return (error as ValidationFailed).problems.map((p) => p.path);
      }
    };
    expect(problems({ type: 'RevokeUser', data: VALID.RevokeUser })).toEqual(['commandId']);
    expect(problems({ ...envelope('RevokeUser', VALID.RevokeUser), token: 'x' })).toEqual(['token']);
    expect(problems({ type: 'RevokeUser', commandId: 'c', data: [] })).toEqual(['data']);
  });
});
