import type { Command, CommandType, DataOf } from '../commands';
import { Decider, DomainEvent } from './decider';
import { Message } from './errors';
import { LocalDate } from './local-date';

/**
 * A record another stream must hold for a command to make sense (a village, a project, …); a
 * term, one of many in the stream `terms`; a data subject, whose existence the key store tells
 * (its stream begins only with its erasure); or a warning, which the warnings evaluator tells from
 * the log and the calendar as of a date.
 */
export type Reference = { field: string; what: Message; id: string } & (
  { stream: string } | { term: string } | { subject: string } | { warning: string; asOf: LocalDate }
);

/** How the pipeline handles one command type: which stream it decides on, and what it needs. */
export interface CommandSpec<Data> {
  stream(data: Data): string;
  /** True when the command creates its aggregate; otherwise a missing stream is a 404. */
  creates: boolean;
  /** The field naming the aggregate, for a 404 that says which id was not found. */
  idField: keyof Data & string;
  references?(data: Data): Reference[];
  /** The village a command records for, when the command itself names one. */
  village?(data: Data): string | undefined;
}

/**
 * A bounded context as the pipeline sees it: one decider and the specs of its commands.
 * `aggregate` names what a stream of it is, in Chinese and English, for messages.
 */
export interface Context<C extends Command, Event extends DomainEvent, State> {
  name: string;
  /** The stream category: streams of this context are named `<category>-<id>` (or just `terms`). */
  category: string;
  aggregate: Message;
  decider: Decider<C, Event, State>;
  commands: { [Type in C['type']]: CommandSpec<DataOf<Type>> };
  /** The village the aggregate belongs to, for a clerk limited to villages. */
  villageOf?(state: State): string | undefined;
}

/**
 * Any context, as the pipeline holds them all: each decider is handed only the commands routed to
 * its context and the states its own `initialState` and `evolve` made, so the state stays opaque.
 */
export interface AnyContext {
  name: string;
  category: string;
  aggregate: Message;
  decider: Decider<Command, DomainEvent, unknown>;
  commands: { readonly [Type in CommandType]?: CommandSpec<DataOf<Type>> };
  villageOf?(state: unknown): string | undefined;
}

export const defineContext = <C extends Command, Event extends DomainEvent, State>(
  context: Context<C, Event, State>,
): Context<C, Event, State> => context;
