import { StoredEvent } from '@sunshine/event-store';
import { ReportSectionWritten } from '@sunshine/domain';
import { ReportProseDoc } from './record-docs';
import { RecordEvolver, shaped } from './record-evolver';

/** A term's prose: a section written again replaces its text (the earlier text stays in the refs' events). */
export const reportProseRecords: RecordEvolver<ReportProseDoc> = {
  category: 'report',
  types: ['ReportSectionWritten'],
  evolve: (current, event) => {
    if (event.type !== 'ReportSectionWritten') return current;
    const { termId, section, text } = (event as StoredEvent<ReportSectionWritten['data']>).data;
    const doc = current ?? { stream: event.stream, voided: false, termId, sections: {}, refs: [] };
    return shaped(doc, event, { sections: { ...doc.sections, [section]: { text, eventId: event.eventId } } });
  },
};
