import { CommandType, LocalDate, Money, wordFor } from '@sunshine/domain';
import { CatalogueField, commandCatalogue } from '../validation/catalogue';
import { PickKind } from '../validation/form';
import { findingKey } from './record-keys';
import { NameBook } from './name-book';

/**
 * A value as a record page shows it: its Chinese label, the value as recorded (money in minor
 * units with its currency, codes as codes) and the text a person reads (元 with separators, the
 * code's word, a date as 2024年3月5日, a village by its name); `record` is the key of the record
 * a reference names, for a link.
 */
export interface LabelledField {
  path: string;
  label: string;
  value: unknown;
  text: string;
  record?: string;
}

/** The command whose data an event carries: its catalogue form labels the event's fields. */
export const COMMAND_OF_EVENT: Readonly<Record<string, CommandType>> = {
  TermOpened: 'OpenTerm',
  VillageRegistered: 'RegisterVillage',
  ReceiptRecorded: 'RecordReceipt',
  ExpenditureRecorded: 'RecordExpenditure',
  EntryReversed: 'ReverseEntry',
  DebtRegistered: 'RegisterDebt',
  DebtSettled: 'SettleDebt',
  InvestmentSigned: 'SignInvestment',
  CapitalArrived: 'RecordCapitalArrival',
  InvestmentAmended: 'AmendInvestment',
  InvestmentTerminated: 'TerminateInvestment',
  ProjectRegistered: 'RegisterProject',
  MilestoneReached: 'RecordMilestone',
  ProjectProgressReported: 'ReportProjectProgress',
  ProjectOutputRecorded: 'RecordProjectOutput',
  DisputeRegistered: 'RegisterDispute',
  MediationRecorded: 'RecordMediation',
  DisputeResolved: 'ResolveDispute',
  DisputeEscalated: 'EscalateDispute',
  AuditOpened: 'OpenAudit',
  FindingRecorded: 'RecordFinding',
  FindingRectified: 'RecordRectification',
  AuditClosed: 'CloseAudit',
  IndicatorDefined: 'DefineIndicator',
  IndicatorReported: 'ReportIndicator',
  KeyProjectMarked: 'MarkKeyProject',
  HonourRecorded: 'RecordHonour',
  ReportSectionWritten: 'WriteReportSection',
  IndicatorTargetSet: 'SetIndicatorTarget',
  RecordVoided: 'VoidRecord',
};

/** Where personal data would show, a page shows that it is withheld (parties are sealed; a summary names them). */
const WITHHELD: Readonly<Record<string, string>> = {
  'RegisterDispute:summary': '（可能含当事人个人信息，不在此显示）',
};

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Minor units as a person reads them: 1,200,500.00元, or USD 29,000,000.00. Integer arithmetic only. */
export const moneyText = (money: Money): string => {
  const whole = group(String(Math.floor(money.minor / 100)));
  const amount = `${whole}.${String(money.minor % 100).padStart(2, '0')}`;
  return money.currency === 'CNY' ? `${amount}元` : `${money.currency} ${amount}`;
};

export const dateText = (date: LocalDate): string => {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/** The record a picked id names, given the data it stands in (an entry is inside its village). */
const recordOf = (pick: PickKind, id: string, data: Record<string, unknown>): string | undefined => {
  switch (pick) {
    case 'village':
    case 'project':
    case 'investment':
    case 'dispute':
    case 'audit':
    case 'indicator':
      return `${pick}-${id}`;
    case 'entry':
    case 'debt':
      return typeof data.villageId === 'string' ? `village-${data.villageId}/${pick}/${id}` : undefined;
    case 'finding':
      return typeof data.auditId === 'string' ? findingKey(`audit-${data.auditId}`, id) : undefined;
    case 'term':
      return `term/${id}`;
    case 'record':
      return id;
    default:
      return undefined;
  }
};

const pickedName = async (pick: PickKind, id: string, names: NameBook): Promise<string | null> => {
  if (pick === 'village') return names.villageName(id);
  if (pick === 'project') return names.projectName(id);
  if (pick === 'investment') return names.investor(id);
  if (pick === 'indicator') return await names.indicatorName(id);
  return null;
};

const listText = async (field: CatalogueField, items: unknown[], names: NameBook): Promise<string> => {
  const parts = await Promise.all(
    items.map(async (item) =>
      (await describe(field.fields ?? [], item as Record<string, unknown>, '', names)).map((f) => f.text).join(' '),
    ),
  );
  return parts.join('；');
};

const describeOne = async (
  field: CatalogueField,
  value: unknown,
  path: string,
  data: Record<string, unknown>,
  names: NameBook,
): Promise<LabelledField[]> => {
  const base = { path, label: field.label, value };
  switch (field.input) {
    case 'money':
      return [{ ...base, text: moneyText(value as Money) }];
    case 'date':
      return [{ ...base, text: dateText(value as LocalDate) }];
    case 'code':
      return [{ ...base, text: field.options?.find((o) => o.value === value)?.label ?? String(value) }];
    case 'object':
      return describe(field.fields ?? [], value as Record<string, unknown>, path, names);
    case 'list':
      // Parties are sealed in the log and never shown here: only how many there are.
      if (field.path === 'data.parties')
        return [{ ...base, value: null, text: `${(value as unknown[]).length}名当事人（个人信息已加密）` }];
      return [{ ...base, text: await listText(field, value as unknown[], names) }];
    case 'ids':
      return [{ ...base, text: (value as string[]).join('、') }];
    default: {
      if (!field.pick || typeof value !== 'string') return [{ ...base, text: String(value) }];
      const record = recordOf(field.pick, value, data);
      const name = await pickedName(field.pick, value, names);
      return [{ ...base, text: name ?? value, ...(record ? { record } : {}) }];
    }
  }
};

const describe = async (
  fields: CatalogueField[],
  data: Record<string, unknown>,
  prefix: string,
  names: NameBook,
): Promise<LabelledField[]> => {
  const described: LabelledField[] = [];
  for (const field of fields) {
    const value = data[field.name];
    if (value === undefined) continue;
    const path = prefix ? `${prefix}.${field.name}` : field.name;
    described.push(...(await describeOne(field, value, path, data, names)));
  }
  return described;
};

const FORMS = new Map(commandCatalogue().map((command) => [command.type, command]));

/**
 * The data of a command (or of the event that carries it) as labelled fields, in the form's order.
 * Parties show only as their count; a dispute's free-text summary is withheld.
 */
export const labelData = async (
  type: CommandType,
  data: Record<string, unknown>,
  names: NameBook,
): Promise<LabelledField[]> => {
  const described = await describe(FORMS.get(type)?.fields ?? [], data, '', names);
  return described.map((field) => {
    const withheld = WITHHELD[`${type}:${field.path}`];
    return withheld ? { ...field, value: null, text: withheld } : field;
  });
};

/** One labelled field outside any form (a total, a status): its text is given. */
export const labelled = (
  path: string,
  label: string,
  value: unknown,
  text: string,
  record?: string,
): LabelledField => ({
  path,
  label,
  value,
  text,
  ...(record ? { record } : {}),
});

/** A code by its dictionary word, as a labelled field. */
export const wordField = (path: string, label: string, dictionary: Parameters<typeof wordFor>[0], code: string) =>
  labelled(path, label, code, wordFor(dictionary, code));
