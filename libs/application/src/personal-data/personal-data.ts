import { RuleViolation } from '@sunshine/domain';
import { NewEvent } from '@sunshine/event-store';
import { EventProtector } from '../commands/command-pipeline';
import { SecretStore } from '../secrets/secret-store';
import { newSubjectKey, seal, unseal } from './seal';

/** What a stored event keeps of a party: its subject and the sealed personal data. */
export interface SealedParty {
  subjectId: string;
  sealed: string;
}

export interface PartyDetails {
  name: string;
  idNumber?: string;
  phone?: string;
}

export type RevealedParty = { subjectId: string } & (PartyDetails | { name: '[erased]'; erased: true });

export const ERASED = '[erased]';

/** Events whose data carries `parties` of personal data. */
const CARRIES_PARTIES = new Set(['DisputeRegistered']);

const associated = (eventId: string, subjectId: string) => `${eventId}|${subjectId}`;

const subjectErased = (subjectId: string) =>
  new RuleViolation('RULE_SUBJECT_ERASED', {
    zh: `当事人「${subjectId}」的个人信息已被删除，不能再登记其个人信息`,
    en: `the personal data of subject ${subjectId} has been erased`,
  });

/**
 * Encrypts every party before the event is hashed and stored, so the log never holds personal
 * data in clear — from the first dispute on, since the log is never rewritten.
 */
export const protectPersonalData =
  (secrets: SecretStore): EventProtector =>
  (events: NewEvent[]) => {
    const waits: Promise<void>[] = [];
    const sealed = events.map((event) => {
      if (!CARRIES_PARTIES.has(event.type)) return event;
      const data = event.data as { parties: ({ subjectId: string } & PartyDetails)[] };
      const parties: SealedParty[] = data.parties.map(({ subjectId, ...details }) => {
        let key = secrets.subjectKey(subjectId);
        if (key === null) throw subjectErased(subjectId);
        if (key === undefined) {
          secrets.putSubjectKey(subjectId, newSubjectKey());
          key = secrets.subjectKey(subjectId) as Buffer;
        }
        const durable = secrets.whenKeyDurable(subjectId);
        if (durable) waits.push(durable);
        return { subjectId, sealed: seal(key, JSON.stringify(details), associated(event.eventId, subjectId)) };
      });
      return { ...event, data: { ...data, parties } };
    });
    // A key (new here, or new a moment ago for another command) is on disk before any event sealed with it is written.
    return waits.length ? Promise.all(waits).then(() => sealed) : sealed;
  };

/** Opens sealed parties with their subjects' keys; an erased subject reads as `[erased]`. */
export const revealParties = (secrets: SecretStore, eventId: string, parties: SealedParty[]): RevealedParty[] =>
  parties.map(({ subjectId, sealed }) => {
    const key = secrets.subjectKey(subjectId);
    if (!key) return { subjectId, name: ERASED, erased: true };
    return { subjectId, ...(JSON.parse(unseal(key, sealed, associated(eventId, subjectId))) as PartyDetails) };
  });

/** Parties as shown to anyone who did not ask (with a reason) to see personal data. */
export const withheldParties = (secrets: SecretStore, parties: SealedParty[]) =>
  parties.map(({ subjectId }) => ({ subjectId, ...(secrets.subjectKey(subjectId) ? {} : { erased: true }) }));

export const carriesPersonalData = (type: string): boolean => CARRIES_PARTIES.has(type);
