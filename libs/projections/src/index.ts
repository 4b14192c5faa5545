export * from './projection';
export * from './store/projection-store.port';
export * from './memory/memory-projection-store';
export * from './sqlite/sqlite-projection-store';
export * from './runner/projection-runner';
import { recordsProjection as records } from './records/records.projection';

/** Every projection the runner keeps up to date. */
export const PROJECTIONS: import('./projection').Projection[] = [records];
export * from './records/record-docs';
export * from './records/records.projection';
export * from './term-summary/term-summary.types';
export * from './term-summary/summarize';
export * from './term-summary/current-summaries';
export * from './records/record-source';
export * from './village-ledger/ledger';
export * from './term-summary/details';
export * from './term-summary/span-indicators';
export * from './term-summary/decimal';
export * from './warnings/thresholds';
export * from './warnings/warning.types';
export * from './warnings/record-rules';
export * from './warnings/evaluate';
export * from './records/record-names';
export * from './records/terms';
export * from './villages/village-figures';
export * from './records/record-rows';
export * from './overview/overview-charts';
