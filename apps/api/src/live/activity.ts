import { DISCLOSURES_STREAM, USERS_STREAM } from '@sunshine/application';
import { StoredEvent } from '@sunshine/event-store';

/** What the live view tells of one new event: never its data, so never any personal data. */
export interface Activity {
  position: string;
  type: string;
  stream: string;
  occurredOn: string;
  recordedAt: string;
  actor: { role: string };
}

/**
 * A data subject's stream is named by its subject id, which points at one person: the live view
 * shows only that it was a subject's stream, as it shows only the recording user's role.
 */
const shownStream = (stream: string): string => (stream.startsWith('subject-') ? 'subject' : stream);

/**
 * Streams whose very events tell of people: who may sign in (`users`), whose personal data was
 * read (`disclosures`), whose was erased (`subject-…`). Only a role that may audit learns that
 * they changed; the others' feed skips them (the next message's id still covers their positions).
 */
export const tellsOfPeople = (event: StoredEvent): boolean =>
  event.stream === USERS_STREAM || event.stream === DISCLOSURES_STREAM || event.stream.startsWith('subject-');

export const activityOf = (event: StoredEvent): Activity => ({
  position: event.position,
  type: event.type,
  stream: shownStream(event.stream),
  occurredOn: event.metadata.occurredOn,
  recordedAt: event.metadata.recordedAt,
  actor: { role: event.metadata.actor.role },
});
