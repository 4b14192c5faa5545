import { DomainEvent } from '../shared';
import { CloseAudit, OpenAudit, RecordFinding, RecordRectification } from './audits.commands';

export type AuditOpened = DomainEvent<'AuditOpened', OpenAudit['data']>;
/**
 * A finding counts with its audit in a summary; its own date is `foundOn` (occurredOn), or, for a
 * finding recorded before findings had a date, the recording date.
 */
export type FindingRecorded = DomainEvent<'FindingRecorded', RecordFinding['data']>;
export type FindingRectified = DomainEvent<'FindingRectified', RecordRectification['data']>;
export type AuditClosed = DomainEvent<'AuditClosed', CloseAudit['data']>;

export type AuditEvent = AuditOpened | FindingRecorded | FindingRectified | AuditClosed;

export const auditStream = (auditId: string): string => `audit-${auditId}`;
