import { defineContext } from '../shared/command-spec';
import { villageDecider } from './villages.decider';
import { villageStream } from './villages.events';

export const villagesContext = defineContext({
  name: 'villages',
  category: 'village',
  aggregate: { zh: '村', en: 'village' },
  decider: villageDecider,
  commands: {
    RegisterVillage: { stream: (d) => villageStream(d.villageId), creates: true, idField: 'villageId', village: (d) => d.villageId },
  },
  villageOf: (state) => (state.registered ? state.villageId : undefined),
  voidable: false,
});
