import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Message } from '@sunshine/domain';

/** A cell as read: text, a number, or a date (an Excel date cell); empty cells are absent. */
export type Cell = string | number | Date;

/** One data row of a sheet, by its row number in the sheet (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: (Cell | undefined)[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

/** A file that cannot be read as a register: answered 400 with a Chinese reason. */
export class UnreadableFile extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
    this.name = 'UnreadableFile';
  }
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A row whose first cell starts with # is a comment (a template's example row), and a blank row is nothing. */
const isData = (cells: (Cell | undefined)[]): boolean => {
  const first = cells.find((cell) => cell !== undefined && String(cell).trim() !== '');
  return first !== undefined && !(typeof cells[0] === 'string' && cells[0].trim().startsWith('#'));
};

const sheetOf = (table: { row: number; cells: (Cell | undefined)[] }[]): Sheet => {
  const [head, ...body] = table;
  if (!head) throw new UnreadableFile({ zh: '文件中没有表头行', en: 'the file has no header row' });
  return {
    headers: head.cells.map((cell) => (cell === undefined ? '' : String(cell).trim())),
    rows: body.filter((row) => isData(row.cells)),
  };
};

// ————— xlsx —————

/** What exceljs hands back for a cell, reduced to text, a number or a date. */
const cellOf = (value: ExcelJS.CellValue): Cell | undefined => {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellOf((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return undefined;
  return String(value);
};

/** The first sheet of a workbook; headers are its first row. */
export const readXlsx = async (file: Buffer): Promise<Sheet> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile({
      zh: '无法读取该 Excel 文件（应为 .xlsx 格式）',
      en: 'the file is not a readable .xlsx workbook',
    });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile({ zh: 'Excel 文件中没有工作表', en: 'the workbook has no sheet' });
  const table: { row: number; cells: (Cell | undefined)[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => (cells[column - 1] = cellOf(cell.value)));
    table.push({ row: number, cells });
  });
  if (table[0]?.row !== 1)
    throw new UnreadableFile({ zh: '第一行应为表头', en: 'the first row must hold the headers' });
  return sheetOf(table);
};

// ————— CSV —————

/** Text in the charset given, else UTF-8 (with or without BOM), else GB18030 (what Chinese Excel saves). */
export const decodeText = (file: Buffer, charset?: string): string => {
  if (charset && !/^utf-?8$/i.test(charset)) {
    if (!iconv.encodingExists(charset))
      throw new UnreadableFile({ zh: `不支持的字符集「${charset}」`, en: `unsupported charset "${charset}"` });
    return iconv.decode(file, charset);
  }
  const body = file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf ? file.subarray(3) : file;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    if (charset) throw new UnreadableFile({ zh: '文件不是有效的 UTF-8 文本', en: 'the file is not valid UTF-8' });
    return iconv.decode(body, 'gb18030');
  }
};

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks; each record keeps its first line. */
export const parseCsv = (text: string): { row: number; cells: string[] }[] => {
  const records: { row: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const endField = () => {
    cells.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ row: startLine, cells });
    cells = [];
    startLine = line;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRecord();
    } else field += c;
  }
  if (field !== '' || cells.length) endRecord();
  if (quoted) throw new UnreadableFile({ zh: 'CSV 文件中有未闭合的引号', en: 'the CSV file has an unclosed quote' });
  return records;
};

/** A CSV register: the row number of a record is the line it starts on. */
export const readCsv = (file: Buffer, charset?: string): Sheet =>
  sheetOf(
    parseCsv(decodeText(file, charset)).map(({ row, cells }) => ({
      row,
      cells: cells.map((cell) => (cell.trim() === '' ? undefined : cell)),
    })),
  );

/** One CSV line, quoting what needs it. */
export const csvLine = (cells: string[]): string =>
  cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');

/** Reads an uploaded register by its media type: xlsx, or CSV (text/csv, with an optional charset). */
export const readSheet = async (file: Buffer, contentType: string | undefined): Promise<Sheet> => {
  const [type, ...parameters] = (contentType ?? '').split(';').map((part) => part.trim());
  const charset = parameters
    .find((p) => /^charset=/i.test(p))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (type.toLowerCase() === XLSX_TYPE) return readXlsx(file);
  if (type.toLowerCase() === 'text/csv') return readCsv(file, charset);
  throw new UnreadableFile({
    zh: '请上传 .xlsx（Excel）或 .csv 文件',
    en: `send the register as ${XLSX_TYPE} or text/csv`,
  });
};
