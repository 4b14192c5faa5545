import { StoredEvent } from '@sunshine/event-store';
import { DisputeEscalated, DisputeRegistered, DisputeResolved, MediationRecorded } from '@sunshine/domain';
import { DisputeDoc, refOf } from './record-docs';
import { RecordEvolver, shaped } from './record-evolver';

export const disputeRecords: RecordEvolver<DisputeDoc> = {
  category: 'dispute',
  types: ['DisputeRegistered', 'MediationRecorded', 'DisputeResolved', 'DisputeEscalated'],
  evolve: (doc, event) => {
    if (event.type === 'DisputeRegistered') {
      const data = (event as StoredEvent<DisputeRegistered['data']>).data;
      // Names, ID numbers and phones of the parties never reach a read model: only their subjectIds.
      return {
        stream: event.stream,
        voided: false,
        disputeId: data.disputeId,
        category: data.category,
        receivedOn: data.receivedOn,
        ...(data.villageId !== undefined && { villageId: data.villageId }),
        subjectIds: data.subjectIds,
        mediations: [],
        refs: [refOf(event)],
      };
    }
    if (!doc) return doc;
    switch (event.type) {
      case 'MediationRecorded': {
        const { heldOn, outcome } = (event as StoredEvent<MediationRecorded['data']>).data;
        return shaped(doc, event, { mediations: [...doc.mediations, { heldOn, outcome, eventId: event.eventId }] });
      }
      case 'DisputeResolved': {
        const { resolvedOn, method } = (event as StoredEvent<DisputeResolved['data']>).data;
        return shaped(doc, event, { conclusion: { kind: 'resolved', method, on: resolvedOn, eventId: event.eventId } });
      }
      case 'DisputeEscalated': {
        const { escalatedOn, to } = (event as StoredEvent<DisputeEscalated['data']>).data;
        return shaped(doc, event, { conclusion: { kind: 'escalated', to, on: escalatedOn, eventId: event.eventId } });
      }
      default:
        return doc;
    }
  },
};
