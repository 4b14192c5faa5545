import { StoredEvent } from '@sunshine/event-store';
import { HonourRecorded } from '@sunshine/domain';
import { HonourDoc, refOf } from './record-docs';
import { RecordEvolver } from './record-evolver';

export const honourRecords: RecordEvolver<HonourDoc> = {
  category: 'honour',
  types: ['HonourRecorded'],
  evolve: (doc, event) => {
    if (event.type !== 'HonourRecorded') return doc;
    const { honourId, title, awardedBy, awardedOn, level } = (event as StoredEvent<HonourRecorded['data']>).data;
    return {
      stream: event.stream,
      voided: false,
      honourId,
      title,
      awardedBy,
      awardedOn,
      level,
      refs: [refOf(event)],
    };
  },
};
