import {
  addDays,
  daysBetween,
  decimalOf,
  LocalDate,
  maxDate,
  projectStatus,
  WarningLevel,
  warningIdOf,
} from '@sunshine/domain';
import {
  AuditDoc,
  DebtDoc,
  DisputeDoc,
  EntryDoc,
  IndicatorDoc,
  InvestmentDoc,
  ProjectDoc,
  TermDoc,
} from '../records/record-docs';
import { indicatorName } from '../records/record-names';
import { roundedRatio } from '../term-summary/decimal';
import { byLatestEndThenLongest, liesWithin, periodOf } from '../term-summary/period';
import { DayThresholds, WarningThresholds } from './thresholds';
import { RaisedWarning } from './warning.types';

/**
 * The seven rules of DOMAIN.md ("Warnings"), one record at a time, as of a business date: what
 * happened after `asOf` has not happened yet. A voided record raises nothing.
 */
export interface RuleContext {
  asOf: LocalDate;
  thresholds: WarningThresholds;
  /** The term whose dates hold `asOf`: debts incurred in it are new (新增). */
  term?: TermDoc;
}

type Level = { level: WarningLevel; raisedOn: LocalDate };

/** Yellow from `yellow` calendar days after `since`, red from `red` days (whichever is reached). */
const byDays = (since: LocalDate, asOf: LocalDate, { yellow, red }: DayThresholds): Level | undefined => {
  const days = daysBetween(since, asOf);
  if (days >= red) return { level: 'red', raisedOn: addDays(since, red) };
  if (days >= yellow) return { level: 'yellow', raisedOn: addDays(since, yellow) };
  return undefined;
};

export const disputeOverdue = (dispute: DisputeDoc, { asOf, thresholds }: RuleContext): RaisedWarning | undefined => {
  if (dispute.voided || dispute.receivedOn > asOf) return undefined;
  if (dispute.conclusion && dispute.conclusion.on <= asOf) return undefined;
  const level = byDays(dispute.receivedOn, asOf, thresholds.disputeOverdueDays);
  if (!level) return undefined;
  const { disputeId, category, receivedOn, stream } = dispute;
  return {
    warningId: warningIdOf('dispute-overdue', stream),
    rule: 'dispute-overdue',
    ...level,
    stream,
    villageId: dispute.villageId ?? null,
    facts: { rule: 'dispute-overdue', disputeId, category, receivedOn, days: daysBetween(receivedOn, asOf) },
  };
};

/** Under construction, with no milestone and no progress report for a while. */
export const projectStalled = (project: ProjectDoc, { asOf, thresholds }: RuleContext): RaisedWarning | undefined => {
  if (project.voided) return undefined;
  const milestones = project.milestones.filter((m) => m.reachedOn <= asOf);
  if (projectStatus(milestones.map((m) => m.milestone)) !== 'under-construction') return undefined;
  const dates = [...milestones.map((m) => m.reachedOn), ...project.progress.map((p) => p.asOf)];
  const lastActivityOn = dates.filter((date) => date <= asOf).reduce(maxDate);
  const level = byDays(lastActivityOn, asOf, thresholds.projectStalledDays);
  if (!level) return undefined;
  const { projectId, name, stream } = project;
  return {
    warningId: warningIdOf('project-stalled', stream),
    rule: 'project-stalled',
    ...level,
    stream,
    villageId: project.villageId ?? null,
    facts: { rule: 'project-stalled', projectId, name, lastActivityOn, days: daysBetween(lastActivityOn, asOf) },
  };
};

const SERIOUS = ['major', 'critical'];

/**
 * Each finding not rectified by `asOf`. The village is the audited village's; an audit of a
 * project or an investment takes its village later (see `inVillages`).
 */
export const findingsUnrectified = (audit: AuditDoc, { asOf, thresholds }: RuleContext): RaisedWarning[] => {
  if (audit.voided) return [];
  const { yellow, red, seriousRed } = thresholds.findingUnrectifiedDays;
  return audit.findings.flatMap((finding): RaisedWarning[] => {
    const { foundOn, findingId, severity, description, rectification } = finding;
    if (foundOn > asOf || (rectification && rectification.rectifiedOn <= asOf)) return [];
    const level = byDays(foundOn, asOf, { yellow, red: SERIOUS.includes(severity) ? seriousRed : red });
    if (!level) return [];
    return [
      {
        warningId: warningIdOf('finding-unrectified', audit.stream, findingId),
        rule: 'finding-unrectified',
        ...level,
        stream: audit.stream,
        villageId: audit.subject.kind === 'village' ? audit.subject.id : null,
        facts: {
          rule: 'finding-unrectified',
          auditId: audit.auditId,
          findingId,
          severity,
          ...(description !== undefined && { description }),
          subject: audit.subject,
          foundOn,
          days: daysBetween(foundOn, asOf),
        },
      },
    ];
  });
};

/** New village debt is forbidden: a debt incurred in the term that holds `asOf` is red at once. */
export const newVillageDebt = (debt: DebtDoc, { asOf, term }: RuleContext): RaisedWarning | undefined => {
  if (!term || debt.incurredOn < term.startsOn || debt.incurredOn > asOf) return undefined;
  const settled = debt.settlements.filter((s) => s.settledOn <= asOf).reduce((sum, s) => sum + s.amount.minor, 0);
  const stream = `village-${debt.villageId}`;
  const { debtId, creditor, amount, incurredOn } = debt;
  return {
    warningId: warningIdOf('new-village-debt', stream, debtId),
    rule: 'new-village-debt',
    level: 'red',
    raisedOn: incurredOn,
    stream,
    villageId: debt.villageId,
    facts: {
      rule: 'new-village-debt',
      debtId,
      creditor,
      amount,
      outstanding: { currency: amount.currency, minor: amount.minor - settled },
      incurredOn,
      term: { termId: term.termId, name: term.name, startsOn: term.startsOn },
    },
  };
};

export const largeAdministrationExpense = (
  entry: EntryDoc,
  { asOf, thresholds }: RuleContext,
): RaisedWarning | undefined => {
  if (entry.kind !== 'expenditure' || entry.category !== 'administration' || entry.on > asOf) return undefined;
  if (entry.reversal && entry.reversal.on <= asOf) return undefined;
  const { yellow, red } = thresholds.administrationExpenseMinor;
  const level: WarningLevel | undefined =
    entry.amount.minor >= red ? 'red' : entry.amount.minor >= yellow ? 'yellow' : undefined;
  if (!level) return undefined;
  const stream = `village-${entry.villageId}`;
  const { entryId, party, amount, on, voucherNo } = entry;
  return {
    warningId: warningIdOf('large-administration-expense', stream, entryId),
    rule: 'large-administration-expense',
    level,
    raisedOn: on,
    stream,
    villageId: entry.villageId,
    facts: { rule: 'large-administration-expense', entryId, payee: party, amount, on, voucherNo },
  };
};

/** arrived < signed × percent / 100, exactly. */
const under = (arrived: number, signed: number, percent: number): boolean =>
  BigInt(arrived) * 100n < BigInt(signed) * BigInt(percent);

/**
 * A signing old enough whose arrivals lag. Arrivals only add up, so a red signing has been red
 * since it became old enough, and a yellow one since that day or the arrival that lifted it out
 * of red, whichever came later.
 */
export const capitalArrivalLow = (
  investment: InvestmentDoc,
  { asOf, thresholds }: RuleContext,
): RaisedWarning | undefined => {
  const { minAgeDays, yellowBelowPercent, redBelowPercent } = thresholds.capitalArrival;
  const { signedOn, amount: signed, termination } = investment;
  if (investment.voided || signedOn > asOf || (termination && termination.terminatedOn <= asOf)) return undefined;
  const days = daysBetween(signedOn, asOf);
  if (days < minAgeDays) return undefined;
  const arrivals = investment.arrivals
    .filter((a) => a.arrivedOn <= asOf && a.amount.currency === signed.currency)
    .sort((a, b) => (a.arrivedOn < b.arrivedOn ? -1 : a.arrivedOn > b.arrivedOn ? 1 : 0));
  const arrived = arrivals.reduce((sum, a) => sum + a.amount.minor, 0);
  const oldEnough = addDays(signedOn, minAgeDays);
  let level: Level;
  if (under(arrived, signed.minor, redBelowPercent)) level = { level: 'red', raisedOn: oldEnough };
  else if (under(arrived, signed.minor, yellowBelowPercent)) {
    let sum = 0;
    const lifted = arrivals.find((a) => !under((sum += a.amount.minor), signed.minor, redBelowPercent));
    level = { level: 'yellow', raisedOn: maxDate(oldEnough, lifted?.arrivedOn ?? oldEnough) };
  } else return undefined;
  const { stream, investmentId, investor } = investment;
  return {
    warningId: warningIdOf('capital-arrival-low', stream),
    rule: 'capital-arrival-low',
    ...level,
    stream,
    villageId: investment.villageId ?? null,
    facts: {
      rule: 'capital-arrival-low',
      investmentId,
      investor,
      signed,
      arrived: { currency: signed.currency, minor: arrived },
      signedOn,
      days,
    },
  };
};

/** value × len × 100 < target × covered × percent, on exact decimals. */
const behind = (value: number, target: number, covered: number, len: number, percent: number): boolean => {
  const [v, t] = [decimalOf(value), decimalOf(target)];
  const scale = Math.max(v.scale, t.scale);
  const lhs = v.units * 10n ** BigInt(scale - v.scale) * BigInt(len) * 100n;
  const rhs = t.units * 10n ** BigInt(scale - t.scale) * BigInt(covered) * BigInt(percent);
  return lhs < rhs;
};

/**
 * The target whose period holds `asOf` (the last one recorded), once at least half of it has
 * passed, against the latest value reported for a period inside it by then. The value is held
 * against the share of the target's period it covers (the time the value speaks for, so a report
 * made late is not judged against days it does not cover); a percent (a share or a rate) is held
 * against its whole target.
 */
export const indicatorBehindTarget = (
  indicator: IndicatorDoc,
  { asOf, thresholds }: RuleContext,
): RaisedWarning | undefined => {
  if (indicator.voided) return undefined;
  const { minElapsedPercent, yellowBelowPercent, redBelowPercent } = thresholds.indicatorBehind;
  const target = indicator.targets
    .map((t) => ({ ...t, span: periodOf(t.period) }))
    .filter((t) => t.span && t.span.first <= asOf && asOf <= t.span.last)
    .at(-1);
  const span = target?.span;
  if (!target || !span) return undefined;
  const len = daysBetween(span.first, span.last) + 1;
  const halfReached = addDays(span.first, Math.ceil((len * minElapsedPercent) / 100) - 1);
  if (asOf < halfReached) return undefined;
  const reported = indicator.reports
    .map((r) => ({ ...r, span: periodOf(r.period) }))
    .filter((r) => r.span && r.span.last <= asOf && liesWithin(r.span, span))
    .sort((a, b) => byLatestEndThenLongest(a.span!, b.span!))[0];
  if (!reported?.span) return undefined;
  const covered = indicator.unit === 'percent' ? len : daysBetween(span.first, reported.span.last) + 1;
  const level: WarningLevel | undefined = behind(reported.value, target.target, covered, len, redBelowPercent)
    ? 'red'
    : behind(reported.value, target.target, covered, len, yellowBelowPercent)
      ? 'yellow'
      : undefined;
  if (!level) return undefined;
  return {
    warningId: warningIdOf('indicator-behind-target', indicator.stream),
    rule: 'indicator-behind-target',
    level,
    raisedOn: maxDate(halfReached, reported.span.last),
    stream: indicator.stream,
    villageId: null,
    facts: {
      rule: 'indicator-behind-target',
      code: indicator.code,
      name: indicatorName(indicator.code, indicator.name),
      unit: indicator.unit ?? null,
      target: { period: target.period, value: target.target },
      reported: { period: reported.period, value: reported.value },
      elapsedShare: roundedRatio(covered, len) ?? 0,
    },
  };
};
