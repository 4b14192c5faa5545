import {
  FieldProblem,
  isMonetaryUnit,
  Message,
  MONEY_UNITS,
  MoneyUnit,
  readDate,
  readMoney,
  readNumber,
  Reading,
  ValidationFailed,
} from '@sunshine/domain';
import { canonicalJson, sha256Hex } from '@sunshine/integrity';
import { CommandEnvelope } from '../commands/command-pipeline';
import { validateCommand } from '../validation/validate-command';
import { NameDirectory } from './name-directory';
import { moneyHeader, RegisterColumn, registerColumns, RegisterKind } from './registers';
import { Cell, Sheet, UnreadableFile } from './sheet-files';

/** A bad cell: its sheet row, its heading and why, in Chinese (and English). */
export interface CellProblem {
  row: number;
  header: string;
  detail: Message;
}

/** A data row as a command of its register, or the problems that keep it from being one. */
export interface RowCommand {
  row: number;
  envelope?: CommandEnvelope;
  problems: CellProblem[];
}

/** Where a column is in the file, and the unit its money heading states (undefined: none). */
interface Placed {
  column: RegisterColumn;
  index: number;
  header: string;
  unit?: MoneyUnit;
}

const normalise = (header: string): string =>
  header
    .replace(/[\s*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');

/** The headings a column is known by: its own, its field's name, and for money the label with either unit or none. */
const namesOf = (column: RegisterColumn): [string, MoneyUnit | undefined][] => {
  const field = column.field.split('.').at(-1) as string;
  if (column.type !== 'money')
    return [
      [normalise(column.header), undefined],
      [field, undefined],
    ];
  const label = column.header.slice(0, column.header.lastIndexOf('（'));
  return [
    ...MONEY_UNITS.flatMap((unit): [string, MoneyUnit][] => [
      [normalise(moneyHeader(label, unit)), unit],
      [normalise(`${label}${unit}`), unit],
      [normalise(`${label}/${unit}`), unit],
    ]),
    [normalise(label), undefined],
    [field, undefined],
  ];
};

/** Places the register's columns in the file's header row; a missing required column makes the file unusable. */
export const placeColumns = (register: RegisterKind, sheet: Sheet): Placed[] => {
  const placed: Placed[] = [];
  const headers = sheet.headers.map(normalise);
  for (const column of registerColumns(register)) {
    const match = namesOf(column)
      .map(([name, unit]) => ({ index: headers.indexOf(name), unit }))
      .find((m) => m.index >= 0);
    if (match) placed.push({ column, index: match.index, header: sheet.headers[match.index], unit: match.unit });
  }
  const missing = registerColumns(register).filter((c) => c.required && !placed.some((p) => p.column === c));
  if (missing.length)
    throw new UnreadableFile({
      zh: `缺少必填列：${missing.map((c) => c.header).join('、')}（表头应在第一个工作表的第一行）`,
      en: `missing required columns: ${missing.map((c) => c.field).join(', ')}`,
    });
  return placed;
};

const CURRENCIES: Record<string, string> = {
  人民币: 'CNY',
  元: 'CNY',
  美元: 'USD',
  欧元: 'EUR',
  港元: 'HKD',
  港币: 'HKD',
  日元: 'JPY',
};

const textOf = (cell: Cell): string =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : typeof cell === 'number' ? String(cell) : cell.trim();

/** Excel counts days from 1899-12-30; a date column holding a bare number holds such a count. */
const excelSerial = (days: number): string | undefined =>
  Number.isInteger(days) && days > 0 && days < 2958466
    ? new Date(Date.UTC(1899, 11, 30) + days * 86_400_000).toISOString().slice(0, 10)
    : undefined;

const ok = <T>(value: T): Reading<T> => ({ ok: true, value });

/** One cell's value as the command's data holds it. */
const readCell = (placed: Placed, text: string, cell: Cell, names: NameDirectory, unit?: string): Reading<unknown> => {
  const { column } = placed;
  switch (column.type) {
    case 'date':
      if (cell instanceof Date) return ok(cell.toISOString().slice(0, 10));
      return readDate(typeof cell === 'number' ? (excelSerial(cell) ?? text) : text);
    case 'money':
      return readMoney(text, placed.unit);
    case 'currency':
      return ok(CURRENCIES[text] ?? text.toUpperCase());
    case 'code': {
      const option = column.options?.find((o) => o.value === text || o.label === text);
      if (option || column.open) return ok(option?.value ?? text);
      const words = (column.options ?? []).map((o) => o.label).join('、');
      return {
        ok: false,
        problem: { zh: `「${text}」不是可选的值（可选：${words}）`, en: `"${text}" is not one of the codes` },
      };
    }
    case 'number':
      // An indicator counted in 元 is written in 元 (or 万元) and recorded in 分.
      if (unit !== undefined && isMonetaryUnit(unit)) return readMoney(text, '元');
      return readNumber(text);
    case 'quantity':
      return readNumber(text);
    default: {
      if (!column.pick) return ok(text);
      const resolved = names.resolve(column.pick, text);
      return resolved.ok ? ok(resolved.id) : resolved;
    }
  }
};

/** Sets a value at a data path; list columns (`data.parties.name`) fill one item per value. */
const put = (data: Record<string, unknown>, column: RegisterColumn, value: unknown, item?: number) => {
  const path = column.field.split('.').slice(1);
  if (column.list) {
    const listName = column.list.split('.')[1];
    const items = (data[listName] ??= []) as Record<string, unknown>[];
    items[item as number] = { ...items[item as number], [path.at(-1) as string]: value };
    return;
  }
  if (column.type === 'money') {
    data[path[0]] = { currency: 'CNY', ...(data[path[0]] as object), minor: value };
    return;
  }
  if (column.type === 'currency') {
    data[path[0]] = { ...(data[path[0]] as object), currency: value };
    return;
  }
  if (path.length === 2) data[path[0]] = { ...(data[path[0]] as object), [path[1]]: value };
  else data[path[0]] = value;
};

const LIST_SEPARATORS = /[、；;\n]/;

const digest = (value: unknown): string => sha256Hex(canonicalJson(value));

/** The header a validation problem's path belongs to (`data.parties.0.name` → 当事人姓名). */
const headerOf = (path: string, placed: Placed[], register: RegisterKind): string => {
  const bare = path.replace(/\.\d+(?=\.|$)/g, '');
  const owner = [...placed]
    .sort((a, b) => b.column.field.length - a.column.field.length)
    .find((p) => bare === p.column.field || bare.startsWith(`${p.column.field}.`));
  if (owner) return owner.header;
  const column = registerColumns(register).find((c) => bare === c.field || bare.startsWith(`${c.field}.`));
  return column?.header ?? path;
};

/**
 * Each data row as a command of the register: cells read into the command's data, an empty id
 * made from the row's content, the commandId made from the register and the data, then validated
 * by the command's own DTO. The same row always makes the same command, so uploading a file again
 * appends nothing.
 */
export const rowCommands = (register: RegisterKind, sheet: Sheet, names: NameDirectory): RowCommand[] => {
  const placed = placeColumns(register, sheet);
  const unitColumn = placed.find((p) => p.column.field === 'data.unit');
  return sheet.rows.map(({ row, cells }): RowCommand => {
    const problems: CellProblem[] = [];
    const data: Record<string, unknown> = {};
    const unitCell = unitColumn && cells[unitColumn.index];
    const unit =
      unitCell === undefined
        ? undefined
        : (unitColumn?.column.options?.find((o) => [o.value, o.label].includes(textOf(unitCell)))?.value ??
          textOf(unitCell));
    for (const p of placed) {
      const cell = cells[p.index];
      if (cell === undefined || textOf(cell) === '') continue;
      const values = p.column.list
        ? textOf(cell)
            .split(LIST_SEPARATORS)
            .map((v) => v.trim())
            .filter(Boolean)
        : [textOf(cell)];
      values.forEach((text, item) => {
        const reading = readCell(
          p,
          text,
          p.column.list ? text : cell,
          names,
          p.column.field === 'data.value' ? unit : undefined,
        );
        if (reading.ok) put(data, p.column, reading.value, item);
        else problems.push({ row, header: p.header, detail: reading.problem });
      });
    }
    if (problems.length) return { row, problems };
    for (const column of registerColumns(register).filter((c) => c.newId)) {
      const key = column.field.split('.')[1];
      if (data[key] === undefined)
        data[key] = `${column.newId}-${digest({ kind: register.kind, data }).slice(0, 10).toUpperCase()}`;
    }
    const commandId = `reg-${register.kind}-${digest({ kind: register.kind, data }).slice(0, 32)}`;
    try {
      return { row, envelope: validateCommand({ type: register.command, commandId, data }), problems };
    } catch (error) {
      if (!(error instanceof ValidationFailed)) throw error;
      return {
        row,
        problems: error.problems.map((p: FieldProblem) => ({
          row,
          header: headerOf(p.path, placed, register),
          detail: p,
        })),
      };
    }
  });
};

/** The header of a data path in this file, for a refusal the ledger gives (`data.amount` → 签约金额（万元）). */
export const headerFor = (register: RegisterKind, sheet: Sheet, path: string | undefined): string => {
  const placed = placeColumns(register, sheet);
  return path ? headerOf(path, placed, register) : (placed[0]?.header ?? '');
};
