import { compareLogPositions, EventRef } from '@sunshine/projections';
import { EVIDENCE_LISTED, Figure, Inline, Paragraph } from './document';

/** The events behind one figure of a summary, in log order. */
export type EvidenceOf = (figurePath: string) => Promise<readonly EventRef[]>;

/**
 * Collects the figures while the prose is written; their evidence is fetched once, at the end.
 * A figure the summary does not hold (a project named in the text, escalations per channel)
 * brings its events along.
 */
export class FigureRegister {
  private readonly figures = new Map<string, Figure>();
  private readonly carried = new Map<string, readonly EventRef[]>();

  /** A figure as printed; `label` names a figure printed as nothing (a note after prose) in the appendix. */
  figure(path: string, text: string, events?: readonly EventRef[], label?: string): Inline {
    let figure = this.figures.get(path);
    if (!figure) {
      figure = { number: 0, path, text, ...(label !== undefined && { label }), evidence: { total: 0, events: [] } };
      this.figures.set(path, figure);
      if (events) this.carried.set(path, events);
    }
    return { kind: 'figure', figure };
  }

  /** Numbers the figures in reading order (a sentence may be written before the one it follows). */
  numberInReadingOrder(paragraphs: readonly Paragraph[]): Figure[] {
    const ordered: Figure[] = [];
    for (const inline of paragraphs.flat())
      if (inline.kind === 'figure' && inline.figure.number === 0) {
        ordered.push(inline.figure);
        inline.figure.number = ordered.length;
      }
    return ordered;
  }

  async attachEvidence(figures: readonly Figure[], evidenceOf: EvidenceOf): Promise<void> {
    // One at a time: each answer may replay the log, and the store is read best sequentially.
    for (const figure of figures) {
      const carried = this.carried.get(figure.path);
      const events = carried ? uniqueInLogOrder(carried) : await evidenceOf(figure.path);
      figure.evidence = { total: events.length, events: events.slice(0, EVIDENCE_LISTED) };
    }
  }
}

/** Each event once; events carried by a record are already in stream order, records in scan order. */
const uniqueInLogOrder = (events: readonly EventRef[]): EventRef[] => {
  const unique = new Map(events.map((e) => [e.eventId, e]));
  return [...unique.values()].sort((a, b) => compareLogPositions(a.position, b.position));
};
