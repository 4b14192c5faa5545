import { StoredEvent } from '@sunshine/event-store';
import {
  BUILT_IN_INDICATORS,
  IndicatorDefined,
  IndicatorDefinition,
  IndicatorReported,
  IndicatorTargetSet,
} from '@sunshine/domain';
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
    // A definition usually comes first, but logs from before the catalogue open with a report or a target.
    const doc = current ?? empty(event);
    const { recordedAt } = event.metadata;
    const position = event.position;
    switch (event.type) {
      case 'IndicatorDefined': {
        const { name, unit, kind, section, description } = (event as StoredEvent<IndicatorDefined['data']>).data;
        // A redefinition rewords the indicator: its name, section and description replace the earlier ones.
        const definition = { name, unit, kind, section, ...(description !== undefined && { description }) };
        return shaped(doc, event, { name, definition: { ...definition, eventId: event.eventId } });
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

/** The indicator's definition: its own DefineIndicator, else the built-in catalogue's; undefined for neither. */
export const indicatorDefinition = (doc: IndicatorDoc): IndicatorDefinition | undefined =>
  doc.definition ?? (Object.hasOwn(BUILT_IN_INDICATORS, doc.code) ? BUILT_IN_INDICATORS[doc.code] : undefined);

/** What a summary says an indicator is: its Chinese name, kind and section, or null for an undefined code. */
export const indicatorIdentity = (doc: IndicatorDoc) => {
  const definition = indicatorDefinition(doc);
  return {
    name: definition?.name ?? null,
    kind: definition?.kind ?? null,
    section: definition?.section ?? null,
  };
};
