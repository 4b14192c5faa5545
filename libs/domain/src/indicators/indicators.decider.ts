import {
  Decider,
  DecisionContext,
  hasAtMostThreeDecimals,
  LocalDate,
  notFound,
  RuleViolation,
  ValidationFailed,
  unknownEvent,
} from '../shared';
import {
  BUILT_IN_INDICATORS,
  DefineIndicator,
  IndicatorCommand,
  IndicatorDefinition,
  IndicatorKind,
  isMonetaryUnit,
  ReportIndicator,
} from './indicators.commands';
import { IndicatorDefined, IndicatorEvent, IndicatorReported } from './indicators.events';
import { parsePeriod, PERIOD_FORMAT } from './period';

/** What a period holds on record: the event that last reported (or targeted) it. */
type PeriodRecord = Record<string, { eventId?: string }>;

export interface Indicator {
  /** Defined on this stream by DefineIndicator, with the event that did. */
  defined?: IndicatorDefinition & { eventId?: string };
  /** The unit values were reported in; logs from before the catalogue have this and no definition. */
  reportedUnit?: string;
  reports: PeriodRecord;
  targets: PeriodRecord;
}

const INDICATOR = { zh: '经济指标', en: 'Indicator' };

/** The indicator's definition: its own, else the built-in one of its code. */
export const definitionOf = (state: Indicator, code: string): IndicatorDefinition | undefined =>
  state.defined ?? (Object.hasOwn(BUILT_IN_INDICATORS, code) ? BUILT_IN_INDICATORS[code] : undefined);

const hasValues = (state: Indicator) => Object.keys(state.reports).length + Object.keys(state.targets).length > 0;

/** Validated commands always carry a valid period; this keeps the decider whole without the DTO. */
const bounds = (period: string): [LocalDate, LocalDate] => {
  const parsed = parsePeriod(period);
  if (!parsed) throw new ValidationFailed([{ path: 'data.period', ...PERIOD_FORMAT }]);
  return parsed;
};

const notOfKind = (code: string, zh: string, en: string, field: string) =>
  new RuleViolation('RULE_INDICATOR_VALUE_KIND', { zh: `指标「${code}」${zh}`, en: `indicator ${code} ${en}` }, field);

/** A value as its kind allows: money an integer of minor units, a count whole, a share 0–100 %, … */
const ofKind = (code: string, kind: IndicatorKind | undefined, unit: string, value: number, field: string): void => {
  if ((kind === 'amount' || isMonetaryUnit(unit)) && !Number.isSafeInteger(value))
    throw new RuleViolation(
      'RULE_INDICATOR_NOT_MINOR_UNITS',
      {
        zh: `单位为 ${unit} 的指标须以“分”为单位填写整数`,
        en: `a ${unit} figure must be an integer count of minor units`,
      },
      field,
    );
  if (kind === 'count' && !(Number.isSafeInteger(value) && value >= 0))
    throw notOfKind(code, '是计数指标，须为非负整数', 'is a count: a non-negative integer', field);
  if (kind === 'quantity' && !hasAtMostThreeDecimals(value))
    throw notOfKind(code, '最多保留三位小数', 'takes at most 3 decimals', field);
  if (kind === 'share' && !(value >= 0 && value <= 100))
    throw notOfKind(code, '是比重，须在 0 到 100 之间（单位为%）', 'is a share: between 0 and 100 (percent)', field);
  if (kind === 'rate' && !(value >= -100 && value <= 1000))
    throw notOfKind(code, '是百分率，须在 -100 到 1000 之间', 'is a rate: between -100 and 1000 percent', field);
};

const recorded = (record: PeriodRecord, period: string) => (Object.hasOwn(record, period) ? record[period] : undefined);

export const indicatorDecider: Decider<IndicatorCommand, IndicatorEvent, Indicator> = {
  initialState: () => ({ reports: {}, targets: {} }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'IndicatorDefined': {
        const { indicator: _code, reason: _reason, ...definition } = event.data;
        return { ...state, defined: { ...definition, eventId: event.eventId } };
      }
      case 'IndicatorReported': {
        const { unit, period } = event.data;
        return { ...state, reportedUnit: unit, reports: { ...state.reports, [period]: { eventId: event.eventId } } };
      }
      case 'IndicatorTargetSet':
        return { ...state, targets: { ...state.targets, [event.data.period]: { eventId: event.eventId } } };
      default:
        return unknownEvent(event, state);
    }
  },

  decide: (command, state, context) => {
    switch (command.type) {
      case 'DefineIndicator':
        return define(command.data, state);
      case 'ReportIndicator':
        return [report(command.data, state, context)];
      case 'SetIndicatorTarget': {
        const { indicator, period, target } = command.data;
        bounds(period);
        const definition = definitionOf(state, indicator);
        // The target is in the indicator's unit: defined, or known from a first report.
        const unit = definition?.unit ?? state.reportedUnit;
        if (unit === undefined) throw notFound(INDICATOR, indicator, 'data.indicator');
        if (!(target > 0))
          throw new RuleViolation(
            'RULE_TARGET_NOT_POSITIVE',
            { zh: '目标值必须大于零', en: 'the target must be greater than zero' },
            'data.target',
          );
        ofKind(indicator, definition?.kind, unit, target, 'data.target');
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

const sameWords = (a: IndicatorDefinition, b: IndicatorDefinition) =>
  a.name === b.name && a.section === b.section && (a.description ?? '') === (b.description ?? '');

const define = (data: DefineIndicator['data'], state: Indicator): IndicatorDefined[] => {
  const { indicator, reason, ...proposed } = data;
  const current = definitionOf(state, indicator);
  const unitOfValues = current?.unit ?? state.reportedUnit;
  if (hasValues(state) && unitOfValues !== undefined && proposed.unit !== unitOfValues)
    throw new RuleViolation(
      'RULE_INDICATOR_UNIT_CHANGED',
      {
        zh: `指标「${indicator}」已有数值，单位 ${unitOfValues} 不能改为 ${proposed.unit}`,
        en: `indicator ${indicator} has values in ${unitOfValues}: its unit cannot become ${proposed.unit}`,
      },
      'data.unit',
    );
  if (hasValues(state) && current && proposed.kind !== current.kind)
    throw new RuleViolation(
      'RULE_INDICATOR_KIND_CHANGED',
      {
        zh: `指标「${indicator}」已有数值，类型不能更改`,
        en: `indicator ${indicator} has values: its kind cannot change`,
      },
      'data.kind',
    );
  kindFitsUnit(proposed);
  if (current && sameWords(current, proposed) && current.unit === proposed.unit && current.kind === proposed.kind)
    return [];
  if (current && (reason === undefined || reason.trim() === ''))
    throw new RuleViolation(
      'RULE_REDEFINITION_NEEDS_REASON',
      {
        zh: `指标「${indicator}」已有定义（${current.name}），重新定义须说明原因`,
        en: `indicator ${indicator} is defined already (${current.name}): a redefinition needs a reason`,
      },
      'data.reason',
    );
  return [
    {
      type: 'IndicatorDefined',
      data: { ...data },
      ...(state.defined?.eventId ? { corrects: state.defined.eventId } : {}),
    },
  ];
};

/** Money is counted in a CNY unit, a share or a rate in percent. */
const kindFitsUnit = ({ kind, unit }: IndicatorDefinition): void => {
  const fits =
    kind === 'amount'
      ? isMonetaryUnit(unit)
      : kind === 'share' || kind === 'rate'
        ? unit === 'percent'
        : !isMonetaryUnit(unit);
  if (!fits)
    throw new RuleViolation(
      'RULE_INDICATOR_KIND_UNIT',
      {
        zh: `指标类型与单位 ${unit} 不相符（金额用 CNY 开头的单位，比重和百分率用 percent）`,
        en: `the kind ${kind} does not fit the unit ${unit} (amounts take a CNY unit, shares and rates percent)`,
      },
      'data.unit',
    );
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
  const definition = definitionOf(state, indicator);
  // Logs from before the catalogue go on in the unit they were reported in; a new code is defined first.
  if (!definition && state.reportedUnit === undefined)
    throw new RuleViolation(
      'RULE_INDICATOR_UNDEFINED',
      {
        zh: `指标「${indicator}」尚未定义，请先用“定义指标”（DefineIndicator）写明其中文名称、单位和类型`,
        en: `indicator ${indicator} is not defined: send DefineIndicator with its name, unit and kind first`,
      },
      'data.indicator',
    );
  const expectedUnit = definition?.unit ?? state.reportedUnit;
  if (expectedUnit !== undefined && unit !== expectedUnit)
    throw new RuleViolation(
      'RULE_INDICATOR_UNIT_CHANGED',
      {
        zh: `指标「${indicator}」的单位是 ${expectedUnit}，不能改为 ${unit}`,
        en: `indicator ${indicator} is reported in ${expectedUnit}, not ${unit}`,
      },
      'data.unit',
    );
  ofKind(indicator, definition?.kind, unit, value, 'data.value');
  const previous = recorded(state.reports, period);
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
