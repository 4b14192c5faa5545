import { DomainEvent, Role } from '../shared';
import { ErasePersonalData } from './personal-data.commands';

/** On `subject-<subjectId>`. Kept in the log so a key restored from a backup is destroyed again on start. */
export type PersonalDataErased = DomainEvent<'PersonalDataErased', ErasePersonalData['data']>;

export type PersonalDataEvent = PersonalDataErased;

export const subjectStream = (subjectId: string): string => `subject-${subjectId}`;

/**
 * On the stream `disclosures`: an auditor or admin read personal data, with a reason. Appended by
 * the system on such a read, never by a client command.
 */
export type PersonalDataDisclosed = DomainEvent<
  'PersonalDataDisclosed',
  { subjectIds: string[]; reason: string; actor: { userId: string; role: Role } }
>;

export const DISCLOSURES_STREAM = 'disclosures';

/** The disclosure record of one read: each subject once, in the order first seen. */
export const personalDataDisclosed = (
  subjectIds: Iterable<string>,
  reason: string,
  actor: { userId: string; role: Role },
): PersonalDataDisclosed => ({
  type: 'PersonalDataDisclosed',
  data: { subjectIds: [...new Set(subjectIds)], reason, actor: { userId: actor.userId, role: actor.role } },
});
