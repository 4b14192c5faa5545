import { StoredEvent } from '@sunshine/event-store';
import { AuditClosed, AuditOpened, FindingRecorded, FindingRectified } from '@sunshine/domain';
import { AuditDoc, refOf } from './record-docs';
import { RecordEvolver, shaped } from './record-evolver';

export const auditRecords: RecordEvolver<AuditDoc> = {
  category: 'audit',
  types: ['AuditOpened', 'FindingRecorded', 'FindingRectified', 'AuditClosed'],
  evolve: (doc, event) => {
    if (event.type === 'AuditOpened') {
      const { auditId, subject, scope, openedOn } = (event as StoredEvent<AuditOpened['data']>).data;
      return {
        stream: event.stream,
        voided: false,
        auditId,
        subject: { kind: subject.kind, id: subject.id },
        scope,
        openedOn,
        findings: [],
        refs: [refOf(event)],
      };
    }
    if (!doc) return doc;
    switch (event.type) {
      case 'FindingRecorded': {
        const data = (event as StoredEvent<FindingRecorded['data']>).data;
        const { findingId, severity, amountInvolved, description } = data;
        const finding = {
          findingId,
          severity,
          description,
          // A finding recorded before it had a date of its own was found on the day it was recorded.
          foundOn: data.foundOn ?? event.metadata.occurredOn,
          ...(amountInvolved !== undefined && { amountInvolved }),
          eventId: event.eventId,
        };
        return shaped(doc, event, { findings: [...doc.findings, finding] });
      }
      case 'FindingRectified': {
        const { findingId, rectifiedOn, amountRecovered } = (event as StoredEvent<FindingRectified['data']>).data;
        const rectification = {
          rectifiedOn,
          ...(amountRecovered !== undefined && { amountRecovered }),
          eventId: event.eventId,
        };
        return shaped(doc, event, {
          findings: doc.findings.map((finding) =>
            finding.findingId === findingId ? { ...finding, rectification } : finding,
          ),
        });
      }
      case 'AuditClosed': {
        const { closedOn } = (event as StoredEvent<AuditClosed['data']>).data;
        return shaped(doc, event, { closure: { closedOn, eventId: event.eventId } });
      }
      default:
        return doc;
    }
  },
};
