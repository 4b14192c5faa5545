import { Decider, DecisionContext, DomainEvent } from '../decider';

/** A default context: today is 2026-11-28 in Shanghai, a clerk records. */
export const context = (overrides: Partial<DecisionContext> = {}): DecisionContext => ({
  stream: 'stream-under-test',
  now: new Date('2026-11-28T04:00:00Z'),
  today: '2026-11-28',
  actor: { userId: 'clerk-1', role: 'clerk' },
  ...overrides,
});

/** What a spec expects of an emitted event: any subset of it, nested objects matched partly. */
export interface ExpectedEvent {
  type?: string;
  data?: object;
  occurredOn?: string;
  corrects?: string;
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * given(events).when(command).then(events) — a specification of a decider that reads as a sentence.
 * `thenThrows` also checks the error's `code` and the `field` it names, when given them.
 */
export const specFor =
  <C, E extends DomainEvent, S>(decider: Decider<C, E, S>) =>
  (givenEvents: E[], ctx: DecisionContext = context()) => ({
    when: (command: C) => {
      const run = () => decider.decide(command, givenEvents.reduce(decider.evolve, decider.initialState()), ctx);
      return {
        then: (expected: ExpectedEvent[]) => {
          const events = run();
          expect(events).toHaveLength(expected.length);
          expected.forEach((e, i) => expect(events[i]).toMatchObject(e));
        },
        /** The decided events themselves, for a spec that asserts what they lack. */
        events: (): E[] => run(),
        thenThrows: (errorClass: ErrorClass, code?: string, field?: string) => {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(errorClass);
          if (code) expect((caught as { code?: string }).code).toBe(code);
          if (field) expect((caught as { field?: string }).field).toBe(field);
        },
      };
    },
  });
