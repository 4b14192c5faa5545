import { StoredEvent } from '@sunshine/event-store';

export interface DocumentKey {
  key: string;
  category: string;
}

/**
 * A read model as a pure function: which documents an event touches, and how each document
 * evolves with it. `evolve` must not mutate `doc`; it returns the next document (or undefined
 * to remove it).
 */
export interface Projection {
  name: string;
  /** Raise it when evolve changes meaning: the runner then rebuilds this projection from the start. */
  version: number;
  /** The document categories this projection owns (cleared on a rebuild). */
  categories: string[];
  keysOf(event: StoredEvent): DocumentKey[];
  evolve(doc: unknown | undefined, event: StoredEvent, key: DocumentKey): unknown | undefined;
}
