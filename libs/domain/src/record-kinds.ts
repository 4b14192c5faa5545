/**
 * The kinds of record a person looks up, lists and picks (`GET /api/v1/records?kind=`): the
 * records of the log as a township office names them. Cash-book entries and debts live in their
 * village's stream, findings in their audit's; each is still a record of its own.
 */
export type RecordKind =
  'investment' | 'project' | 'dispute' | 'audit' | 'finding' | 'entry' | 'debt' | 'village' | 'term' | 'indicator';

export const RECORD_KINDS: readonly RecordKind[] = [
  'investment',
  'project',
  'dispute',
  'audit',
  'finding',
  'entry',
  'debt',
  'village',
  'term',
  'indicator',
];

export const isRecordKind = (value: unknown): value is RecordKind =>
  typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);

/** Where a record stands now, per kind (a project's statuses are its own: ProjectStatus). */
export type RecordStatus =
  | 'signed'
  | 'terminated'
  | 'in-mediation'
  | 'resolved'
  | 'escalated'
  | 'audit-open'
  | 'audit-closed'
  | 'finding-open'
  | 'rectified'
  | 'booked'
  | 'reversed'
  | 'outstanding'
  | 'partly-settled'
  | 'settled'
  | 'upcoming'
  | 'current'
  | 'ended'
  | 'reported'
  | 'target-only'
  | 'voided';
