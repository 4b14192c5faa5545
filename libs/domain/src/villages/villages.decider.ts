import { alreadyExists, Decider } from '../shared';
import { VillageCommand } from './villages.commands';
import { VillageEvent } from './villages.events';

export type Village = { registered: false } | { registered: true; villageId: string; name: string };

export const villageDecider: Decider<VillageCommand, VillageEvent, Village> = {
  initialState: () => ({ registered: false }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'VillageRegistered':
        return { registered: true, villageId: event.data.villageId, name: event.data.name };
      default:
        return state;
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterVillage':
        if (state.registered) throw alreadyExists({ zh: '村', en: 'Village' }, command.data.villageId, 'data.villageId');
        return [{ type: 'VillageRegistered', data: { ...command.data } }];
      default: {
        const unknown: never = command.type;
        throw new Error(`unknown command ${String(unknown)}`);
      }
    }
  },
};
