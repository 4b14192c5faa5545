import { Conflict, NotFound, RuleViolation } from '../shared';
import { context, specFor } from '../shared/testing/given';
import { auditsContext } from './audits.context';
import { auditDecider } from './audits.decider';
import { AuditCommand, Severity } from './audits.commands';
import { AuditEvent } from './audits.events';

const given = specFor(auditDecider);
const cny = (yuan: number) => ({ currency: 'CNY', minor: yuan * 100 });

const opening = {
  auditId: 'SJ-2012-004',
  subject: { kind: 'village' as const, id: 'dongcun' },
  scope: 'funds' as const,
  openedOn: '2012-03-01',
  leadAuditor: '赵审计',
};
const open: AuditCommand = { type: 'OpenAudit', data: opening };
const opened: AuditEvent = { type: 'AuditOpened', data: opening };
const closed: AuditEvent = {
  type: 'AuditClosed',
  data: { auditId: 'SJ-2012-004', closedOn: '2012-06-30', conclusion: '基本规范' },
};

const finding = (findingId: string, severity: Severity = 'major', amountInvolved = cny(50_000)): AuditCommand => ({
  type: 'RecordFinding',
  data: { auditId: 'SJ-2012-004', findingId, severity, description: '白条入账', amountInvolved },
});
const found = (findingId: string, severity: Severity = 'major'): AuditEvent => ({
  type: 'FindingRecorded',
  data: { auditId: 'SJ-2012-004', findingId, severity, description: '白条入账', amountInvolved: cny(50_000) },
});
const rectify = (findingId: string, rectifiedOn = '2012-05-01', amountRecovered = cny(40_000)): AuditCommand => ({
  type: 'RecordRectification',
  data: { auditId: 'SJ-2012-004', findingId, rectifiedOn, description: '已追回', amountRecovered },
});
const rectified = (findingId: string, rectifiedOn = '2012-05-01'): AuditEvent => ({
  type: 'FindingRectified',
  data: { auditId: 'SJ-2012-004', findingId, rectifiedOn, description: '已追回' },
});
const close = (closedOn = '2012-06-30'): AuditCommand => ({
  type: 'CloseAudit',
  data: { auditId: 'SJ-2012-004', closedOn, conclusion: '基本规范' },
});

describe('opening an audit', () => {
  it('is recorded on its opening date', () =>
    given([])
      .when(open)
      .then([{ type: 'AuditOpened', data: opening, occurredOn: '2012-03-01' }]));
  it('cannot happen twice under one id', () => given([opened]).when(open).thenThrows(Conflict, 'CONFLICT_ID_EXISTS'));
  it('cannot be dated after today', () =>
    given([], context({ today: '2012-02-29' }))
      .when(open)
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));

  it('needs its village, project or investment on record, naming data.subject.id', () => {
    const references = (kind: string) =>
      auditsContext.commands.OpenAudit.references?.({ ...opening, subject: { kind, id: 'X-1' } as never }) ?? [];
    expect(references('village')).toEqual([
      expect.objectContaining({ field: 'data.subject.id', stream: 'village-X-1' }),
    ]);
    expect(references('project')).toEqual([
      expect.objectContaining({ field: 'data.subject.id', stream: 'project-X-1' }),
    ]);
    expect(references('investment')).toEqual([
      expect.objectContaining({ field: 'data.subject.id', stream: 'investment-X-1' }),
    ]);
    expect(references('department')).toEqual([]);
  });
});

describe('audit findings', () => {
  it('are recorded while the audit is open', () =>
    given([opened])
      .when(finding('F1'))
      .then([{ type: 'FindingRecorded', data: { findingId: 'F1', severity: 'major' } }]));
  it('need an opened audit', () => given([]).when(finding('F1')).thenThrows(NotFound, 'NOT_FOUND'));
  it('are refused once the audit is closed', () =>
    given([opened, closed]).when(finding('F1')).thenThrows(RuleViolation, 'RULE_AUDIT_CLOSED'));
  it('have ids unique in the audit', () =>
    given([opened, found('F1')])
      .when(finding('F1', 'minor'))
      .thenThrows(Conflict, 'CONFLICT_ID_EXISTS', 'data.findingId'));
});

describe('rectifying a finding', () => {
  it('is recorded on the date rectified', () =>
    given([opened, found('F1')])
      .when(rectify('F1'))
      .then([
        { type: 'FindingRectified', data: { findingId: 'F1', amountRecovered: cny(40_000) }, occurredOn: '2012-05-01' },
      ]));

  it('needs a finding of this audit, naming data.findingId', () =>
    given([opened]).when(rectify('F9')).thenThrows(NotFound, 'NOT_FOUND', 'data.findingId'));

  it('happens once', () =>
    given([opened, found('F1'), rectified('F1')])
      .when(rectify('F1'))
      .thenThrows(RuleViolation, 'RULE_FINDING_ALREADY_RECTIFIED'));
  it('may come after the audit closed', () =>
    given([opened, found('F1', 'minor'), closed])
      .when(rectify('F1', '2012-08-01'))
      .then([{ type: 'FindingRectified' }]));
  it('cannot precede the audit', () =>
    given([opened, found('F1')])
      .when(rectify('F1', '2012-02-01'))
      .thenThrows(RuleViolation, 'RULE_RECTIFICATION_BEFORE_AUDIT'));
  it('cannot be dated after today', () =>
    given([opened, found('F1')], context({ today: '2012-04-30' }))
      .when(rectify('F1'))
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));
  it('recovers in the currency of the amount involved', () =>
    given([opened, found('F1')])
      .when(rectify('F1', '2012-05-01', { currency: 'USD', minor: 100 }))
      .thenThrows(RuleViolation, 'RULE_CURRENCY_MISMATCH'));
});

describe('closing an audit', () => {
  it('is recorded on its closing date', () =>
    given([opened])
      .when(close())
      .then([{ type: 'AuditClosed', occurredOn: '2012-06-30' }]));

  it('is refused while a major or critical finding is unrectified', () => {
    given([opened, found('F1', 'major')])
      .when(close())
      .thenThrows(RuleViolation, 'RULE_AUDIT_OPEN_FINDINGS');
    given([opened, found('F1', 'critical')])
      .when(close())
      .thenThrows(RuleViolation, 'RULE_AUDIT_OPEN_FINDINGS');
  });

  it('may leave info and minor findings unrectified', () =>
    given([opened, found('F1', 'info'), found('F2', 'minor')])
      .when(close())
      .then([{ type: 'AuditClosed' }]));
  it('closes once every major finding is rectified', () =>
    given([opened, found('F1'), rectified('F1')])
      .when(close())
      .then([{ type: 'AuditClosed' }]));
  it('cannot precede the rectifications it relies on', () =>
    given([opened, found('F1'), rectified('F1', '2012-07-15')])
      .when(close('2012-06-30'))
      .thenThrows(RuleViolation, 'RULE_AUDIT_CLOSED_BEFORE_RECTIFICATION'));
  it('happens once', () => given([opened, closed]).when(close()).thenThrows(RuleViolation, 'RULE_AUDIT_CLOSED'));
  it('needs an opened audit', () => given([]).when(close()).thenThrows(NotFound, 'NOT_FOUND'));
  it('cannot precede the opening', () =>
    given([opened]).when(close('2012-02-01')).thenThrows(RuleViolation, 'RULE_AUDIT_CLOSED_BEFORE_OPENED'));
  it('cannot be dated after today', () =>
    given([opened], context({ today: '2012-06-29' }))
      .when(close())
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE'));
});

describe("a finding's own date", () => {
  const dated = (foundOn: string): AuditCommand => ({
    type: 'RecordFinding',
    data: { auditId: 'SJ-2012-004', findingId: 'F9', severity: 'minor', description: '账实不符', foundOn },
  });

  it('is the business date of the finding', () =>
    given([opened])
      .when(dated('2012-03-20'))
      .then([{ type: 'FindingRecorded', occurredOn: '2012-03-20' }]));

  it('lies neither before the audit opened nor after today', () => {
    given([opened]).when(dated('2012-02-28')).thenThrows(RuleViolation, 'RULE_FINDING_BEFORE_AUDIT', 'data.foundOn');
    given([opened], context({ today: '2012-03-10' }))
      .when(dated('2012-03-11'))
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE', 'data.foundOn');
  });

  it('comes before its rectification', () =>
    given([
      opened,
      {
        type: 'FindingRecorded',
        data: {
          auditId: 'SJ-2012-004',
          findingId: 'F9',
          severity: 'minor',
          description: '账实不符',
          foundOn: '2012-04-01',
        },
      },
    ])
      .when(rectify('F9', '2012-03-30'))
      .thenThrows(RuleViolation, 'RULE_RECTIFICATION_BEFORE_FINDING', 'data.rectifiedOn'));
});
