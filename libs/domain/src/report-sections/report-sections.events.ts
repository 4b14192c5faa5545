import { DomainEvent } from '../shared';
import { WriteReportSection } from './report-sections.commands';

/** A section written again `corrects` its previous text. */
export type ReportSectionWritten = DomainEvent<'ReportSectionWritten', WriteReportSection['data']>;

export type ReportSectionEvent = ReportSectionWritten;

/** One stream per term holds the prose of its work summary. */
export const reportStream = (termId: string): string => `report-${termId}`;
