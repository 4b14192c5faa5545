import { LocalDate, Money } from '../shared';

export type AuditSubjectKind = 'village' | 'project' | 'investment' | 'department';
export const AUDIT_SUBJECT_KINDS: readonly AuditSubjectKind[] = ['village', 'project', 'investment', 'department'];

export type AuditScope = 'funds' | 'assets' | 'resources' | 'project-settlement' | 'procurement' | 'other';
export const AUDIT_SCOPES: readonly AuditScope[] = [
  'funds',
  'assets',
  'resources',
  'project-settlement',
  'procurement',
  'other',
];

export type Severity = 'info' | 'minor' | 'major' | 'critical';
export const SEVERITIES: readonly Severity[] = ['info', 'minor', 'major', 'critical'];

/** What is audited: a recorded village, project or investment, or a department (free id). */
export interface AuditSubject {
  kind: AuditSubjectKind;
  id: string;
}

export interface OpenAudit {
  type: 'OpenAudit';
  data: { auditId: string; subject: AuditSubject; scope: AuditScope; openedOn: LocalDate; leadAuditor: string };
}

export interface RecordFinding {
  type: 'RecordFinding';
  /** `foundOn` is required of every new finding; findings recorded before it existed have none. */
  data: {
    auditId: string;
    findingId: string;
    severity: Severity;
    description: string;
    amountInvolved?: Money;
    foundOn?: LocalDate;
  };
}

export interface RecordRectification {
  type: 'RecordRectification';
  data: { auditId: string; findingId: string; rectifiedOn: LocalDate; description: string; amountRecovered?: Money };
}

export interface CloseAudit {
  type: 'CloseAudit';
  data: { auditId: string; closedOn: LocalDate; conclusion: string };
}

export type AuditCommand = OpenAudit | RecordFinding | RecordRectification | CloseAudit;
