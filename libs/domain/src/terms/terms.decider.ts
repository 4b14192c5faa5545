import { alreadyExists, Decider, RuleViolation, unknownEvent } from '../shared';
import { TermCommand } from './terms.commands';
import { TermEvent } from './terms.events';

export interface Term {
  termId: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** All terms live in one stream so that a new term can be checked against every other. */
export interface Terms {
  terms: Term[];
}

export const termsDecider: Decider<TermCommand, TermEvent, Terms> = {
  initialState: () => ({ terms: [] }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'TermOpened':
        return { terms: [...state.terms, { ...event.data }] };
      default:
        return unknownEvent(event.type, state);
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'OpenTerm': {
        const { termId, startsOn, endsOn } = command.data;
        if (state.terms.some((t) => t.termId === termId))
          throw alreadyExists({ zh: '届次', en: 'Term' }, termId, 'data.termId');
        if (endsOn <= startsOn)
          throw new RuleViolation(
            'RULE_TERM_ENDS_BEFORE_START',
            {
              zh: `任期结束日期 ${endsOn} 必须晚于开始日期 ${startsOn}`,
              en: `endsOn ${endsOn} must be after startsOn ${startsOn}`,
            },
            'data.endsOn',
          );
        const overlapping = state.terms.find((t) => t.startsOn <= endsOn && startsOn <= t.endsOn);
        if (overlapping)
          throw new RuleViolation(
            'RULE_TERM_OVERLAP',
            {
              zh: `任期 ${startsOn} 至 ${endsOn} 与已有届次「${overlapping.name}」（${overlapping.startsOn} 至 ${overlapping.endsOn}）重叠`,
              en: `the term ${startsOn}..${endsOn} overlaps term ${overlapping.termId} (${overlapping.startsOn}..${overlapping.endsOn})`,
            },
            'data.startsOn',
          );
        return [{ type: 'TermOpened', data: { ...command.data } }];
      }
      default: {
        const unknown: never = command.type;
        throw new Error(`unknown command ${String(unknown)}`);
      }
    }
  },
};
