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
    // The first report of an indicator creates its stream; a target needs a report first (its unit).
    ReportIndicator: { stream: (d) => indicatorStream(d.indicator), creates: true, idField: 'indicator' },
    SetIndicatorTarget: { stream: (d) => indicatorStream(d.indicator), creates: false, idField: 'indicator' },
    VoidRecord: voidRecordSpec,
  },
});
