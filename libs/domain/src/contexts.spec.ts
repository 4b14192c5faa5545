import { CONTEXTS, contextOf, contextOfStream } from './contexts';

describe('the context registry', () => {
  it('routes every command of DOMAIN.md to one context', () => {
    const commands = [
      'OpenTerm',
      'RegisterVillage',
      'RegisterUser',
      'ChangeUserRole',
      'RevokeUser',
      'SignInvestment',
      'RecordCapitalArrival',
      'AmendInvestment',
      'TerminateInvestment',
      'RegisterProject',
      'RecordMilestone',
      'ReportProjectProgress',
      'RecordProjectOutput',
      'RegisterDispute',
      'RecordMediation',
      'ResolveDispute',
      'EscalateDispute',
      'OpenAudit',
      'RecordFinding',
      'RecordRectification',
      'CloseAudit',
      'RecordReceipt',
      'RecordExpenditure',
      'ReverseEntry',
      'RegisterDebt',
      'SettleDebt',
      'ReportIndicator',
      'SetIndicatorTarget',
      'ErasePersonalData',
    ];
    for (const type of commands) expect(contextOf(type)).toBeDefined();
    expect(CONTEXTS.flatMap((c) => Object.keys(c.commands)).sort()).toEqual([...commands].sort());
  });

  it('finds the context of each stream by its category', () => {
    expect(contextOfStream('project-XM-1')?.name).toBe('projects');
    expect(contextOfStream('dispute-TJ-1')?.name).toBe('disputes');
    expect(contextOfStream('audit-SJ-1')?.name).toBe('audits');
    expect(contextOfStream('village-dongcun')?.name).toBe('villages');
    expect(contextOfStream('indicator-fiscal-revenue')?.name).toBe('indicators');
    expect(contextOfStream('users')?.name).toBe('users');
    expect(contextOfStream('subject-s-1')?.name).toBe('personal-data');
    expect(contextOfStream('disclosures')).toBeUndefined();
  });

  it('lets records be voided, but not terms, villages, users or erasures', () => {
    const voidable = Object.fromEntries(CONTEXTS.map((c) => [c.name, c.voidable]));
    expect(voidable).toEqual({
      terms: false,
      villages: false,
      users: false,
      'personal-data': false,
      investments: true,
      projects: true,
      disputes: true,
      audits: true,
      indicators: true,
    });
  });

  it('names each command stream the DOMAIN.md way', () => {
    const streamOf = (type: string, data: object) => contextOf(type)?.commands[type].stream(data);
    expect(streamOf('RecordMilestone', { projectId: 'XM-1' })).toBe('project-XM-1');
    expect(streamOf('RecordMediation', { disputeId: 'TJ-1' })).toBe('dispute-TJ-1');
    expect(streamOf('CloseAudit', { auditId: 'SJ-1' })).toBe('audit-SJ-1');
    expect(streamOf('SettleDebt', { villageId: 'dongcun' })).toBe('village-dongcun');
    expect(streamOf('SetIndicatorTarget', { indicator: 'gdp' })).toBe('indicator-gdp');
    expect(streamOf('RevokeUser', { userId: 'u' })).toBe('users');
    expect(streamOf('ErasePersonalData', { subjectId: 's-1' })).toBe('subject-s-1');
  });
});
