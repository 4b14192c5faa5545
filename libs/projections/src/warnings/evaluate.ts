import { LocalDate, ruleOfWarning, WarningRule } from '@sunshine/domain';
import {
  AuditDoc,
  DebtDoc,
  debtKey,
  DisputeDoc,
  EntryDoc,
  entryKey,
  IndicatorDoc,
  InvestmentDoc,
  ProjectDoc,
  RECORD_CATEGORIES,
  WarningDoc,
} from '../records/record-docs';
import { RecordSource } from '../records/record-source';
import { termHolding } from '../records/terms';
import {
  capitalArrivalLow,
  disputeOverdue,
  findingsUnrectified,
  indicatorBehindTarget,
  largeAdministrationExpense,
  newVillageDebt,
  projectStalled,
  RuleContext,
} from './record-rules';
import { WarningThresholds } from './thresholds';
import { EvaluatedWarning, RaisedWarning } from './warning.types';

/** The records projection, read by category and by key. */
export interface WarningSource extends RecordSource {
  get<Doc>(key: string): Promise<Doc | undefined>;
}

const defined = <T>(value: T | undefined): value is T => value !== undefined;

/**
 * An audit of a project or an investment belongs to that record's village. Looked up once per
 * record, from what the scan already read or from the store.
 */
const inVillages = async (
  warnings: RaisedWarning[],
  villageOf: (stream: string) => Promise<string | undefined>,
): Promise<RaisedWarning[]> => {
  const found = new Map<string, string | undefined>();
  for (const warning of warnings) {
    const { facts } = warning;
    if (facts.rule !== 'finding-unrectified' || facts.subject.kind === 'village' || facts.subject.kind === 'department')
      continue;
    const stream = `${facts.subject.kind}-${facts.subject.id}`;
    if (!found.has(stream)) found.set(stream, await villageOf(stream));
    warning.villageId = found.get(stream) ?? null;
  }
  return warnings;
};

/** Every warning the rules raise as of `asOf`, one pass over the records. */
export const raiseWarnings = async (
  source: RecordSource,
  asOf: LocalDate,
  thresholds: WarningThresholds,
): Promise<RaisedWarning[]> => {
  const context: RuleContext = { asOf, thresholds, term: await termHolding(source, asOf) };
  const raised: RaisedWarning[] = [];
  const villages = new Map<string, string | undefined>();
  const scan = async <Doc>(category: string, rule: (doc: Doc) => RaisedWarning | RaisedWarning[] | undefined) => {
    for await (const doc of source.scan<Doc>(category)) raised.push(...[rule(doc)].flat().filter(defined));
  };
  await scan<InvestmentDoc>(RECORD_CATEGORIES.investment, (doc) => {
    villages.set(doc.stream, doc.villageId);
    return capitalArrivalLow(doc, context);
  });
  await scan<ProjectDoc>(RECORD_CATEGORIES.project, (doc) => {
    villages.set(doc.stream, doc.villageId);
    return projectStalled(doc, context);
  });
  await scan<DisputeDoc>(RECORD_CATEGORIES.dispute, (doc) => disputeOverdue(doc, context));
  await scan<AuditDoc>(RECORD_CATEGORIES.audit, (doc) => findingsUnrectified(doc, context));
  await scan<EntryDoc>(RECORD_CATEGORIES.entry, (doc) => largeAdministrationExpense(doc, context));
  if (context.term) await scan<DebtDoc>(RECORD_CATEGORIES.debt, (doc) => newVillageDebt(doc, context));
  await scan<IndicatorDoc>(RECORD_CATEGORIES.indicator, (doc) => indicatorBehindTarget(doc, context));
  return inVillages(raised, async (stream) => villages.get(stream));
};

/** Where each colon of `text` could end a stream and begin the part after it (ids may hold colons). */
const splits = (text: string): [string, string][] =>
  [...text.matchAll(/:/g)].map((m) => [text.slice(0, m.index), text.slice((m.index ?? 0) + 1)]);

const VILLAGE = 'village-';

/**
 * The one warning a warningId names, as of `asOf`, evaluated by the same rules on the one record it
 * names; undefined when the rules do not raise it then.
 */
export const raiseWarning = async (
  source: WarningSource,
  warningId: string,
  asOf: LocalDate,
  thresholds: WarningThresholds,
): Promise<RaisedWarning | undefined> => {
  const rule = ruleOfWarning(warningId);
  if (!rule) return undefined;
  const named = warningId.slice(rule.length + 1);
  const needsTerm = rule === 'new-village-debt';
  const context: RuleContext = { asOf, thresholds, term: needsTerm ? await termHolding(source, asOf) : undefined };
  const candidates = await candidatesOf(source, rule, named, context);
  const raised = candidates.filter((warning) => warning.warningId === warningId);
  const [warning] = await inVillages(
    raised,
    async (stream) => (await source.get<{ villageId?: string }>(stream))?.villageId,
  );
  return warning;
};

const candidatesOf = async (
  source: WarningSource,
  rule: WarningRule,
  named: string,
  context: RuleContext,
): Promise<RaisedWarning[]> => {
  const record = async <Doc>(category: string, key: string) =>
    key.startsWith(`${category}-`) ? source.get<Doc>(key) : undefined;
  const inVillage = async <Doc>(key: (villageId: string, part: string) => string) => {
    const docs: Doc[] = [];
    for (const [stream, part] of splits(named))
      if (stream.startsWith(VILLAGE)) {
        const doc = await source.get<Doc>(key(stream.slice(VILLAGE.length), part));
        if (doc) docs.push(doc);
      }
    return docs;
  };
  const one = (warning: RaisedWarning | undefined) => [warning].filter(defined);
  switch (rule) {
    case 'dispute-overdue': {
      const doc = await record<DisputeDoc>('dispute', named);
      return doc ? one(disputeOverdue(doc, context)) : [];
    }
    case 'project-stalled': {
      const doc = await record<ProjectDoc>('project', named);
      return doc ? one(projectStalled(doc, context)) : [];
    }
    case 'capital-arrival-low': {
      const doc = await record<InvestmentDoc>('investment', named);
      return doc ? one(capitalArrivalLow(doc, context)) : [];
    }
    case 'indicator-behind-target': {
      const doc = await record<IndicatorDoc>('indicator', named);
      return doc ? one(indicatorBehindTarget(doc, context)) : [];
    }
    case 'finding-unrectified': {
      const audits = await Promise.all(splits(named).map(([stream]) => record<AuditDoc>('audit', stream)));
      return audits.filter(defined).flatMap((audit) => findingsUnrectified(audit, context));
    }
    case 'new-village-debt':
      return (await inVillage<DebtDoc>(debtKey)).flatMap((debt) => one(newVillageDebt(debt, context)));
    case 'large-administration-expense':
      return (await inVillage<EntryDoc>(entryKey)).flatMap((entry) => one(largeAdministrationExpense(entry, context)));
  }
};

/**
 * Where a warning's handling stands as of `asOf`: its handlings dated by then, and `handled` once
 * one was made, unless the warning turned red after the last one (a yellow handled, then
 * worsened): then it is raised again, open, its earlier handling kept in its trail.
 */
export const withHandling = (
  warning: RaisedWarning,
  doc: WarningDoc | undefined,
  asOf: LocalDate,
): EvaluatedWarning => {
  const handling = (doc?.handlings ?? []).filter((h) => h.handledOn <= asOf);
  const last = handling.at(-1);
  const raisedAgain = last !== undefined && warning.level === 'red' && warning.raisedOn > last.handledOn;
  return { ...warning, status: last && !raisedAgain ? 'handled' : 'open', handling };
};

/** The handlings of every warning, by warningId. */
export const warningHandlings = async (source: RecordSource): Promise<Map<string, WarningDoc>> => {
  const docs = new Map<string, WarningDoc>();
  for await (const doc of source.scan<WarningDoc>(RECORD_CATEGORIES.warning)) docs.set(doc.warningId, doc);
  return docs;
};

/** Red first, then the longest standing, then by id: the order a supervisor works through them. */
export const byUrgency = (a: RaisedWarning, b: RaisedWarning): number =>
  a.level !== b.level
    ? a.level === 'red'
      ? -1
      : 1
    : a.raisedOn !== b.raisedOn
      ? a.raisedOn < b.raisedOn
        ? -1
        : 1
      : a.warningId < b.warningId
        ? -1
        : a.warningId > b.warningId
          ? 1
          : 0;
