import { Workbook } from 'exceljs';
import { formatMinor, isLocalDate } from '@sunshine/domain';

/**
 * Lists as Excel workbooks for auditors: a sheet per list with its Chinese headers in the first row
 * (frozen, filterable), and a sheet 说明 saying what was exported and as of when. Dates
 * are Excel dates shown as 2026年10月1日, so they sort and filter as dates; amounts are numbers of
 * 元 with two decimals, so they add up in Excel.
 */
export type ColumnKind = 'text' | 'date' | 'datetime' | 'yuan' | 'integer';

export interface SheetColumn {
  header: string;
  kind: ColumnKind;
  width?: number;
}

/**
 * A cell as the JSON answer holds it: text; a date `YYYY-MM-DD`; an ISO instant (datetime, shown
 * in Beijing time); minor units (yuan); a count (integer). Null or undefined leaves the cell empty.
 */
export type CellValue = string | number | null | undefined;

export interface SheetTable {
  /** The sheet's name (at most 31 characters). */
  name: string;
  columns: SheetColumn[];
  rows: CellValue[][];
}

export interface XlsxExport {
  sheets: SheetTable[];
  /** What a reader should know about the lists: 截至日期, 筛选条件, … */
  notes?: [string, string][];
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
const DATETIME_FORMAT = 'yyyy"年"m"月"d"日" hh:mm:ss.000';
const YUAN_FORMAT = '#,##0.00';
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Excel has no time zones: a date is its calendar day, an instant its wall-clock time in Beijing. */
const calendarDay = (date: string): Date => new Date(`${date}T00:00:00Z`);
const beijingTime = (instant: string): Date => new Date(Date.parse(instant) + SHANGHAI_OFFSET_MS);

/** Minor units as yuan: the double nearest to the exact decimal, as Excel stores a typed amount. */
const yuan = (minor: number): number => Number(formatMinor(minor));

const cellOf = (kind: ColumnKind, value: CellValue): string | number | Date | null => {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'date':
      return typeof value === 'string' && isLocalDate(value) ? calendarDay(value) : value;
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? beijingTime(value) : value;
    case 'yuan':
      return typeof value === 'number' ? yuan(value) : value;
    default:
      return value;
  }
};

const FORMATS: Partial<Record<ColumnKind, string>> = {
  date: DATE_FORMAT,
  datetime: DATETIME_FORMAT,
  yuan: YUAN_FORMAT,
};

const WIDTHS: Record<ColumnKind, number> = { text: 24, date: 16, datetime: 26, yuan: 18, integer: 10 };

const addTable = (workbook: Workbook, table: SheetTable): void => {
  const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column, i) => ({
    key: String(i),
    header: column.header,
    width: column.width ?? Math.max(WIDTHS[column.kind], column.header.length * 2 + 4),
    style: FORMATS[column.kind] ? { numFmt: FORMATS[column.kind] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((column, i) => cellOf(column.kind, row[i])));
  if (table.columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
};

export const xlsxWorkbook = async ({ sheets, notes = [] }: XlsxExport): Promise<Buffer> => {
  const workbook = new Workbook();
  workbook.creator = '阳光台账';
  for (const table of sheets) addTable(workbook, table);
  if (notes.length) {
    const sheet = workbook.addWorksheet('说明');
    sheet.columns = [
      { key: 'what', width: 16 },
      { key: 'value', width: 60 },
    ];
    for (const [what, value] of notes) sheet.addRow([what, value]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
