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

export const activityOf = (event: StoredEvent): Activity => ({
  position: event.position,
  type: event.type,
  stream: shownStream(event.stream),
  occurredOn: event.metadata.occurredOn,
  recordedAt: event.metadata.recordedAt,
  actor: { role: event.metadata.actor.role },
});
