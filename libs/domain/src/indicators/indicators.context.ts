import { voidable, voidRecordSpec } from '../void/void-record';
import { defineContext } from '../shared/command-spec';
import { indicatorDecider } from './indicators.decider';
import { indicatorStream } from './indicators.events';

export const indicatorsContext = defineContext({
  name: 'indicators',
  category: 'indicator',
  aggregate: { zh: '经济指标', en: 'indicator' },
  decider: voidable(indicatorDecider),
  commands: {
    // A definition or a first report creates the stream; a target needs the unit, from either.
    DefineIndicator: { stream: (d) => indicatorStream(d.indicator), creates: true, idField: 'indicator' },
    ReportIndicator: { stream: (d) => indicatorStream(d.indicator), creates: true, idField: 'indicator' },
    SetIndicatorTarget: { stream: (d) => indicatorStream(d.indicator), creates: true, idField: 'indicator' },
    VoidRecord: voidRecordSpec,
  },
});
