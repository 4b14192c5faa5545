/** One figure of a card: a count with its unit, or money written one line per currency. */
export interface Figure {
  /** The summary's path of the figure (`investment.signings`), for tests and later drill-down. */
  path: string;
  label: string;
  count?: string;
  unit?: string;
  money?: string[];
  warn?: boolean;
}
