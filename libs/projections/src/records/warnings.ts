import { StoredEvent } from '@sunshine/event-store';
import { WarningHandled } from '@sunshine/domain';
import { WarningDoc } from './record-docs';
import { RecordEvolver, shaped } from './record-evolver';

export const warningRecords: RecordEvolver<WarningDoc> = {
  category: 'warning',
  types: ['WarningHandled'],
  evolve: (current, event) => {
    if (event.type !== 'WarningHandled') return current;
    const { warningId, handledOn, action, note } = (event as StoredEvent<WarningHandled['data']>).data;
    const doc = current ?? { stream: event.stream, voided: false, warningId, handlings: [], refs: [] };
    const { userId, role } = event.metadata.actor;
    const handling = {
      handledOn,
      action,
      note,
      by: { userId, role },
      recordedAt: event.metadata.recordedAt,
      eventId: event.eventId,
    };
    return shaped(doc, event, { handlings: [...doc.handlings, handling] });
  },
};
