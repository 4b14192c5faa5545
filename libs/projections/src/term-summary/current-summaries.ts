import { Position } from '@sunshine/event-store';
import { RecordSource } from '../records/record-source';
import { DocumentChange } from '../runner/projection-runner';
import { FigureTree } from './figure-tree';
import { Tally, TermWindow } from './figures';
import { SummaryTerm, summarizeTerm, termSummaryOf } from './summarize';
import { COUNTED_CATEGORIES, countRecord, recordKey, summaryFigures } from './term-figures';
import { TermSummary } from './term-summary.types';

const COUNTED = new Set(COUNTED_CATEGORIES);

/** Documents a first reading counts between two turns of the event loop. */
const YIELD_EVERY = 500;

/** One term's figures, kept current: a changed document's old contribution is taken back and its new one added. */
class LiveTerm {
  private readonly window: TermWindow;
  private readonly figures = new FigureTree();
  private readonly adding = new Tally(this.figures);
  private readonly takingBack = new Tally(this.figures, undefined, -1);
  private latest?: { position: Position | null; summary: TermSummary };

  constructor(readonly term: SummaryTerm) {
    this.window = new TermWindow(term.startsOn, term.endsOn);
  }

  add(category: string, doc: unknown): void {
    if (doc !== undefined) countRecord(category, doc, this.window, this.adding);
    this.latest = undefined;
  }

  change({ category, before, doc }: DocumentChange): void {
    if (before !== undefined) countRecord(category, before, this.window, this.takingBack);
    this.add(category, doc);
  }

  summary(position: Position | null): TermSummary {
    if (!this.latest || this.latest.position !== position)
      this.latest = {
        position,
        summary: termSummaryOf(this.term, summaryFigures(this.figures), { knownAt: null, position }),
      };
    return this.latest.summary;
  }
}

/**
 * A term's figures read from the store while the runner goes on committing. The store is read in
 * key order, one category after another, so for each change the reading knows whether it has
 * already passed the document (its contribution is in: take the change as it comes) or not yet
 * (what it would read may be either version: the document is left for the end, counted as it
 * stands then).
 */
class TermReading {
  private category = -1;
  private lastKey?: string;
  private counted = 0;
  private readonly deferred = new Map<string, DocumentChange>();

  constructor(readonly live: LiveTerm) {}

  changing(change: DocumentChange): void {
    if (this.deferred.has(change.key) || !this.passed(change)) this.deferred.set(change.key, change);
    else this.live.change(change);
  }

  async read(source: RecordSource): Promise<LiveTerm> {
    for (const [index, category] of COUNTED_CATEGORIES.entries()) {
      this.category = index;
      this.lastKey = undefined;
      for await (const doc of source.scan(category)) {
        const key = recordKey(category, doc);
        this.lastKey = key;
        if (!this.deferred.has(key)) this.live.add(category, doc);
        // A store read in pages without I/O never lets the event loop turn: let requests and commits through.
        if (++this.counted % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    this.category = COUNTED_CATEGORIES.length;
    for (const { category, doc } of this.deferred.values()) this.live.add(category, doc);
    this.deferred.clear();
    return this.live;
  }

  private passed({ category, key }: DocumentChange): boolean {
    const index = COUNTED_CATEGORIES.indexOf(category);
    // Keys are ASCII ids, so string order here is the store's key order.
    return index < this.category || (index === this.category && this.lastKey !== undefined && key <= this.lastKey);
  }
}

/**
 * The current summary of every term asked for, kept up to date from the records projection's
 * document changes as the runner commits them, so that a read after a new command costs a few
 * figures, not a scan of every record. The first read of a term scans the store once. The result
 * is exactly `summarizeTerm` over the store: the same per-record rules, summed exactly.
 */
export class CurrentSummaries {
  private readonly live = new Map<string, LiveTerm>();
  private readonly readings = new Map<string, { reading: TermReading; done: Promise<LiveTerm | undefined> }>();
  private lastPosition?: Position;
  private generation = 0;

  constructor(
    private readonly source: RecordSource,
    private readonly comparePositions: (a: Position, b: Position) => number,
  ) {}

  /** The records projection is about to commit these document changes, reaching `position`. */
  committing(changes: readonly DocumentChange[], position: Position): void {
    // A batch told again: its first commit failed, and what was counted from it may not stand.
    if (this.lastPosition !== undefined && this.comparePositions(position, this.lastPosition) <= 0) this.forget();
    this.lastPosition = position;
    for (const change of changes) {
      if (!COUNTED.has(change.category)) continue;
      for (const [termId, live] of this.live) this.guarded(termId, () => live.change(change));
      for (const [termId, { reading }] of this.readings) this.guarded(termId, () => reading.changing(change));
    }
  }

  /** The term's summary as the store holds it now. */
  async summary(term: SummaryTerm, position: Position | null): Promise<TermSummary> {
    const live = this.live.get(term.termId) ?? (await this.read(term));
    // Forgotten while it was being read: this once, from scratch.
    if (!live) return summarizeTerm(term, this.source, { position, knownAt: null });
    return live.summary(position);
  }

  /** Drops every term's figures; the next read of each scans the store again. */
  forget(): void {
    this.live.clear();
    this.readings.clear();
    this.generation++;
  }

  private read(term: SummaryTerm): Promise<LiveTerm | undefined> {
    const pending = this.readings.get(term.termId);
    if (pending) return pending.done;
    const reading = new TermReading(new LiveTerm(term));
    const generation = this.generation;
    const done = reading.read(this.source).then(
      (live) => {
        if (generation !== this.generation || this.readings.get(term.termId)?.reading !== reading) return undefined;
        this.readings.delete(term.termId);
        this.live.set(term.termId, live);
        return live;
      },
      (error: unknown) => {
        if (this.readings.get(term.termId)?.reading === reading) this.readings.delete(term.termId);
        throw error;
      },
    );
    this.readings.set(term.termId, { reading, done });
    return done;
  }

  /** A term whose figures cannot take a change (a sum beyond safe integers) is dropped: its next read recomputes, and fails as it should. */
  private guarded(termId: string, apply: () => void): void {
    try {
      apply();
    } catch {
      this.live.delete(termId);
      this.readings.delete(termId);
    }
  }
}
