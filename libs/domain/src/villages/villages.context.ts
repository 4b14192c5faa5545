import { defineContext } from '../shared/command-spec';
import { villageDecider } from './villages.decider';
import { villageStream } from './villages.events';

/** The village's cash-book commands act on a registered village: a missing stream is a 404 on data.villageId. */
const onVillage = {
  stream: (d: { villageId: string }) => villageStream(d.villageId),
  creates: false,
  idField: 'villageId' as const,
  village: (d: { villageId: string }) => d.villageId,
};

export const villagesContext = defineContext({
  name: 'villages',
  category: 'village',
  aggregate: { zh: '村', en: 'village' },
  decider: villageDecider,
  commands: {
    RegisterVillage: {
      stream: (d) => villageStream(d.villageId),
      creates: true,
      idField: 'villageId',
      village: (d) => d.villageId,
    },
    RecordReceipt: onVillage,
    RecordExpenditure: onVillage,
    ReverseEntry: onVillage,
    RegisterDebt: onVillage,
    SettleDebt: onVillage,
  },
  villageOf: (state) => (state.registered ? state.villageId : undefined),
});
