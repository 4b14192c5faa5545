import { Decider, DomainEvent } from './decider';
import { Message } from './errors';

/** A record another stream must hold for a command to make sense (a village, a project, …). */
export interface Reference {
  /** JSON path of the field naming it, e.g. `data.villageId`. */
  field: string;
  stream: string;
  what: Message;
  id: string;
}

/** How the pipeline handles one command type: which stream it decides on, and what it needs. */
export interface CommandSpec<Data> {
  stream: (data: Data) => string;
  /** True when the command creates its aggregate; otherwise a missing stream is a 404. */
  creates: boolean;
  /** The field naming the aggregate, for a 404 that says which id was not found. */
  idField: keyof Data & string;
  references?: (data: Data) => Reference[];
  /** The village a command records for, when the command itself names one. */
  village?: (data: Data) => string | undefined;
}

/**
 * A bounded context as the pipeline sees it: one decider and the specs of its commands.
 * `aggregate` names what a stream of it is, in Chinese and English, for messages.
 */
export interface Context<Command extends { type: string; data: unknown }, Event extends DomainEvent, State> {
  name: string;
  /** The stream category: streams of this context are named `<category>-<id>` (or just `terms`). */
  category: string;
  aggregate: Message;
  decider: Decider<Command, Event, State>;
  commands: { [Type in Command['type']]: CommandSpec<Extract<Command, { type: Type }>['data']> };
  /** The village the aggregate belongs to, for a clerk limited to villages. */
  villageOf?: (state: State) => string | undefined;
  /** Terms, villages and users cannot be voided. */
  voidable: boolean;
}

export type AnyContext = Context<any, any, any>;

export const defineContext = <Command extends { type: string; data: unknown }, Event extends DomainEvent, State>(
  context: Context<Command, Event, State>,
): Context<Command, Event, State> => context;
