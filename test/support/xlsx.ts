import { Workbook } from 'exceljs';
import { ADMIN_TOKEN, TestApp } from './test-app';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A downloaded workbook read back: each sheet by name, as rows of cell values (headers first). */
export interface ReadWorkbook {
  sheets: Record<string, unknown[][]>;
  workbook: Workbook;
}

/** GETs `path` (which asks for format=xlsx) and reads the workbook back as an auditor's Excel would. */
export const downloadXlsx = async (t: TestApp, path: string, token = ADMIN_TOKEN): Promise<ReadWorkbook> => {
  const response = await t
    .get(path, token)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  if (response.status !== 200) throw new Error(`${path} → ${response.status} ${String(response.body)}`);
  expect(response.headers['content-type']).toBe(XLSX);
  expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.xlsx"/);
  const workbook = new Workbook();
  await workbook.xlsx.load(response.body as never);
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of workbook.worksheets)
    sheets[sheet.name] = (sheet.getSheetValues().slice(1) as unknown[][]).map((row) => (row ?? []).slice(1));
  return { sheets, workbook };
};

/** An Excel date cell as the JSON's YYYY-MM-DD. */
export const dayOf = (cell: unknown): string => (cell as Date).toISOString().slice(0, 10);

/** An Excel date-time cell (Beijing wall clock) as the JSON's ISO instant. */
export const instantOf = (cell: unknown): string => new Date((cell as Date).getTime() - 8 * 3600_000).toISOString();

/** Minor units as the yuan an amount cell holds. */
export const yuanOf = (minor: number): number => Number((minor / 100).toFixed(2));
