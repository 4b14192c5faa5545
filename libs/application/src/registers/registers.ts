import { CommandType, MoneyUnit } from '@sunshine/domain';
import { CatalogueField, commandCatalogue } from '../validation/catalogue';
import { PickKind } from '../validation/form';

/**
 * The registers (台账) a township keeps in Excel, each the rows of one command: its columns are the
 * command's form from the catalogue, so a register never states a rule of its own. Money columns
 * say their unit in the heading; a command that takes several currencies has a 币种 column beside
 * its money.
 */
export interface RegisterKind {
  kind: string;
  title: string;
  command: CommandType;
  /** The unit the register's money columns are headed in. */
  unit: MoneyUnit;
  /** Fields whose values no two rows may share (the record each row creates). */
  unique?: string[];
}

export const REGISTERS: readonly RegisterKind[] = [
  { kind: 'villages', title: '行政村名册', command: 'RegisterVillage', unit: '元', unique: ['villageId'] },
  { kind: 'investments', title: '招商引资签约台账', command: 'SignInvestment', unit: '万元', unique: ['investmentId'] },
  { kind: 'capital-arrivals', title: '招商资金到位台账', command: 'RecordCapitalArrival', unit: '万元' },
  { kind: 'projects', title: '项目建设台账', command: 'RegisterProject', unit: '万元', unique: ['projectId'] },
  { kind: 'milestones', title: '项目节点台账', command: 'RecordMilestone', unit: '万元' },
  { kind: 'project-progress', title: '项目投资进度台账', command: 'ReportProjectProgress', unit: '万元' },
  { kind: 'disputes', title: '矛盾纠纷排查调处台账', command: 'RegisterDispute', unit: '元', unique: ['disputeId'] },
  { kind: 'mediations', title: '矛盾纠纷调解台账', command: 'RecordMediation', unit: '元' },
  {
    kind: 'village-receipts',
    title: '村级收入台账',
    command: 'RecordReceipt',
    unit: '元',
    unique: ['villageId', 'entryId'],
  },
  {
    kind: 'village-expenditures',
    title: '村级支出台账',
    command: 'RecordExpenditure',
    unit: '元',
    unique: ['villageId', 'entryId'],
  },
  { kind: 'debts', title: '村级债务台账', command: 'RegisterDebt', unit: '元', unique: ['villageId', 'debtId'] },
  { kind: 'debt-settlements', title: '村级债务化解台账', command: 'SettleDebt', unit: '元' },
  {
    kind: 'indicators',
    title: '经济指标台账',
    command: 'ReportIndicator',
    unit: '元',
    unique: ['indicator', 'period'],
  },
  {
    kind: 'audit-findings',
    title: '审计发现问题台账',
    command: 'RecordFinding',
    unit: '元',
    unique: ['auditId', 'findingId'],
  },
  { kind: 'honours', title: '荣誉台账', command: 'RecordHonour', unit: '元', unique: ['honourId'] },
];

export type ColumnType =
  'id' | 'text' | 'date' | 'money' | 'currency' | 'code' | 'number' | 'quantity' | 'period' | 'list';

/** One column of a register: its heading, the command's data path it fills, and how a cell is read. */
export interface RegisterColumn {
  header: string;
  /** The command's data path: `data.amount`; items of a list: `data.parties.name`. */
  field: string;
  type: ColumnType;
  required: boolean;
  unit?: MoneyUnit;
  /** A code column takes the code or its Chinese word. */
  options?: { value: string; label: string }[];
  /** Other codes may be written too (a sector, an output metric). */
  open?: boolean;
  /** A picked record: its id or its exact Chinese name. */
  pick?: PickKind;
  /** Left empty, the id is made from the row's content with this prefix. */
  newId?: string;
  hint?: string;
  /** A column of list items: each cell holds the items separated by 、 or ；. */
  list?: string;
}

/** The heading of a money column: its label and unit, e.g. 签约金额（万元）. */
export const moneyHeader = (label: string, unit: MoneyUnit): string => `${label}（${unit}）`;

const typeOf = (field: CatalogueField): ColumnType => {
  switch (field.input) {
    case 'id':
    case 'date':
    case 'money':
    case 'code':
    case 'number':
    case 'quantity':
    case 'period':
      return field.input;
    default:
      return 'text';
  }
};

const columnsOf = (fields: CatalogueField[], register: RegisterKind, labelPrefix: string, list?: string) =>
  fields.flatMap((field): RegisterColumn[] => {
    const label = `${labelPrefix}${field.label}`;
    const path = list ? `${list}.${field.name}` : field.path;
    const required = field.required && !field.newId;
    if (field.input === 'object') return columnsOf(field.fields ?? [], register, '', undefined);
    if (field.input === 'list') return columnsOf(field.fields ?? [], register, field.label, field.path);
    // An optional id inside a list (a party's subject) is made by the ledger itself.
    if (list && field.input === 'id' && !field.required) return [];
    const base = {
      field: path,
      required: list ? field.required && field.name === 'name' : required,
      ...(field.pick ? { pick: field.pick } : {}),
      ...(field.newId ? { newId: field.newId } : {}),
      ...(field.hint ? { hint: field.hint } : {}),
      ...(list ? { list } : {}),
    };
    if (field.input === 'money') {
      const money: RegisterColumn = {
        ...base,
        header: moneyHeader(label, register.unit),
        type: 'money',
        unit: register.unit,
      };
      if (field.currencies?.length === 1) return [money];
      return [
        money,
        {
          header: `${label}币种`,
          field: `${path}.currency`,
          type: 'currency',
          required: false,
          hint: '留空为人民币（CNY）',
        },
      ];
    }
    return [
      {
        ...base,
        header: label,
        type: typeOf(field),
        ...(field.options ? { options: field.options } : {}),
        ...(field.open ? { open: true } : {}),
      },
    ];
  });

const COLUMNS = new Map<string, RegisterColumn[]>();

/** The register's columns, in the order of the command's form. */
export const registerColumns = (register: RegisterKind): RegisterColumn[] => {
  let columns = COLUMNS.get(register.kind);
  if (!columns) {
    const command = commandCatalogue().find((c) => c.type === register.command);
    columns = columnsOf(command?.fields ?? [], register, '');
    COLUMNS.set(register.kind, columns);
  }
  return columns;
};

export const registerOf = (kind: string): RegisterKind | undefined => REGISTERS.find((r) => r.kind === kind);

/** Every register as `GET /api/v1/registers` describes it. */
export const describeRegisters = () =>
  REGISTERS.map((register) => ({
    kind: register.kind,
    title: register.title,
    command: register.command,
    columns: registerColumns(register),
  }));
