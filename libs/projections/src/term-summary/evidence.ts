import { EventRef } from '../records/record-docs';
import { compareLogPositions } from '../records/record-source';
import { FigurePath, Tracer } from './figures';

const isPrefix = (prefix: FigurePath, path: FigurePath): boolean =>
  prefix.length <= path.length && prefix.every((key, i) => key === path[i]);

/** Keeps every contribution, to answer "which events produced this figure". */
export class EvidenceTracer implements Tracer {
  private readonly contributions: { path: FigurePath; refs: readonly EventRef[] }[] = [];

  trace(path: FigurePath, refs: readonly EventRef[]): void {
    this.contributions.push({ path, refs });
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
