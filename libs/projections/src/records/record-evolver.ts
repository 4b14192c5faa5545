import { StoredEvent } from '@sunshine/event-store';
import { EventRef, refOf } from './record-docs';

/** How one kind of record, kept as one document per stream, evolves with its stream's events. */
export interface RecordEvolver<Doc> {
  /** The stream category (`investment` for `investment-ZS-2009-014`), also the document category. */
  category: string;
  /** The event types that shape the document (RecordVoided is handled for every kind). */
  types: readonly string[];
  evolve(doc: Doc | undefined, event: StoredEvent): Doc | undefined;
}

/** The next document: the changes applied and the event added to its refs. Never mutates `doc`. */
export const shaped = <Doc extends { refs: EventRef[] }>(
  doc: Doc,
  event: StoredEvent,
  changes: Partial<Doc> = {},
): Doc => ({
  ...doc,
  ...changes,
  refs: [...doc.refs, refOf(event)],
});
