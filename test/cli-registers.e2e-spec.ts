import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { freePort, ServerProcess } from './support/server-process';

const SUNSHINE = join(__dirname, '../bin/sunshine');
const TOKEN = 'cli-register-admin-token-0123';

/** `sunshine import-register`: a register from a terminal, as real processes on a real data directory. */
describe('sunshine import-register', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-cli-register-'));
  const villages = join(dataDir, '行政村名册.csv');
  const receipts = join(dataDir, '收入台账.xlsx');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [SUNSHINE, ...args], {
      env: { ...process.env, SUNSHINE_DATA_DIR: dataDir, SUNSHINE_ADMIN_TOKEN: TOKEN },
      encoding: 'utf8',
    });
  const summaryOf = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1) as string);
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    writeFileSync(villages, '\uFEFF村编号,村名\r\ndongcun,东村\r\nxicun,西村\r\n');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('收入');
    sheet.addRow(['村', '金额（元）', '收入类别', '付款单位', '凭证号', '记账日期']);
    sheet.addRow(['东村', '1,000.00', '集体经营收入', '承包户', '收-1', new Date(Date.UTC(2024, 2, 5))]);
    sheet.addRow(['西村', '-5', '集体经营收入', '承包户', '收-2', '2024年3月6日']);
    writeFileSync(receipts, Buffer.from(await book.xlsx.writeBuffer()));
  });
  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records a CSV register, then says every row of it was recorded before', () => {
    const first = run('import-register', villages, '--kind', 'villages');
    expect(first.status).toBe(0);
    expect(summaryOf(first.stdout)).toEqual({ summary: { applied: 2, duplicates: 0, failed: 0 } });
    expect(first.stdout).toContain('"row":2');
    const again = run('import-register', villages, '--kind', 'villages', '--quiet');
    expect(summaryOf(again.stdout)).toEqual({ summary: { applied: 0, duplicates: 2, failed: 0 } });
  });

  it('goes on past a bad row with --on-error continue, naming its heading, and exits 1', () => {
    const result = run('import-register', receipts, '--kind', 'village-receipts', '--on-error', 'continue', '--quiet');
    expect(result.status).toBe(1);
    const [failed, summary] = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(failed).toMatchObject({ row: 3, ok: false, status: 400 });
    expect(failed.detail).toMatch(/金额（元）.*负数/);
    expect(summary).toEqual({ summary: { applied: 1, duplicates: 0, failed: 1 } });
  });

  it('exits 2 on an unknown kind or a file that is no register', () => {
    expect(run('import-register', villages, '--kind', 'people').status).toBe(2);
    expect(run('import-register', join(dataDir, 'x.pdf'), '--kind', 'villages').status).toBe(2);
    expect(run('import-register', villages).status).toBe(2);
  });

  it('goes through a running server with --url', async () => {
    server = new ServerProcess(dataDir, await freePort(), { SUNSHINE_ADMIN_TOKEN: TOKEN });
    await server.start();
    const through = run('import-register', villages, '--kind', 'villages', '--url', server.url, '--token', TOKEN);
    expect(through.status).toBe(0);
    expect(summaryOf(through.stdout)).toEqual({ summary: { applied: 0, duplicates: 2, failed: 0 } });
  });
});
