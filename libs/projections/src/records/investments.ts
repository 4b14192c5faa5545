import { StoredEvent } from '@sunshine/event-store';
import { CapitalArrived, InvestmentAmended, InvestmentSigned, InvestmentTerminated } from '@sunshine/domain';
import { InvestmentDoc, refOf } from './record-docs';
import { RecordEvolver, shaped } from './record-evolver';

export const investmentRecords: RecordEvolver<InvestmentDoc> = {
  category: 'investment',
  types: ['InvestmentSigned', 'CapitalArrived', 'InvestmentAmended', 'InvestmentTerminated'],
  evolve: (doc, event) => {
    if (event.type === 'InvestmentSigned') {
      const { investmentId, investor, sector, origin, amount, signedOn, villageId, projectId } = (
        event as StoredEvent<InvestmentSigned['data']>
      ).data;
      return {
        stream: event.stream,
        voided: false,
        investmentId,
        investor,
        sector,
        origin,
        amount,
        signedOn,
        ...(villageId !== undefined && { villageId }),
        ...(projectId !== undefined && { projectId }),
        arrivals: [],
        refs: [refOf(event)],
      };
    }
    if (!doc) return doc;
    switch (event.type) {
      case 'CapitalArrived': {
        const { amount, arrivedOn } = (event as StoredEvent<CapitalArrived['data']>).data;
        return shaped(doc, event, { arrivals: [...doc.arrivals, { amount, arrivedOn, eventId: event.eventId }] });
      }
      case 'InvestmentAmended': {
        // Only the changed fields travel in the event; each replaces the signed one.
        const { investor, sector, amount, signedOn } = (event as StoredEvent<InvestmentAmended['data']>).data;
        return shaped(doc, event, {
          ...(investor !== undefined && { investor }),
          ...(sector !== undefined && { sector }),
          ...(amount !== undefined && { amount }),
          ...(signedOn !== undefined && { signedOn }),
        });
      }
      case 'InvestmentTerminated': {
        const { terminatedOn, reason } = (event as StoredEvent<InvestmentTerminated['data']>).data;
        return shaped(doc, event, { termination: { terminatedOn, reason, eventId: event.eventId } });
      }
      default:
        return doc;
    }
  },
};
