import { randomBytes } from 'node:crypto';
import { DomainEvent, PersonalDataErased, UserRegistered } from '@sunshine/domain';
import { SecretStore } from '../secrets/secret-store';

/** What reacting to a command's events adds to its answer. */
export interface ReactionOutcome {
  /** A new user's bearer token, shown this once; only its hash is kept. */
  token?: string;
}

type ReactiveEvent = UserRegistered | PersonalDataErased;

/** What the ledger does outside the log once an event that asks for it is durable. */
export type Reactions = {
  [Type in ReactiveEvent['type']]: (event: Extract<ReactiveEvent, { type: Type }>) => Promise<ReactionOutcome>;
};

export const reactionsOf = (secrets: SecretStore): Reactions => ({
  // A registered user gets a token; it never enters an event.
  UserRegistered: async (event) => {
    const token = randomBytes(32).toString('base64url');
    await secrets.setToken(event.data.userId, token);
    return { token };
  },
  // The erasure is in the log: now the key goes, and the data reads as [erased] everywhere.
  PersonalDataErased: async (event) => {
    await secrets.destroySubjectKey(event.data.subjectId);
    return {};
  },
});

const isReactive = (reactions: Partial<Reactions>, event: DomainEvent): event is ReactiveEvent =>
  Object.hasOwn(reactions, event.type);

/** Runs the reactions to a command's appended events, in order, and gathers what they add to the answer. */
export const react = async (reactions: Partial<Reactions>, events: DomainEvent[]): Promise<ReactionOutcome> => {
  let outcome: ReactionOutcome = {};
  for (const event of events) {
    if (!isReactive(reactions, event)) continue;
    const reaction = reactions[event.type] as ((event: ReactiveEvent) => Promise<ReactionOutcome>) | undefined;
    if (reaction) outcome = { ...outcome, ...(await reaction(event)) };
  }
  return outcome;
};
