import { Conflict, NotFound, RuleViolation } from '../shared';
import { context, specFor } from '../shared/testing/given';
import { projectDecider } from './projects.decider';
import { Milestone, ProjectCommand } from './projects.commands';
import { ProjectEvent } from './projects.events';
import { projectStatus } from './project-status';

const given = specFor(projectDecider);
const cny = (yuan: number) => ({ currency: 'CNY', minor: yuan * 100 });

const registration = {
  projectId: 'XM-2010-003',
  name: '李家村道路硬化',
  category: 'infrastructure' as const,
  registeredOn: '2010-03-01',
  plannedInvestment: cny(2_000_000),
};
const register = (changes: object = {}): ProjectCommand => ({
  type: 'RegisterProject',
  data: { ...registration, ...changes },
});
const registered: ProjectEvent = { type: 'ProjectRegistered', data: registration, eventId: 'e-registered' };

const milestone = (name: Milestone, reachedOn = '2010-06-01'): ProjectCommand => ({
  type: 'RecordMilestone',
  data: { projectId: 'XM-2010-003', milestone: name, reachedOn },
});
const reached = (name: Milestone, reachedOn = '2010-05-01'): ProjectEvent => ({
  type: 'MilestoneReached',
  data: { projectId: 'XM-2010-003', milestone: name, reachedOn },
});

const progress = (yuan: number, asOf: string, reason?: string): ProjectCommand => ({
  type: 'ReportProjectProgress',
  data: { projectId: 'XM-2010-003', investedToDate: cny(yuan), asOf, ...(reason ? { reason } : {}) },
});
const reported = (yuan: number, asOf: string, eventId: string): ProjectEvent => ({
  type: 'ProjectProgressReported',
  data: { projectId: 'XM-2010-003', investedToDate: cny(yuan), asOf },
  eventId,
});
const output = (quantity: number, on = '2010-09-01'): ProjectCommand => ({
  type: 'RecordProjectOutput',
  data: { projectId: 'XM-2010-003', metric: 'rural-road-km', quantity, on },
});

describe('registering a project', () => {
  it('is recorded on its registration date', () =>
    given([])
      .when(register())
      .then([{ type: 'ProjectRegistered', data: registration, occurredOn: '2010-03-01' }]));

  it('cannot happen twice under one id', () =>
    given([registered]).when(register()).thenThrows(Conflict, 'CONFLICT_ID_EXISTS'));

  it('cannot be dated after today', () =>
    given([], context({ today: '2010-02-28' }))
      .when(register())
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));

  it('needs the village of a one-matter-one-discussion project', () =>
    given([])
      .when(register({ category: 'one-matter-one-discussion' }))
      .thenThrows(RuleViolation, 'RULE_PROJECT_VILLAGE_REQUIRED'));

  it('keeps planned investment and funding in CNY', () => {
    given([])
      .when(register({ plannedInvestment: { currency: 'USD', minor: 100 } }))
      .thenThrows(RuleViolation, 'RULE_CURRENCY_NOT_CNY', 'data.plannedInvestment.currency');
    given([])
      .when(register({ funding: [{ source: 'county', amount: { currency: 'USD', minor: 100 } }] }))
      .thenThrows(RuleViolation, 'RULE_CURRENCY_NOT_CNY', 'data.funding.0.amount.currency');
  });

  it('records a one-matter-one-discussion project with its village and its funding', () => {
    const funding = [
      { source: 'villagers', amount: cny(30_000) },
      { source: 'town-award', amount: cny(50_000) },
    ];
    given([])
      .when(register({ category: 'one-matter-one-discussion', villageId: 'lijia', funding }))
      .then([{ type: 'ProjectRegistered', data: { villageId: 'lijia', funding } }]);
  });
});

describe('project milestones', () => {
  it('are recorded on the date reached', () =>
    given([registered])
      .when(milestone('construction-started'))
      .then([{ type: 'MilestoneReached', data: { milestone: 'construction-started' }, occurredOn: '2010-06-01' }]));

  it('need a registered project', () =>
    given([]).when(milestone('construction-started')).thenThrows(NotFound, 'NOT_FOUND'));

  it('cannot be dated after today', () =>
    given([registered], context({ today: '2010-05-31' }))
      .when(milestone('construction-started'))
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));

  it('cannot complete a project whose construction has not started', () =>
    given([registered]).when(milestone('completed')).thenThrows(RuleViolation, 'RULE_MILESTONE_OUT_OF_ORDER'));

  it('cannot accept a project before it is completed', () =>
    given([registered, reached('construction-started')])
      .when(milestone('accepted'))
      .thenThrows(RuleViolation, 'RULE_MILESTONE_OUT_OF_ORDER'));

  it('cannot commission a project before it is completed', () =>
    given([registered, reached('construction-started')])
      .when(milestone('commissioned'))
      .thenThrows(RuleViolation, 'RULE_MILESTONE_OUT_OF_ORDER'));

  it('accepts the agreement at any point, and construction without it', () => {
    given([registered])
      .when(milestone('agreement-signed'))
      .then([{ type: 'MilestoneReached' }]);
    given([registered])
      .when(milestone('construction-started'))
      .then([{ type: 'MilestoneReached' }]);
  });

  it('records each milestone once', () => {
    given([registered, reached('construction-started')])
      .when(milestone('construction-started'))
      .thenThrows(RuleViolation, 'RULE_MILESTONE_ALREADY_REACHED');
    given([registered, reached('agreement-signed')])
      .when(milestone('agreement-signed'))
      .thenThrows(RuleViolation, 'RULE_MILESTONE_ALREADY_REACHED');
  });

  it('will not date a milestone before the previous one', () =>
    given([registered, reached('construction-started', '2010-05-01')])
      .when(milestone('completed', '2010-04-30'))
      .thenThrows(RuleViolation, 'RULE_MILESTONE_BEFORE_PREVIOUS'));

  it('may reach a milestone on the same day as the previous one', () =>
    given([registered, reached('construction-started', '2010-05-01')])
      .when(milestone('completed', '2010-05-01'))
      .then([{ type: 'MilestoneReached' }]));

  it('accepts only a resumption while suspended', () =>
    given([registered, reached('construction-started'), reached('suspended')])
      .when(milestone('completed'))
      .thenThrows(RuleViolation, 'RULE_PROJECT_SUSPENDED'));

  it('will not suspend a suspended project again', () =>
    given([registered, reached('suspended')])
      .when(milestone('suspended'))
      .thenThrows(RuleViolation, 'RULE_PROJECT_SUSPENDED'));

  it('will not resume a project that is not suspended', () =>
    given([registered, reached('construction-started')])
      .when(milestone('resumed'))
      .thenThrows(RuleViolation, 'RULE_PROJECT_NOT_SUSPENDED'));

  it('lets suspension and resumption alternate as often as needed', () =>
    given([
      registered,
      reached('construction-started'),
      reached('suspended'),
      reached('resumed'),
      reached('suspended'),
      reached('resumed'),
    ])
      .when(milestone('suspended'))
      .then([{ type: 'MilestoneReached', data: { milestone: 'suspended' } }]));

  it('judges order against milestones reached before a suspension', () =>
    given([registered, reached('construction-started'), reached('suspended'), reached('resumed')])
      .when(milestone('completed'))
      .then([{ type: 'MilestoneReached' }]));
});

describe('project status', () => {
  it('stays registered after the agreement and until construction starts', () => {
    expect(projectStatus([])).toBe('registered');
    expect(projectStatus(['agreement-signed'])).toBe('registered');
  });

  it('moves from under construction to completed', () => {
    expect(projectStatus(['construction-started'])).toBe('under-construction');
    expect(projectStatus(['construction-started', 'completed'])).toBe('completed');
  });

  it('is accepted or commissioned, whichever came last', () => {
    expect(projectStatus(['construction-started', 'completed', 'accepted'])).toBe('accepted');
    expect(projectStatus(['construction-started', 'completed', 'accepted', 'commissioned'])).toBe('commissioned');
    expect(projectStatus(['construction-started', 'completed', 'commissioned', 'accepted'])).toBe('accepted');
  });

  it('returns from a suspension to the status it had', () => {
    expect(projectStatus(['construction-started', 'suspended'])).toBe('suspended');
    expect(projectStatus(['construction-started', 'suspended', 'resumed'])).toBe('under-construction');
    expect(projectStatus(['suspended', 'resumed'])).toBe('registered');
  });
});

describe('project progress', () => {
  it('is reported as of its date', () =>
    given([registered])
      .when(progress(500_000, '2010-06-30'))
      .then([{ type: 'ProjectProgressReported', occurredOn: '2010-06-30' }]));

  it('needs a registered project', () => given([]).when(progress(1, '2010-06-30')).thenThrows(NotFound, 'NOT_FOUND'));

  it('cannot be dated after today', () =>
    given([registered], context({ today: '2010-06-29' }))
      .when(progress(1, '2010-06-30'))
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));

  it('cannot be dated before the last report', () =>
    given([registered, reported(500_000, '2010-06-30', 'e-r1')])
      .when(progress(600_000, '2010-06-29'))
      .thenThrows(RuleViolation, 'RULE_PROGRESS_BEFORE_LAST_REPORT'));

  it('never decreases without a reason', () =>
    given([registered, reported(500_000, '2010-06-30', 'e-r1')])
      .when(progress(400_000, '2010-07-31'))
      .thenThrows(RuleViolation, 'RULE_PROGRESS_DECREASES'));

  it('decreases with a reason, as a correction of the last report', () =>
    given([registered, reported(500_000, '2010-06-30', 'e-r1')])
      .when(progress(400_000, '2010-06-30', '重复计入一笔设备款'))
      .then([{ type: 'ProjectProgressReported', data: { reason: '重复计入一笔设备款' }, corrects: 'e-r1' }]));

  it('rises without a reason and corrects nothing', () => {
    const [report] = given([registered, reported(500_000, '2010-06-30', 'e-r1')])
      .when(progress(600_000, '2010-07-31'))
      .events();
    expect(report).toMatchObject({ type: 'ProjectProgressReported' });
    expect(report.corrects).toBeUndefined();
  });

  it('reports the same figure again on a later date', () =>
    given([registered, reported(500_000, '2010-06-30', 'e-r1')])
      .when(progress(500_000, '2010-07-31'))
      .then([{ type: 'ProjectProgressReported' }]));
});

describe('project output', () => {
  it('is recorded on its date, quantity as given', () =>
    given([registered])
      .when(output(38.9))
      .then([
        { type: 'ProjectOutputRecorded', data: { metric: 'rural-road-km', quantity: 38.9 }, occurredOn: '2010-09-01' },
      ]));

  it('needs a registered project', () => given([]).when(output(1)).thenThrows(NotFound, 'NOT_FOUND'));

  it('needs a quantity above zero', () => {
    given([registered]).when(output(0)).thenThrows(RuleViolation, 'RULE_QUANTITY_NOT_POSITIVE');
    given([registered]).when(output(-1.5)).thenThrows(RuleViolation, 'RULE_QUANTITY_NOT_POSITIVE');
  });

  it('takes at most three decimals', () => {
    given([registered])
      .when(output(1.234))
      .then([{ type: 'ProjectOutputRecorded' }]);
    given([registered]).when(output(1.2345)).thenThrows(RuleViolation, 'RULE_QUANTITY_PRECISION');
    given([registered]).when(output(0.0000001)).thenThrows(RuleViolation, 'RULE_QUANTITY_PRECISION');
  });

  it('cannot be dated after today', () =>
    given([registered], context({ today: '2010-08-31' }))
      .when(output(1))
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));
});

describe('key projects (重点项目)', () => {
  const mark = (key: boolean): ProjectCommand => ({
    type: 'MarkKeyProject',
    data: { projectId: 'XM-2010-003', key, reason: '列入县重点项目' },
  });
  const marked: ProjectEvent = {
    type: 'KeyProjectMarked',
    data: { projectId: 'XM-2010-003', key: true, reason: '列入县重点项目' },
  };

  it('marks a registered project as key', () =>
    given([registered])
      .when(mark(true))
      .then([{ type: 'KeyProjectMarked', data: { key: true } }]));

  it('unmarks it, and refuses a mark that changes nothing', () => {
    given([registered, marked])
      .when(mark(false))
      .then([{ type: 'KeyProjectMarked', data: { key: false } }]);
    given([registered, marked]).when(mark(true)).thenThrows(RuleViolation, 'RULE_KEY_PROJECT_UNCHANGED', 'data.key');
    given([registered]).when(mark(false)).thenThrows(RuleViolation, 'RULE_KEY_PROJECT_UNCHANGED');
  });

  it('needs the project registered', () =>
    given([]).when(mark(true)).thenThrows(NotFound, 'NOT_FOUND', 'data.projectId'));
});
