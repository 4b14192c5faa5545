import { LocalDate, Money } from '@sunshine/domain';
import { EventRef } from '../records/record-docs';
import { FigureTree } from './figure-tree';

/** A figure's place in the summary, one key per level (`['investment', 'signed', 'domestic', 'CNY']`). */
export type FigurePath = readonly string[];

/** Receives, for each contribution to a figure, the events that produced it and what it added. */
export interface Tracer {
  /** `amount` is what the contribution added (1 for a count, minor units for money); absent for a computed figure. */
  trace(path: FigurePath, refs: readonly EventRef[], amount?: number): void;
  /** Told of each record before its contributions, so a tracer can say which records a figure counts. */
  visit?(category: string, doc: unknown): void;
}

/** For a summary: nothing is kept. */
export const NO_TRACE: Tracer = { trace: () => undefined };

/**
 * What one record contributes to the summary's figures, added to (or, for a record that changed,
 * taken back from) a figure tree, and reported to the tracer in the same call, so that a figure
 * and its evidence come from the same code and cannot drift apart.
 */
export class Tally {
  constructor(
    private readonly figures: FigureTree,
    private readonly tracer: Tracer = NO_TRACE,
    private readonly sign: 1 | -1 = 1,
  ) {}

  /** One more at `path`. */
  count(path: FigurePath, refs: readonly EventRef[]): void {
    this.figures.add(path, 1, this.sign);
    this.tracer.trace(path, refs, 1);
  }

  /** Adds the amount to the money map at `path`; the figure is `path.<currency>`. */
  money(path: FigurePath, money: Money, refs: readonly EventRef[]): void {
    const figure = [...path, money.currency];
    this.figures.add(figure, money.minor, this.sign);
    this.tracer.trace(figure, refs, money.minor);
  }

  /** Adds an exact integer amount (thousandths of an output) at `path`. */
  sum(path: FigurePath, amount: number, refs: readonly EventRef[]): void {
    this.figures.add(path, amount, this.sign);
    this.tracer.trace(path, refs, amount);
  }

  /** A figure one record states whole (an indicator's): it stands while that record counts. */
  state(path: FigurePath, value: unknown): void {
    this.figures.state(path, value, this.sign);
  }

  /** A figure computed from others (a ratio, an exact sum): its evidence is stated here. */
  trace(path: FigurePath, refs: readonly EventRef[]): void {
    this.tracer.trace(path, refs);
  }
}

/** A term's business dates, both ends inclusive. */
export class TermWindow {
  constructor(
    readonly from: LocalDate,
    readonly to: LocalDate,
  ) {}

  /** A record dated in the term. */
  includes(date: LocalDate): boolean {
    return this.from <= date && date <= this.to;
  }

  /** What happened to a record counts when it happened by the term's end. */
  reached(date: LocalDate): boolean {
    return date <= this.to;
  }
}
