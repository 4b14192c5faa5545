import { LocalDate } from './local-date';

/** What a decider emits. The pipeline adds ids, actor, clocks and hashes when it stores it. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  /** The business date the event is about (valid time); absent means the recording date. */
  occurredOn?: LocalDate;
  /** The eventId of the record this event corrects, when it is a correction. */
  corrects?: string;
  /** Present on stored events, so a state can remember which event a correction answers. */
  eventId?: string;
}

export type Role = 'admin' | 'clerk' | 'auditor' | 'supervisor';
export const ROLES: readonly Role[] = ['admin', 'clerk', 'auditor', 'supervisor'];

export interface Actor {
  userId: string;
  role: Role;
  /** Villages a clerk may record for; absent means all. */
  villages?: string[];
}

/** Everything a decision may depend on besides the command and the state: the clock is passed in. */
export interface DecisionContext {
  /** The stream the command is decided on. */
  stream: string;
  now: Date;
  /** Today in Asia/Shanghai; no business date may lie after it. */
  today: LocalDate;
  actor: Actor;
  /**
   * A fresh unique id (the pipeline passes `randomUUID`), for records the command creates without
   * an id of their own, such as a dispute party without a subjectId. Deciders stay pure: they never
   * generate ids themselves, and fall back to an id derived from the command when this is absent.
   */
  newId?: () => string;
}

/**
 * A bounded context's rules: `decide(command, state) → events`, `evolve(state, event) → state`.
 * Declared as methods, so the pipeline can hold every context's decider as one type and pass each
 * the state its own `initialState`/`evolve` made (see AnyContext).
 */
export interface Decider<Command, Event, State> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, context: DecisionContext): Event[];
}

/**
 * The end of an `evolve` switch: the compiler refuses it while an event type of the decider is
 * unhandled; at run time an event the decider does not know leaves the state as it was. Pass the
 * event (narrowed to `never` when its union is exhausted), or `event.type` where a decider has a
 * single event type (TypeScript narrows only the discriminant of a type that is not a union).
 */
export const unknownEvent = <State>(event: never, state: State): State => {
  void event;
  return state;
};

/** Folds a stream's events into the state a decision is taken on. */
export const fold = <Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
): State => {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
};
