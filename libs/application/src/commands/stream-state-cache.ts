import { AnyContext, DomainEvent } from '@sunshine/domain';
import { EventStore } from '@sunshine/event-store';

/** A stream folded by its context's decider: the state a command is decided on, at a revision. */
export interface StreamState {
  revision: number | undefined;
  state: unknown;
}

/**
 * Folded stream states, kept so a command reads only the events appended since the last one it
 * saw. Entries are built only from committed events; least recently used ones are dropped.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, StreamState>();

  /**
   * @param soleWriter the store has no writer but this process's pipeline (the embedded store, whose
   *   data directory this process holds): a cached state is then current, and read back only
   *   when it was dropped.
   */
  constructor(
    private readonly capacity = 10_000,
    private readonly soleWriter = false,
  ) {}

  async load(store: EventStore, stream: string, context: AnyContext): Promise<StreamState> {
    const cached = this.entries.get(stream);
    if (cached && this.soleWriter) {
      this.remember(stream, cached);
      return cached;
    }
    let current: StreamState = cached ?? { revision: undefined, state: context.decider.initialState() };
    const events = await store.readStream(stream, { fromRevision: (current.revision ?? -1) + 1 });
    if (events.length) current = evolveAll(context, current, events, events[events.length - 1].revision);
    this.remember(stream, current);
    return current;
  }

  advance(stream: string, context: AnyContext, from: StreamState, events: DomainEvent[], revision: number): void {
    this.remember(stream, evolveAll(context, from, events, revision));
  }

  forget(stream: string): void {
    this.entries.delete(stream);
  }

  clear(): void {
    this.entries.clear();
  }

  private remember(stream: string, state: StreamState): void {
    this.entries.delete(stream);
    this.entries.set(stream, state);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

const evolveAll = (context: AnyContext, from: StreamState, events: DomainEvent[], revision: number): StreamState => {
  let state = from.state;
  for (const event of events) state = context.decider.evolve(state, event);
  return { revision, state };
};
