import { StoredEvent } from '@sunshine/event-store';
import { IndicatorDefined, IndicatorReported, IndicatorTargetSet } from '@sunshine/domain';
import { IndicatorDoc } from './record-docs';
import { RecordEvolver, shaped } from './record-evolver';

const INDICATOR_PREFIX = 'indicator-';

const empty = (event: StoredEvent): IndicatorDoc => ({
  stream: event.stream,
  voided: false,
  code: event.stream.slice(INDICATOR_PREFIX.length),
  reports: [],
  targets: [],
  refs: [],
});

export const indicatorRecords: RecordEvolver<IndicatorDoc> = {
  category: 'indicator',
  types: ['IndicatorDefined', 'IndicatorReported', 'IndicatorTargetSet'],
  evolve: (current, event) => {
    // A target may in principle come before the first report, so either event opens the document.
    const doc = current ?? empty(event);
    const { recordedAt } = event.metadata;
    const position = event.position;
    switch (event.type) {
      case 'IndicatorDefined': {
        const { name } = (event as StoredEvent<IndicatorDefined['data']>).data;
        return shaped(doc, event, { name });
      }
      case 'IndicatorReported': {
        const { period, value, unit } = (event as StoredEvent<IndicatorReported['data']>).data;
        const previous = doc.reports.find((report) => report.period === period);
        // Reporting a period again is a revision: its value replaces the earlier one.
        const reports = previous
          ? doc.reports.map((report) =>
              report === previous
                ? { period, value, recordedAt, position, eventIds: [...report.eventIds, event.eventId] }
                : report,
            )
          : [...doc.reports, { period, value, recordedAt, position, eventIds: [event.eventId] }];
        return shaped(doc, event, { unit: doc.unit ?? unit, reports });
      }
      case 'IndicatorTargetSet': {
        const { period, target } = (event as StoredEvent<IndicatorTargetSet['data']>).data;
        return shaped(doc, event, {
          targets: [...doc.targets, { period, target, recordedAt, position, eventId: event.eventId }],
        });
      }
      default:
        return current;
    }
  },
};
