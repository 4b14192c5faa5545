import { StoredEvent } from '@sunshine/event-store';
import { AuditClosed, AuditOpened, FindingRecorded, FindingRectified } from '@sunshine/domain';
import { AuditDoc, refOf } from './record-docs';
import { RecordEvolver, shaped } from './record-evolver';

export const auditRecords: RecordEvolver<AuditDoc> = {
  category: 'audit',
  types: ['AuditOpened', 'FindingRecorded', 'FindingRectified', 'AuditClosed'],
  evolve: (doc, event) => {
    if (event.type === 'AuditOpened') {
      const { auditId, subject, scope, openedOn, leadAuditor } = (event as StoredEvent<AuditOpened['data']>).data;
      return {
        stream: event.stream,
        voided: false,
        auditId,
        subject: { kind: subject.kind, id: subject.id },
        scope,
        openedOn,
        leadAuditor,
        findings: [],
        refs: [refOf(event)],
      };
    }
    if (!doc) return doc;
    switch (event.type) {
      case 'FindingRecorded': {
        const { findingId, severity, description, amountInvolved } = (event as StoredEvent<FindingRecorded['data']>)
          .data;
        const finding = {
          findingId,
          severity,
          description,
          // Its own date (foundOn), or for a finding recorded before findings had one, the recording date.
          foundOn: event.metadata.occurredOn,
          ...((event as StoredEvent<FindingRecorded['data']>).data.foundOn === undefined && { undated: true as const }),
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
