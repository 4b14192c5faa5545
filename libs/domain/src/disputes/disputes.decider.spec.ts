import { Conflict, NotFound, RuleViolation } from '../shared';
import { context, specFor } from '../shared/testing/given';
import { disputeDecider } from './disputes.decider';
import { DisputeCommand, MediationOutcome, ResolutionMethod } from './disputes.commands';
import { DisputeEvent } from './disputes.events';

const given = specFor(disputeDecider);

const registration = {
  disputeId: 'TJ-2011-027',
  category: 'housing-homestead' as const,
  receivedOn: '2011-04-02',
  summary: '宅基地界址争议',
  villageId: 'dongcun',
};
const register = (parties: object[]): DisputeCommand => ({
  type: 'RegisterDispute',
  data: { ...registration, parties } as never,
});
const registered: DisputeEvent = {
  type: 'DisputeRegistered',
  data: { ...registration, parties: [{ subjectId: 's-1', name: '张三' }], subjectIds: ['s-1'] },
};
const mediated = (outcome: MediationOutcome, heldOn = '2011-04-10'): DisputeEvent => ({
  type: 'MediationRecorded',
  data: { disputeId: 'TJ-2011-027', heldOn, mediator: '王调解员', outcome },
});
const resolved: DisputeEvent = {
  type: 'DisputeResolved',
  data: { disputeId: 'TJ-2011-027', resolvedOn: '2011-04-20', method: 'withdrawn' },
};
const escalated: DisputeEvent = {
  type: 'DisputeEscalated',
  data: { disputeId: 'TJ-2011-027', escalatedOn: '2011-04-20', to: 'court', reason: '调解不成' },
};

const mediate = (heldOn = '2011-04-10', outcome: MediationOutcome = 'agreement'): DisputeCommand => ({
  type: 'RecordMediation',
  data: { disputeId: 'TJ-2011-027', heldOn, mediator: '王调解员', outcome },
});
const resolve = (method: ResolutionMethod, resolvedOn = '2011-04-20'): DisputeCommand => ({
  type: 'ResolveDispute',
  data: { disputeId: 'TJ-2011-027', resolvedOn, method },
});
const escalate = (escalatedOn = '2011-04-20'): DisputeCommand => ({
  type: 'EscalateDispute',
  data: { disputeId: 'TJ-2011-027', escalatedOn, to: 'court', reason: '调解不成' },
});

describe('registering a dispute', () => {
  it('records its parties and lists their subjects, on the date received', () =>
    given([])
      .when(register([{ subjectId: 's-1', name: '张三', phone: '13800000000' }]))
      .then([
        {
          type: 'DisputeRegistered',
          data: {
            disputeId: 'TJ-2011-027',
            parties: [{ subjectId: 's-1', name: '张三', phone: '13800000000' }],
            subjectIds: ['s-1'],
          },
          occurredOn: '2011-04-02',
        },
      ]));

  it('gives a party without a subject id a new one from the decision context', () => {
    const ids = ['3f1c-a', '3f1c-b'];
    given([], context({ newId: () => ids.shift() as string }))
      .when(register([{ name: '张三' }, { subjectId: 's-9', name: '李四' }, { name: '王五' }]))
      .then([
        {
          data: {
            parties: [{ subjectId: '3f1c-a' }, { subjectId: 's-9' }, { subjectId: '3f1c-b' }],
            subjectIds: ['3f1c-a', 's-9', '3f1c-b'],
          },
        },
      ]);
  });

  it("derives a subject id from the dispute and the party's place when no new id is at hand", () =>
    given([])
      .when(register([{ subjectId: 's-9', name: '李四' }, { name: '王五' }]))
      .then([{ data: { subjectIds: ['s-9', 'TJ-2011-027-p2'] } }]));

  it('asks for a subject id when the derived one would be too long to be an id', () =>
    given([])
      .when({
        type: 'RegisterDispute',
        data: { ...registration, disputeId: 'T'.repeat(78), parties: [{ name: '张三' }] },
      })
      .thenThrows(RuleViolation, 'RULE_SUBJECT_ID_NEEDED'));

  it('needs at least one party', () => given([]).when(register([])).thenThrows(RuleViolation, 'RULE_DISPUTE_NO_PARTY'));

  it('will not list one subject twice', () =>
    given([])
      .when(
        register([
          { subjectId: 's-1', name: '张三' },
          { subjectId: 's-1', name: '张三' },
        ]),
      )
      .thenThrows(RuleViolation, 'RULE_DISPUTE_PARTY_REPEATED'));

  it('cannot happen twice under one id', () =>
    given([registered])
      .when(register([{ name: '张三' }]))
      .thenThrows(Conflict, 'CONFLICT_ID_EXISTS'));

  it('cannot be dated after today', () =>
    given([], context({ today: '2011-04-01' }))
      .when(register([{ name: '张三' }]))
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));
});

describe('mediation', () => {
  it('is recorded on the day it was held', () =>
    given([registered])
      .when(mediate())
      .then([{ type: 'MediationRecorded', data: { outcome: 'agreement' }, occurredOn: '2011-04-10' }]));

  it('needs a registered dispute', () => given([]).when(mediate()).thenThrows(NotFound, 'NOT_FOUND'));

  it('cannot be held before the dispute was received', () =>
    given([registered]).when(mediate('2011-04-01')).thenThrows(RuleViolation, 'RULE_DISPUTE_DATE_BEFORE_RECEIPT'));

  it('may be held on the day the dispute was received', () =>
    given([registered])
      .when(mediate('2011-04-02'))
      .then([{ type: 'MediationRecorded' }]));

  it('is refused once the dispute is resolved or escalated', () => {
    given([registered, resolved]).when(mediate()).thenThrows(RuleViolation, 'RULE_DISPUTE_CONCLUDED');
    given([registered, escalated]).when(mediate()).thenThrows(RuleViolation, 'RULE_DISPUTE_CONCLUDED');
  });

  it('cannot be dated after today', () =>
    given([registered], context({ today: '2011-04-09' }))
      .when(mediate())
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));
});

describe('resolving a dispute', () => {
  it('by mediation follows a mediation that reached agreement', () =>
    given([registered, mediated('agreement')])
      .when(resolve('mediation'))
      .then([{ type: 'DisputeResolved', data: { method: 'mediation' }, occurredOn: '2011-04-20' }]));

  it('will not be by mediation before an agreement', () => {
    given([registered]).when(resolve('mediation')).thenThrows(RuleViolation, 'RULE_DISPUTE_NO_AGREEMENT');
    given([registered, mediated('no-agreement'), mediated('adjourned')])
      .when(resolve('mediation'))
      .thenThrows(RuleViolation, 'RULE_DISPUTE_NO_AGREEMENT');
  });

  it('by mediation cannot be dated before the agreement', () =>
    given([registered, mediated('agreement', '2011-04-25')])
      .when(resolve('mediation', '2011-04-20'))
      .thenThrows(RuleViolation, 'RULE_RESOLUTION_BEFORE_AGREEMENT'));

  it('by withdrawal needs no mediation', () =>
    given([registered])
      .when(resolve('withdrawn'))
      .then([{ type: 'DisputeResolved' }]));

  it('happens once', () =>
    given([registered, resolved]).when(resolve('other')).thenThrows(RuleViolation, 'RULE_DISPUTE_CONCLUDED'));
  it('is refused once escalated', () =>
    given([registered, escalated]).when(resolve('other')).thenThrows(RuleViolation, 'RULE_DISPUTE_CONCLUDED'));
  it('needs a registered dispute', () => given([]).when(resolve('other')).thenThrows(NotFound, 'NOT_FOUND'));

  it('cannot be dated before the dispute was received', () =>
    given([registered])
      .when(resolve('withdrawn', '2011-04-01'))
      .thenThrows(RuleViolation, 'RULE_DISPUTE_DATE_BEFORE_RECEIPT'));

  it('cannot be dated after today', () =>
    given([registered], context({ today: '2011-04-19' }))
      .when(resolve('withdrawn'))
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));
});

describe('escalating a dispute', () => {
  it('is recorded on its date', () =>
    given([registered])
      .when(escalate())
      .then([{ type: 'DisputeEscalated', data: { to: 'court' }, occurredOn: '2011-04-20' }]));
  it('is refused once concluded', () => {
    given([registered, resolved]).when(escalate()).thenThrows(RuleViolation, 'RULE_DISPUTE_CONCLUDED');
    given([registered, escalated]).when(escalate()).thenThrows(RuleViolation, 'RULE_DISPUTE_CONCLUDED');
  });
  it('needs a registered dispute', () => given([]).when(escalate()).thenThrows(NotFound, 'NOT_FOUND'));
  it('cannot be dated before the dispute was received', () =>
    given([registered]).when(escalate('2011-04-01')).thenThrows(RuleViolation, 'RULE_DISPUTE_DATE_BEFORE_RECEIPT'));
  it('cannot be dated after today', () =>
    given([registered], context({ today: '2011-04-19' }))
      .when(escalate())
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));
});
