import { DomainEvent } from '../shared';
import { EscalateDispute, PartyInput, RecordMediation, RegisterDispute, ResolveDispute } from './disputes.commands';

/** A party as recorded: every party has a data subject, whose key encrypts its personal data. */
export type Party = PartyInput & { subjectId: string };

/**
 * `parties` leaves the decider in clear; the pipeline's protector encrypts it (a key per subject)
 * before the event is hashed and stored. `subjectIds` stays readable, so that reads, erasure and
 * disclosures can find the subjects without decrypting anything.
 */
export type DisputeRegistered = DomainEvent<
  'DisputeRegistered',
  Omit<RegisterDispute['data'], 'parties'> & { parties: Party[]; subjectIds: string[] }
>;
export type MediationRecorded = DomainEvent<'MediationRecorded', RecordMediation['data']>;
export type DisputeResolved = DomainEvent<'DisputeResolved', ResolveDispute['data']>;
export type DisputeEscalated = DomainEvent<'DisputeEscalated', EscalateDispute['data']>;

export type DisputeEvent = DisputeRegistered | MediationRecorded | DisputeResolved | DisputeEscalated;

export const disputeStream = (disputeId: string): string => `dispute-${disputeId}`;
