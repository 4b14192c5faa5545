import { StoredEvent } from '@sunshine/event-store';
import { DisputeEscalatedData, DisputeRegisteredData, DisputeResolvedData, MediationRecordedData } from './event-data';
import { DisputeDoc, refOf } from './record-docs';
import { RecordEvolver, shaped } from './record-evolver';

/** Names, ID numbers and phones of the parties never reach a read model: only their subjectIds. */
const subjectIdsOf = (data: DisputeRegisteredData): string[] =>
  data.subjectIds ?? (data.parties ?? []).flatMap((party) => (party.subjectId === undefined ? [] : [party.subjectId]));

export const disputeRecords: RecordEvolver<DisputeDoc> = {
  category: 'dispute',
  types: ['DisputeRegistered', 'MediationRecorded', 'DisputeResolved', 'DisputeEscalated'],
  evolve: (doc, event) => {
    if (event.type === 'DisputeRegistered') {
      const data = (event as StoredEvent<DisputeRegisteredData>).data;
      return {
        stream: event.stream,
        voided: false,
        disputeId: data.disputeId,
        category: data.category,
        receivedOn: data.receivedOn,
        ...(data.villageId !== undefined && { villageId: data.villageId }),
        subjectIds: subjectIdsOf(data),
        mediations: [],
        refs: [refOf(event)],
      };
    }
    if (!doc) return doc;
    switch (event.type) {
      case 'MediationRecorded': {
        const { heldOn, outcome } = (event as StoredEvent<MediationRecordedData>).data;
        return shaped(doc, event, { mediations: [...doc.mediations, { heldOn, outcome, eventId: event.eventId }] });
      }
      case 'DisputeResolved': {
        const { resolvedOn, method } = (event as StoredEvent<DisputeResolvedData>).data;
        return shaped(doc, event, { conclusion: { kind: 'resolved', method, on: resolvedOn, eventId: event.eventId } });
      }
      case 'DisputeEscalated': {
        const { escalatedOn, to } = (event as StoredEvent<DisputeEscalatedData>).data;
        return shaped(doc, event, { conclusion: { kind: 'escalated', to, on: escalatedOn, eventId: event.eventId } });
      }
      default:
        return doc;
    }
  },
};
