import type { Command, CommandType } from './commands';
import { COMMAND_TYPES, CONTEXTS, contextOfStream, route } from './contexts';
import { RuleViolation } from './shared/errors';

const commandOf = (type: string, data: object) => ({ type, data }) as Command;

describe('the context registry', () => {
  const commands: CommandType[] = [
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
    'DefineIndicator',
    'MarkKeyProject',
    'RecordHonour',
    'WriteReportSection',
    'HandleWarning',
  ];

  it('routes every command of the domain to one context', () => {
    for (const type of commands) expect(route(commandOf(type, {})).context).toBeDefined();
    const owned = CONTEXTS.flatMap((c) => Object.keys(c.commands)).filter((t) => t !== 'VoidRecord');
    expect(owned.sort()).toEqual([...commands].sort());
    expect([...COMMAND_TYPES].sort()).toEqual([...commands, 'VoidRecord'].sort());
  });

  it('finds the context of each stream by its category', () => {
    expect(contextOfStream('project-XM-1')?.name).toBe('projects');
    expect(contextOfStream('dispute-TJ-1')?.name).toBe('disputes');
    expect(contextOfStream('audit-SJ-1')?.name).toBe('audits');
    expect(contextOfStream('village-dongcun')?.name).toBe('villages');
    expect(contextOfStream('indicator-fiscal-revenue')?.name).toBe('indicators');
    expect(contextOfStream('users')?.name).toBe('users');
    expect(contextOfStream('subject-s-1')?.name).toBe('personal-data');
    expect(contextOfStream('warning-dispute-overdue:dispute-TJ-1')?.name).toBe('warnings');
    expect(contextOfStream('disclosures')).toBeUndefined();
  });

  it("lets records be voided, but not terms, villages, users, erasures or a report's prose", () => {
    const voidable = Object.fromEntries(CONTEXTS.map((c) => [c.name, c.commands.VoidRecord !== undefined]));
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
      honours: true,
      'report-sections': false,
      warnings: false,
    });
    const voiding = (stream: string) => () => route(commandOf('VoidRecord', { stream, reason: '录入错误' }));
    expect(voiding('village-dongcun')).toThrow(RuleViolation);
    expect(route(commandOf('VoidRecord', { stream: 'dispute-TJ-1', reason: '录入错误' })).context.name).toBe(
      'disputes',
    );
  });

  it('names each command stream the domain way', () => {
    const streamOf = (type: string, data: object) => route(commandOf(type, data)).spec.stream(data as never);
    expect(streamOf('RecordMilestone', { projectId: 'XM-1' })).toBe('project-XM-1');
    expect(streamOf('RecordMediation', { disputeId: 'TJ-1' })).toBe('dispute-TJ-1');
    expect(streamOf('CloseAudit', { auditId: 'SJ-1' })).toBe('audit-SJ-1');
    expect(streamOf('SettleDebt', { villageId: 'dongcun' })).toBe('village-dongcun');
    expect(streamOf('SetIndicatorTarget', { indicator: 'gdp' })).toBe('indicator-gdp');
    expect(streamOf('RevokeUser', { userId: 'u' })).toBe('users');
    expect(streamOf('ErasePersonalData', { subjectId: 's-1' })).toBe('subject-s-1');
    expect(streamOf('VoidRecord', { stream: 'project-XM-1' })).toBe('project-XM-1');
    expect(streamOf('HandleWarning', { warningId: 'dispute-overdue:dispute-TJ-1' })).toBe(
      'warning-dispute-overdue:dispute-TJ-1',
    );
  });
});
