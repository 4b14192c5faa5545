import {
  Decider,
  DecisionContext,
  LocalDate,
  notFound,
  RuleViolation,
  ValidationFailed,
  unknownEvent,
} from '../shared';
import { IndicatorCommand, isMonetaryUnit, ReportIndicator } from './indicators.commands';
import { IndicatorEvent, IndicatorReported } from './indicators.events';
import { parsePeriod, PERIOD_FORMAT } from './period';

/** What a period holds on record: the event that last reported (or targeted) it. */
type PeriodRecord = Record<string, { eventId?: string }>;

export type Indicator =
  | { reported: false }
  | { reported: true; indicator: string; unit: string; reports: PeriodRecord; targets: PeriodRecord };

const INDICATOR = { zh: '经济指标', en: 'Indicator' };

/** Validated commands always carry a valid period; this keeps the decider whole without the DTO. */
const bounds = (period: string): [LocalDate, LocalDate] => {
  const parsed = parsePeriod(period);
  if (!parsed) throw new ValidationFailed([{ path: 'data.period', ...PERIOD_FORMAT }]);
  return parsed;
};

const inMinorUnits = (value: number, unit: string, field: string): void => {
  if (isMonetaryUnit(unit) && !Number.isSafeInteger(value))
    throw new RuleViolation(
      'RULE_INDICATOR_NOT_MINOR_UNITS',
      {
        zh: `单位为 ${unit} 的指标须以“分”为单位填写整数`,
        en: `a ${unit} figure must be an integer count of minor units`,
      },
      `data.${field}`,
    );
};

const recorded = (record: PeriodRecord, period: string) => (Object.hasOwn(record, period) ? record[period] : undefined);

export const indicatorDecider: Decider<IndicatorCommand, IndicatorEvent, Indicator> = {
  initialState: () => ({ reported: false }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'IndicatorReported': {
        const { indicator, unit, period } = event.data;
        const previous = state.reported ? state : { indicator, unit, reports: {}, targets: {} };
        return { ...previous, reported: true, reports: { ...previous.reports, [period]: { eventId: event.eventId } } };
      }
      case 'IndicatorTargetSet':
        return state.reported
          ? { ...state, targets: { ...state.targets, [event.data.period]: { eventId: event.eventId } } }
          : state;
      default:
        return unknownEvent(event, state);
    }
  },

  decide: (command, state, context) => {
    switch (command.type) {
      case 'ReportIndicator':
        return [report(command.data, state, context)];
      case 'SetIndicatorTarget': {
        const { indicator, period, target } = command.data;
        bounds(period);
        // The target is in the unit as reported: until a first report, the unit is unknown.
        if (!state.reported) throw notFound(INDICATOR, indicator, 'data.indicator');
        if (!(target > 0))
          throw new RuleViolation(
            'RULE_TARGET_NOT_POSITIVE',
            { zh: '目标值必须大于零', en: 'the target must be greater than zero' },
            'data.target',
          );
        inMinorUnits(target, state.unit, 'target');
        const previous = recorded(state.targets, period);
        return [
          {
            type: 'IndicatorTargetSet',
            data: { ...command.data },
            ...(previous?.eventId ? { corrects: previous.eventId } : {}),
          },
        ];
      }
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
};

const report = (data: ReportIndicator['data'], state: Indicator, context: DecisionContext): IndicatorReported => {
  const { indicator, period, value, unit, reason } = data;
  const [firstDay] = bounds(period);
  if (firstDay > context.today)
    throw new RuleViolation(
      'RULE_PERIOD_IN_FUTURE',
      {
        zh: `统计期 ${period} 尚未开始，不能报送`,
        en: `the period ${period} has not begun (today is ${context.today})`,
      },
      'data.period',
    );
  if (state.reported && unit !== state.unit)
    throw new RuleViolation(
      'RULE_INDICATOR_UNIT_CHANGED',
      {
        zh: `指标「${indicator}」的单位是 ${state.unit}，不能改为 ${unit}`,
        en: `indicator ${indicator} is reported in ${state.unit}, not ${unit}`,
      },
      'data.unit',
    );
  inMinorUnits(value, unit, 'value');
  const previous = state.reported ? recorded(state.reports, period) : undefined;
  if (previous && (reason === undefined || reason.trim() === ''))
    throw new RuleViolation(
      'RULE_REVISION_NEEDS_REASON',
      {
        zh: `统计期 ${period} 已报送过，修订须说明原因`,
        en: `period ${period} was reported before: a revision needs a reason`,
      },
      'data.reason',
    );
  return { type: 'IndicatorReported', data: { ...data }, ...(previous?.eventId ? { corrects: previous.eventId } : {}) };
};
