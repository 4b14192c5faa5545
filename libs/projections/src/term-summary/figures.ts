import { accumulate, LocalDate, Money, MoneyMap } from '@sunshine/domain';
import { EventRef } from '../records/record-docs';

/** A figure's place in the summary, one key per level (`['investment', 'signed', 'domestic', 'CNY']`). */
export type FigurePath = readonly string[];

/** Receives, for each contribution to a figure, the events that produced it. */
export interface Tracer {
  trace(path: FigurePath, refs: readonly EventRef[]): void;
}

/** For a summary: nothing is kept. */
export const NO_TRACE: Tracer = { trace: () => undefined };

/**
 * Adds to a figure and reports the contribution to the tracer in the same call, so that a figure
 * and its evidence come from the same code and cannot drift apart.
 */
export class Tally {
  constructor(private readonly tracer: Tracer) {}

  /** `counts[key] += 1`, the figure at `path.key`. */
  count<Key extends string>(counts: Record<Key, number>, key: Key, path: FigurePath, refs: readonly EventRef[]): void {
    counts[key] = (counts[key] ?? 0) + 1;
    this.tracer.trace([...path, key], refs);
  }

  /** Adds the amount to the money map at `path`; the figure is `path.<currency>`. */
  money(map: MoneyMap, money: Money, path: FigurePath, refs: readonly EventRef[]): void {
    accumulate(map, money.currency, money.minor);
    this.tracer.trace([...path, money.currency], refs);
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
