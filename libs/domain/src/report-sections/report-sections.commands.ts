/**
 * The prose of a work summary that no figure can write: the preface, Party building and clean
 * government, difficulties and next steps, or words added to a section of figures.
 */
export type ReportSection =
  | 'preface'
  | 'party-building'
  | 'clean-government'
  | 'difficulties'
  | 'next-steps'
  | 'economy'
  | 'investment'
  | 'projects'
  | 'livelihood'
  | 'safety-stability'
  | 'village-finance'
  | 'audits';
export const REPORT_SECTIONS: readonly ReportSection[] = [
  'preface',
  'party-building',
  'clean-government',
  'difficulties',
  'next-steps',
  'economy',
  'investment',
  'projects',
  'livelihood',
  'safety-stability',
  'village-finance',
  'audits',
];

/** At most 20,000 characters of Chinese paragraphs (blank lines between them). */
export const REPORT_SECTION_MAX_LENGTH = 20_000;

export interface WriteReportSection {
  type: 'WriteReportSection';
  /** Writing a section again replaces its text; the earlier text stays in the log. */
  data: { termId: string; section: ReportSection; text: string };
}

export type ReportSectionCommand = WriteReportSection;
