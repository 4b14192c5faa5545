import { Decider, LocalDate, notInFuture, RuleViolation, unknownEvent } from '../shared';
import { WarningCommand } from './warnings.commands';
import { WarningEvent } from './warnings.events';

/** The handlings of one warning so far; whether the warning is raised is the warnings evaluator's to say. */
export interface HandledWarning {
  lastHandledOn?: LocalDate;
}

export const warningDecider: Decider<WarningCommand, WarningEvent, HandledWarning> = {
  initialState: () => ({}),

  evolve: (state, event) => {
    switch (event.type) {
      case 'WarningHandled':
        return { lastHandledOn: event.data.handledOn };
      default:
        return unknownEvent(event.type, state);
    }
  },

  decide: (command, state, context) => {
    switch (command.type) {
      case 'HandleWarning': {
        const { handledOn } = command.data;
        notInFuture(handledOn, 'handledOn', context);
        // The trail reads in date order: a later handling cannot be dated before an earlier one.
        if (state.lastHandledOn !== undefined && handledOn < state.lastHandledOn)
          throw new RuleViolation(
            'RULE_HANDLING_BEFORE_PREVIOUS',
            {
              zh: `处置日期（${handledOn}）不能早于上一次处置的日期（${state.lastHandledOn}）`,
              en: `handledOn ${handledOn} is before the previous handling's ${state.lastHandledOn}`,
            },
            'data.handledOn',
          );
        return [{ type: 'WarningHandled', data: { ...command.data }, occurredOn: handledOn }];
      }
      default: {
        const unknown: never = command.type;
        throw new Error(`unknown command ${String(unknown)}`);
      }
    }
  },
};
