import { MoneyMap, ReportSection, wordFor } from '@sunshine/domain';
import type { EventRef, FigureEvidence, ReportDetails, TermSummary } from '@sunshine/projections';
import { formatCount, formatGrowth, formatMoney, formatShareChange } from '../chinese-format';
import { Inline, join, Paragraph, text } from '../document';
import { FigureRegister } from '../figure-register';

/** The figures of one span (a term, a year, 1–9月), the details a report names and the evidence of each figure. */
export interface SpanFacts {
  summary: TermSummary;
  details: ReportDetails;
  evidence(figurePath: string): FigureEvidence | undefined;
}

/** A section's prose as written: paragraphs on their own lines, indentation and blank lines dropped. */
export const paragraphsOf = (prose: string): string[] =>
  prose
    .split(/\r?\n/)
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line !== '');

/** How the prose speaks of its span. */
export interface Wording {
  /** The span as the subject of a sentence: "本届", "2025年1—9月". */
  span: string;
  /** Where a record stands at the span's end: "截至任期末", "截至期末". */
  atEnd: string;
  /** The debts a span starts with: "任期初", "期初". */
  atStart: string;
}

/** Codes the prose could not name (no Chinese word yet): the evidence edition lists them. */
export class Unlisted {
  readonly items: string[] = [];

  add(what: string, code: string, figure: string): void {
    this.items.push(`${what}「${code}」：${figure}`);
  }
}

/**
 * What every section writer shares: the figures of its span, those of the same span a year
 * earlier when the report compares (a progress report), and the register that numbers figures.
 * A figure's comparison follows it in brackets: "12个（较去年同期增长33.3%）".
 */
export class Writer {
  constructor(
    readonly register: FigureRegister,
    readonly current: SpanFacts,
    readonly previous: SpanFacts | undefined,
    readonly words: Wording,
    readonly unlisted: Unlisted,
  ) {}

  get summary(): TermSummary {
    return this.current.summary;
  }

  get details(): ReportDetails {
    return this.current.details;
  }

  /** The events behind a figure of the summary (for a figure the report derives from it). */
  eventsOf(path: string): readonly EventRef[] {
    return this.current.evidence(path)?.events ?? [];
  }

  /**
   * The prose written for a section of the term (WriteReportSection), one paragraph per line. In the
   * evidence edition its last paragraph ends with a note naming the event that wrote it.
   */
  prose(section: ReportSection): Paragraph[] {
    const written = Object.hasOwn(this.details.prose, section) ? this.details.prose[section] : undefined;
    const paragraphs = written ? paragraphsOf(written.text) : [];
    if (!written || paragraphs.length === 0) return [];
    const source = this.register.figure(
      `details.prose.${section}`,
      '',
      written.events,
      `${wordFor('reportSection', section)}（文字）`,
    );
    return paragraphs.map((paragraph, i) =>
      i === paragraphs.length - 1 ? text`${paragraph}${source}` : text`${paragraph}`,
    );
  }

  /** The same span a year earlier, when the report compares. */
  get before(): TermSummary | undefined {
    return this.previous?.summary;
  }

  figure(path: string, shown: string, events?: readonly EventRef[]): Inline {
    return this.register.figure(path, shown, events);
  }

  /** "59个", and in a comparing report "59个（较去年同期增长12.5%）". */
  count(path: string, value: number, unit: string, previous?: number, events?: readonly EventRef[]): Inline[] {
    return text`${this.figure(path, `${formatCount(value)}${unit}`, events)}${this.versus(value, previous)}`;
  }

  /** "17亿元、2900万美元": one figure per currency, each with its comparison. */
  money(path: string, map: MoneyMap, previous?: MoneyMap, events?: readonly EventRef[]): Inline[] {
    return join(
      currenciesOf(map).map(
        (currency) =>
          text`${this.figure(`${path}.${currency}`, formatMoney(map[currency], currency), events)}${this.versus(map[currency], previous?.[currency])}`,
      ),
      '、',
    );
  }

  /** "（较去年同期增长12.5%）" when comparing and last year's figure is above zero. */
  versus(value: number, previous: number | undefined): string {
    if (this.previous === undefined || previous === undefined) return '';
    const growth = formatGrowth(previous, value);
    return growth === undefined ? '' : `（较去年同期${growth}）`;
  }

  /** A share's comparison in 百分点: "（较去年同期提高2个百分点）". */
  versusShare(
    part: number,
    whole: number,
    previousPart: number | undefined,
    previousWhole: number | undefined,
  ): string {
    if (this.previous === undefined || previousPart === undefined || !previousWhole || !whole) return '';
    return `（较去年同期${formatShareChange(previousPart, previousWhole, part, whole)}）`;
  }
}

/** CNY first, then other currencies by code. */
export const currenciesOf = (map: MoneyMap): string[] =>
  Object.keys(map).sort((a, b) => (a === 'CNY' ? -1 : b === 'CNY' ? 1 : a < b ? -1 : a > b ? 1 : 0));

export const hasMoney = (map: MoneyMap | undefined): map is MoneyMap =>
  map !== undefined && Object.values(map).some((minor) => minor !== 0);
