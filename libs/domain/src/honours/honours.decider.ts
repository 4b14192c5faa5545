import { alreadyExists, Decider, notInFuture, unknownEvent } from '../shared';
import { HonourCommand } from './honours.commands';
import { HonourEvent } from './honours.events';

export interface Honour {
  recorded: boolean;
}

const HONOUR = { zh: '荣誉', en: 'Honour' };

export const honourDecider: Decider<HonourCommand, HonourEvent, Honour> = {
  initialState: () => ({ recorded: false }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'HonourRecorded':
        return { recorded: true };
      default:
        return unknownEvent(event.type, state);
    }
  },

  decide: (command, state, context) => {
    switch (command.type) {
      case 'RecordHonour': {
        const { honourId, awardedOn } = command.data;
        if (state.recorded) throw alreadyExists(HONOUR, honourId, 'data.honourId');
        notInFuture(awardedOn, 'awardedOn', context);
        return [{ type: 'HonourRecorded', data: { ...command.data }, occurredOn: awardedOn }];
      }
      default: {
        const unknown: never = command.type;
        throw new Error(`unknown command ${String(unknown)}`);
      }
    }
  },
};
