import { defineContext } from '../shared/command-spec';
import { voidable, voidRecordSpec } from '../void/void-record';
import { honourDecider } from './honours.decider';
import { honourStream } from './honours.events';

export const honoursContext = defineContext({
  name: 'honours',
  category: 'honour',
  aggregate: { zh: '荣誉', en: 'honour' },
  decider: voidable(honourDecider),
  commands: {
    RecordHonour: { stream: (d) => honourStream(d.honourId), creates: true, idField: 'honourId' },
    VoidRecord: voidRecordSpec,
  },
});
