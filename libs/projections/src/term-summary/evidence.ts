import { EventRef } from '../records/record-docs';
import { compareLogPositions } from '../records/record-source';
import { FigurePath, Tracer } from './figures';

const isPrefix = (prefix: FigurePath, path: FigurePath): boolean =>
  prefix.length <= path.length && prefix.every((key, i) => key === path[i]);

/** A record document the summary counted, with its category (`investment`, `village-entry`, …). */
export interface CountedRecord {
  category: string;
  doc: unknown;
}

/** One contribution to a figure: the events behind it, the record it came from and what it added. */
export interface Contribution {
  path: FigurePath;
  refs: readonly EventRef[];
  record?: CountedRecord;
  amount?: number;
}

/** Keeps every contribution, to answer "which events, and which records, produced this figure". */
export class EvidenceTracer implements Tracer {
  readonly contributions: Contribution[] = [];
  private visiting?: CountedRecord;

  visit(category: string, doc: unknown): void {
    this.visiting = { category, doc };
  }

  trace(path: FigurePath, refs: readonly EventRef[], amount?: number): void {
    this.contributions.push({ path, refs, record: this.visiting, amount });
  }

  /**
   * The records behind the figure at `path`, each once, in the log order of the event that placed
   * each in the summary (its first event).
   */
  records(path: FigurePath, compare: (a: string, b: string) => number = compareLogPositions): CountedRecord[] {
    const records = new Set<CountedRecord>();
    for (const contribution of this.contributions)
      if (contribution.record && (isPrefix(path, contribution.path) || isPrefix(contribution.path, path)))
        records.add(contribution.record);
    const first = (record: CountedRecord) => (record.doc as { refs: EventRef[] }).refs[0]?.position ?? '';
    return [...records].sort((a, b) => compare(first(a), first(b)));
  }

  /**
   * The events behind the figure at `path`: what was traced at it, below it (a money map's
   * currencies, a section's figures) or above it (a figure traced as a whole, e.g. an indicator's
   * `first`, answers for its `period` and `value`). Each event once, in log order.
   */
  evidence(path: FigurePath, compare: (a: string, b: string) => number = compareLogPositions): EventRef[] {
    const events = new Map<string, EventRef>();
    for (const contribution of this.contributions)
      if (isPrefix(path, contribution.path) || isPrefix(contribution.path, path))
        for (const ref of contribution.refs) events.set(ref.eventId, ref);
    return [...events.values()].sort((a, b) => compare(a.position, b.position));
  }
}

/**
 * Splits a dotted figure path against the summary it names. Keys may themselves hold dots (a
 * sector or a metric is free text), so each level tries the longest key that fits first.
 * Undefined when the summary has no such figure.
 */
export const resolveFigurePath = (node: unknown, dotted: string): string[] | undefined => {
  if (typeof node !== 'object' || node === null || dotted === '') return undefined;
  const keys = Object.keys(node)
    .filter((key) => dotted === key || dotted.startsWith(`${key}.`))
    .sort((a, b) => b.length - a.length);
  for (const key of keys) {
    if (dotted === key) return [key];
    const rest = resolveFigurePath((node as Record<string, unknown>)[key], dotted.slice(key.length + 1));
    if (rest) return [key, ...rest];
  }
  return undefined;
};
