import { DomainEvent } from '../shared';
import { CloseAudit, OpenAudit, RecordFinding, RecordRectification } from './audits.commands';

export type AuditOpened = DomainEvent<'AuditOpened', OpenAudit['data']>;
/** A finding has no date of its own: it goes with its audit (occurredOn is the recording date). */
export type FindingRecorded = DomainEvent<'FindingRecorded', RecordFinding['data']>;
export type FindingRectified = DomainEvent<'FindingRectified', RecordRectification['data']>;
export type AuditClosed = DomainEvent<'AuditClosed', CloseAudit['data']>;

export type AuditEvent = AuditOpened | FindingRecorded | FindingRectified | AuditClosed;

export const auditStream = (auditId: string): string => `audit-${auditId}`;
