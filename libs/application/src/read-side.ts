import { notFound, shanghaiDate } from '@sunshine/domain';
import { EventStore, Position, StoredEvent } from '@sunshine/event-store';
import {
  CurrentSummaries,
  FigureEvidence,
  MemoryProjectionStore,
  Projection,
  ProjectionRunner,
  ProjectionStore,
  recordsProjection,
  RecordSource,
  summarizeTerm,
  TermDoc,
  termKey,
  TermSummary,
  traceSpan,
  TracedSpan,
  traceTerm,
  TracedSummary,
  villageLedger,
} from '@sunshine/projections';

/** The log prefix recorded up to an instant: the events with recordedAt ≤ knownAt. */
const prefixUpTo = (events: EventStore, knownAt: string): EventStore => {
  const prefix: EventStore = {
    ...events,
    comparePositions: (a, b) => events.comparePositions(a, b),
    readAll: async (options) => {
      const page = await events.readAll(options);
      const cut = page.findIndex((e: StoredEvent) => e.metadata.recordedAt > knownAt);
      // recordedAt never decreases along the log, so the first later event ends the prefix.
      return cut < 0 ? page : page.slice(0, cut);
    },
    // The runner asks whether there is a log to replay: none when nothing was recorded by then.
    headPosition: async () => ((await prefix.readAll({ limit: 1 })).length === 0 ? undefined : events.headPosition()),
  };
  return prefix;
};

interface Snapshot {
  source: RecordSource & Pick<ProjectionStore, 'get'>;
  position: Position | null;
  knownAt: string | null;
}

const termNotFound = (termId: string) => notFound({ zh: '届次', en: 'Term' }, termId, 'termId');

/**
 * What supervisors and auditors read: the term summary, its evidence and the village ledger,
 * now (from the stored read models) or as known at an instant (the log prefix recorded up to
 * then, replayed in memory through the same projection).
 */
export class ReadSide {
  /** Every term's current figures, kept up to date with each batch the runner commits. */
  private readonly current: CurrentSummaries;

  constructor(
    private readonly events: EventStore,
    private readonly reads: ProjectionStore,
    /** Where the stored read models stand; a reader beside another process's runner passes its own view. */
    private readonly runner: Pick<ProjectionRunner, 'position' | 'observe'>,
    private readonly projection: Projection = recordsProjection,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.current = new CurrentSummaries(reads, (a, b) => events.comparePositions(a, b));
    runner.observe((name, changes, position) => {
      if (name === projection.name) this.current.committing(changes, position);
    });
  }

  async termSummary(termId: string, knownAt?: string): Promise<TermSummary> {
    if (knownAt === undefined) {
      const snapshot = await this.now();
      return this.current.summary(await this.term(termId, snapshot), snapshot.position);
    }
    return this.summarize(termId, await this.asKnownAt(knownAt));
  }

  async evidence(termId: string, figure: string, knownAt?: string): Promise<FigureEvidence | undefined> {
    return (await this.traced(termId, knownAt)).evidence(figure);
  }

  /** The summary and the evidence of every figure, from one snapshot and one computation. */
  async traced(termId: string, knownAt?: string): Promise<TracedSummary> {
    const snapshot = knownAt === undefined ? await this.now() : await this.asKnownAt(knownAt);
    const term = await this.term(termId, snapshot);
    return traceTerm(term, snapshot.source, {
      knownAt: snapshot.knownAt,
      position: snapshot.position,
      comparePositions: (a, b) => this.events.comparePositions(a, b),
    });
  }

  /**
   * A span of business dates and the same span a year earlier, from one snapshot of the log (for a
   * progress report: 1–9月 beside 1–9月 of last year).
   */
  async spans(
    current: { from: string; to: string },
    previous: { from: string; to: string },
    knownAt?: string,
  ): Promise<{ current: TracedSpan; previous: TracedSpan; position: Position | null; knownAt: string | null }> {
    const snapshot = knownAt === undefined ? await this.now() : await this.asKnownAt(knownAt);
    const options = {
      knownAt: snapshot.knownAt,
      position: snapshot.position,
      comparePositions: (a: string, b: string) => this.events.comparePositions(a, b),
    };
    return {
      current: await traceSpan(current.from, current.to, snapshot.source, options),
      previous: await traceSpan(previous.from, previous.to, snapshot.source, options),
      position: snapshot.position,
      knownAt: snapshot.knownAt,
    };
  }

  async ledger(villageId: string, options: { asOf?: string; knownAt?: string; today?: Date }) {
    const snapshot = options.knownAt === undefined ? await this.now() : await this.asKnownAt(options.knownAt);
    const asOf = options.asOf ?? shanghaiDate(options.today ?? this.clock());
    const ledger = await villageLedger(villageId, { asOf, knownAt: snapshot.knownAt ?? undefined }, snapshot.source);
    if (!ledger) throw notFound({ zh: '村', en: 'Village' }, villageId, 'villageId');
    return { ...ledger, knownAt: snapshot.knownAt, position: snapshot.position };
  }

  private async summarize(termId: string, snapshot: Snapshot): Promise<TermSummary> {
    const term = await this.term(termId, snapshot);
    return summarizeTerm(term, snapshot.source, { knownAt: snapshot.knownAt, position: snapshot.position });
  }

  private async term(termId: string, snapshot: Snapshot): Promise<TermDoc> {
    const term = await snapshot.source.get<TermDoc>(termKey(termId));
    if (!term) throw termNotFound(termId);
    return term;
  }

  private async now(): Promise<Snapshot> {
    return { source: this.reads, position: this.runner.position() ?? null, knownAt: null };
  }

  /** Replays the log prefix recorded up to `knownAt` into memory. */
  private async asKnownAt(knownAt: string): Promise<Snapshot> {
    const memory = new MemoryProjectionStore();
    const replay = new ProjectionRunner(prefixUpTo(this.events, knownAt), memory, [this.projection], {
      batchSize: 5000,
    });
    await replay.catchUp();
    return { source: memory, position: replay.position() ?? null, knownAt };
  }
}
