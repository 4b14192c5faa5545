import { IndicatorKind, isMonetaryUnit, wordFor } from '@sunshine/domain';
import { RaisedWarning } from '@sunshine/projections';
import { formatDate, formatMoney, formatPercent, formatPeriod } from './chinese-format';
import { valueText } from './indicator-catalogue';

/** How a unit is read when a warning states a value: money in a CNY unit, percent a rate, else a count or quantity. */
const kindOfUnit = (unit: string | null): IndicatorKind =>
  unit !== null && isMonetaryUnit(unit)
    ? 'amount'
    : unit === 'percent'
      ? 'rate'
      : unit === 'count'
        ? 'count'
        : 'quantity';

/** An indicator's value in its unit as the report states it; a unit the report has no word for, as recorded. */
const indicatorValue = (value: number, unit: string | null): string =>
  valueText(value, unit, kindOfUnit(unit)) ?? `${value} ${unit ?? ''}`.trim();

/** The names a warning's detail speaks of, looked up beforehand (RecordNames). */
export interface WarningNames {
  /** The village the record belongs to, by its name. */
  village: string | null;
  /** For an audit finding: what was audited, by its name. */
  auditSubject?: string;
}

const money = (minor: number, currency: string) => formatMoney(minor, currency);

/**
 * arrived / signed as a percentage to one decimal, cut rather than rounded: an arrival rate just
 * under a threshold (9.99 % against 10 %) must not read as the threshold itself.
 */
const arrivalRate = (part: number, whole: number): string => {
  const tenths = (BigInt(part) * 1000n) / BigInt(whole);
  return `${tenths / 10n}${tenths % 10n === 0n ? '' : `.${tenths % 10n}`}%`;
};

/**
 * Why a warning was raised, in the words a township's supervisor reads: the record by its name,
 * its dates as Chinese dates and the figures that raised it.
 */
export const warningDetail = (warning: RaisedWarning, names: WarningNames): string => {
  const village = names.village ?? '';
  // 北岭的…: a village name need not end in 村, so it is joined with 的 where a record follows it.
  const ofVillage = names.village ? `${names.village}的` : '';
  const { facts } = warning;
  switch (facts.rule) {
    case 'dispute-overdue':
      return `${ofVillage}矛盾纠纷「${wordFor('disputeCategory', facts.category)}」（${facts.disputeId}）于${formatDate(facts.receivedOn)}受理，已${facts.days}天未化解也未移交`;
    case 'project-stalled':
      return `${ofVillage}在建项目「${facts.name}」自${formatDate(facts.lastActivityOn)}以来已${facts.days}天没有进度节点和投资进度报告`;
    case 'finding-unrectified': {
      const what = facts.description ? `「${facts.description}」` : `（${facts.findingId}）`;
      return `对「${names.auditSubject ?? facts.subject.id}」的审计于${formatDate(facts.foundOn)}发现的${wordFor('severity', facts.severity)}问题${what}已${facts.days}天未整改`;
    }
    case 'new-village-debt': {
      const { amount, outstanding } = facts;
      return `${village}于${formatDate(facts.incurredOn)}新增债务${money(amount.minor, amount.currency)}（债权人：${facts.creditor}），尚欠${money(outstanding.minor, outstanding.currency)}；本届（${facts.term.name}，${formatDate(facts.term.startsOn)}起）禁止新增村级债务`;
    }
    case 'large-administration-expense':
      return `${village}于${formatDate(facts.on)}支付管理费用${money(facts.amount.minor, facts.amount.currency)}（收款方：${facts.payee}，凭证号：${facts.voucherNo}）`;
    case 'capital-arrival-low': {
      const { signed, arrived } = facts;
      return `「${facts.investor}」于${formatDate(facts.signedOn)}签约${money(signed.minor, signed.currency)}，${facts.days}天来到位${money(arrived.minor, arrived.currency)}，到位率${arrivalRate(arrived.minor, signed.minor)}`;
    }
    case 'indicator-behind-target': {
      const { target, reported, unit } = facts;
      const timeShare = unit === 'percent' ? '' : `，时间进度${formatPercent(facts.elapsedShare)}`;
      return `${facts.name}${formatPeriod(target.period)}目标${indicatorValue(target.value, unit)}，${formatPeriod(reported.period)}完成${indicatorValue(reported.value, unit)}${timeShare}`;
    }
  }
};
