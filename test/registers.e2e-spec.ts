import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import request from 'supertest';
import { CHINESE, errorPaths } from './support/refusals';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { receiptData, record, recordTownship, registerUser, VILLAGES, yuan } from './support/township';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number | Date | null;

/** A workbook as a township clerk keeps it: a 序号 column the register does not know, then its own headings. */
const workbook = async (headers: string[], rows: Cell[][], sheetName = '签约台账'): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
};

const INVESTMENT_HEADERS = [
  '序号',
  '招商项目编号',
  '投资方',
  '所属行业',
  '资金来源',
  '签约金额（万元）',
  '签约日期',
  '所在村',
  '备注',
];

/** Row i of an investments register: dates as Excel date cells or Chinese text, origins as words or codes. */
const investmentRow = (i: number): Cell[] => [
  i,
  i % 10 === 0 ? null : `ZS-2023-${String(i).padStart(3, '0')}`,
  `第${i}号投资企业有限公司`,
  i % 2 ? '机械电子' : 'auto-parts',
  i % 3 ? '内资' : 'foreign',
  i === 1 ? '1,200.5' : 100 + i,
  i % 2 ? new Date(Date.UTC(2023, 4, 18)) : `2023年6月${(i % 28) + 1}日`,
  i % 4 ? '李家庄村' : 'wangjiawan',
  i % 5 ? null : '重点招商',
];

const lines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

describe('registers (台账): Excel and CSV files whose rows are commands', () => {
  let t: TestApp;
  let wangClerk: string;
  let supervisor: string;

  beforeAll(async () => {
    t = await startTestApp();
    await recordTownship(t);
    wangClerk = await registerUser(t, {
      userId: 'wang-wenshu',
      name: '王文书',
      role: 'clerk',
      villages: ['wangjiawan'],
    });
    supervisor = await registerUser(t, { userId: 'sun-jiandu', name: '孙监督', role: 'supervisor' });
  });
  afterAll(() => t.close());

  const upload = (
    kind: string,
    step: 'preview' | 'import',
    body: Buffer,
    type = XLSX,
    token = ADMIN_TOKEN,
    query = '',
  ) =>
    request(t.app.getHttpServer())
      .post(`/api/v1/registers/${kind}/${step}${query}`)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', type)
      .send(body);

  it('lists every register with its columns drawn from the command forms', async () => {
    const { body } = await t.get('/api/v1/registers').expect(200);
    const kinds = body.map((r: { kind: string }) => r.kind);
    for (const kind of [
      'investments',
      'capital-arrivals',
      'projects',
      'milestones',
      'disputes',
      'village-receipts',
      'village-expenditures',
      'debts',
      'indicators',
      'villages',
    ])
      expect(kinds).toContain(kind);
    const investments = body.find((r: { kind: string }) => r.kind === 'investments');
    expect(investments).toMatchObject({ title: '招商引资签约台账', command: 'SignInvestment' });
    expect(investments.columns).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ header: '签约金额（万元）', field: 'data.amount', type: 'money', required: true }),
        expect.objectContaining({
          header: '签约金额币种',
          field: 'data.amount.currency',
          type: 'currency',
          required: false,
        }),
        expect.objectContaining({ header: '资金来源', field: 'data.origin', type: 'code', required: true }),
      ]),
    );
  });

  it('hands out templates with Chinese headers that open again: xlsx with a sheet of rules and an example, CSV with a BOM', async () => {
    const xlsx = await t.get('/api/v1/registers/village-receipts/template?format=xlsx').buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('村级收入台账.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    const headers = (book.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(['村', '分录编号', '金额（元）', '收入类别', '付款单位', '凭证号', '记账日期']);
    const guide = book.getWorksheet('说明与示例');
    expect((guide?.getRow(2).values as string[]).slice(1)).toContain('集体经营收入');
    const csv = await t.get('/api/v1/registers/village-receipts/template?format=csv').buffer(true).parse(binary);
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [first, second] = csv.body.toString('utf8').slice(1).split('\r\n');
    expect(first).toBe(headers.join(','));
    expect(second.startsWith('#')).toBe(true);
    // The untouched template is a register with no rows: its example is commented out.
    expect((await upload('village-receipts', 'preview', csv.body, 'text/csv').expect(200)).body).toMatchObject({
      rows: 0,
      valid: 0,
      invalid: [],
    });
    await t.get('/api/v1/registers/no-such-register/template').expect(404);
    await t.get('/api/v1/registers/investments/template?format=pdf').expect(400);
  });

  describe('a 50-row investments register', () => {
    const good = Array.from({ length: 50 }, (_, i) => investmentRow(i + 1));
    const broken = good.map((row) => [...row]);
    broken[6][5] = '12.3456789'; // sheet row 8: more decimals than 分
    broken[19][4] = '合资'; // sheet row 21: not an origin
    broken[40][7] = '不存在村'; // sheet row 42: no such village

    it('previews exactly its 3 bad rows, each with its row, heading and a Chinese reason, and records nothing', async () => {
      const before = await t.runtime.events.headPosition();
      const { body } = await upload('investments', 'preview', await workbook(INVESTMENT_HEADERS, broken)).expect(200);
      expect(body).toMatchObject({ rows: 50, valid: 47 });
      expect(body.invalid.map((p: { row: number; header: string }) => [p.row, p.header])).toEqual([
        [8, '签约金额（万元）'],
        [21, '资金来源'],
        [42, '所在村'],
      ]);
      expect(body.invalid[0].detail).toMatch(/最多六位小数/);
      expect(body.invalid[1].detail).toMatch(/「合资」不是可选的值/);
      expect(body.invalid[2].detail).toMatch(/找不到名为「不存在村」的村/);
      expect(await t.runtime.events.headPosition()).toBe(before);
    });

    it('imports once corrected; re-importing appends nothing; five more rows append five', async () => {
      const file = await workbook(INVESTMENT_HEADERS, good);
      const first = await upload('investments', 'import', file).expect(200);
      expect(first.headers['content-type']).toMatch(/application\/x-ndjson/);
      const results = lines(first.text);
      expect(results.at(-1)).toEqual({ summary: { applied: 50, duplicates: 0, failed: 0 } });
      expect(results.slice(0, -1).map((r) => r.row)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
      const head = await t.runtime.events.headPosition();

      const again = lines((await upload('investments', 'import', file).expect(200)).text);
      expect(again.at(-1)).toEqual({ summary: { applied: 0, duplicates: 50, failed: 0 } });
      expect(await t.runtime.events.headPosition()).toBe(head);

      const extended = [...good, ...Array.from({ length: 5 }, (_, i) => investmentRow(51 + i))];
      const more = lines(
        (await upload('investments', 'import', await workbook(INVESTMENT_HEADERS, extended)).expect(200)).text,
      );
      expect(more.at(-1)).toEqual({ summary: { applied: 5, duplicates: 50, failed: 0 } });
      const preview = (await upload('investments', 'preview', await workbook(INVESTMENT_HEADERS, extended)).expect(200))
        .body;
      expect(preview).toMatchObject({ rows: 55, valid: 55, alreadyImported: 55, invalid: [] });
    });

    it('recorded 1,200.5 万元 as exactly 1200500000 分, words as codes, Excel dates and Chinese dates, names as ids', async () => {
      const first = (await t.get('/api/v1/records/investment-ZS-2023-001').expect(200)).body;
      expect(first).toMatchObject({
        amount: { currency: 'CNY', minor: 1_200_500_000 },
        date: '2023-05-18',
        villageId: 'lijiazhuang',
      });
      const fields = Object.fromEntries(first.fields.map((f: { path: string; value: unknown }) => [f.path, f.value]));
      expect(fields).toMatchObject({ origin: 'domestic', sector: 'machinery-electronics' });
      const third = (await t.get('/api/v1/records/investment-ZS-2023-003').expect(200)).body;
      expect(third.fields.find((f: { path: string }) => f.path === 'origin').value).toBe('foreign');
      const second = (await t.get('/api/v1/records/investment-ZS-2023-002').expect(200)).body;
      expect(second).toMatchObject({ date: '2023-06-03', amount: { minor: 102 * 1_000_000 } });
      // Row 10 had no id: one was made from its content, the same on every upload.
      const made = (await t.get(`/api/v1/records?kind=investment&q=${encodeURIComponent('第10号')}`).expect(200)).body;
      expect(made.records).toHaveLength(1);
      expect(made.records[0].id).toMatch(/^ZS-[0-9A-F]{10}$/);
    });
  });

  it('imports a GBK-encoded CSV of villages with the right Chinese names', async () => {
    const csv = '序号,村编号,村名\r\n1,songjiadian,宋家店村\r\n2,,"马家河村"\r\n';
    const gbk = iconv.encode(csv, 'gbk');
    expect(gbk.toString('utf8')).not.toContain('宋家店村');
    const results = lines((await upload('villages', 'import', gbk, 'text/csv').expect(200)).text);
    expect(results.at(-1)).toEqual({ summary: { applied: 2, duplicates: 0, failed: 0 } });
    const { records } = (await t.get('/api/v1/records?kind=village&limit=500').expect(200)).body;
    const names = records.map((r: { title: string }) => r.title);
    expect(names).toEqual(expect.arrayContaining(['宋家店村', '马家河村']));
    expect(records.find((r: { id: string }) => r.id === 'songjiadian').title).toBe('宋家店村');
  });

  it('lets a clerk limited to a village import only that village’s rows, and shows it only its records', async () => {
    await record(t, 'RecordReceipt', receiptData(VILLAGES.lijiazhuang.villageId, 'SR-LJZ-1', yuan(100)));
    const file = await workbook(
      ['村', '分录编号', '金额（元）', '收入类别', '付款单位', '凭证号', '记账日期'],
      [
        ['王家湾村', 'SR-W-1', '2,000.50', '财政转移支付', '镇财政所', '收-W-1', '2024-03-05'],
        ['李家庄村', 'SR-L-9', '500', '集体经营收入', '承包户', '收-L-9', '2024-03-05'],
      ],
      '收入',
    );
    const preview = (await upload('village-receipts', 'preview', file, XLSX, wangClerk).expect(200)).body;
    expect(preview).toMatchObject({ rows: 2, valid: 1 });
    expect(preview.invalid).toEqual([
      { row: 3, header: '村', detail: expect.stringMatching(/无权为村「lijiazhuang」登记/) },
    ]);
    const results = lines(
      (await upload('village-receipts', 'import', file, XLSX, wangClerk, '?onError=continue').expect(200)).text,
    );
    expect(results[0]).toMatchObject({ row: 2, ok: true });
    expect(results[1]).toMatchObject({ row: 3, ok: false, status: 403, code: 'FORBIDDEN_VILLAGE_SCOPE' });
    const entry = (await t.get('/api/v1/records/village-wangjiawan/entry/SR-W-1', wangClerk).expect(200)).body;
    expect(entry.amount).toEqual({ currency: 'CNY', minor: 200_050 });
    const seen = (await t.get('/api/v1/records?kind=entry&limit=500', wangClerk).expect(200)).body.records;
    expect(seen.map((r: { id: string }) => r.id)).toEqual(['SR-W-1']);
  });

  it('refuses an upload to a role that may not record, before reading it', async () => {
    const file = await workbook(INVESTMENT_HEADERS, [investmentRow(99)]);
    for (const step of ['preview', 'import'] as const) {
      const refused = await upload('investments', step, file, XLSX, supervisor).expect(403);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.detail).toMatch(CHINESE);
    }
  });

  it('answers a file that is no register with a 400 in Chinese, and one too large with a 413', async () => {
    const garbage = await upload('investments', 'preview', Buffer.from('not a workbook')).expect(400);
    expect(garbage.body).toMatchObject({ code: 'REGISTER_UNREADABLE' });
    expect(garbage.body.detail).toMatch(/Excel/);
    const missing = await upload(
      'investments',
      'preview',
      await workbook(['投资方', '签约日期'], [['某公司', '2024-01-01']]),
    ).expect(400);
    expect(missing.body.detail).toMatch(/缺少必填列：.*签约金额（万元）/);
    expect(errorPaths(missing.body)).toEqual(['file']);
    await upload('investments', 'import', Buffer.from('x'), 'application/pdf').expect(415);
    const huge = Buffer.alloc(21 * 1024 * 1024, 0x41);
    await upload('villages', 'preview', huge, 'text/csv').expect(413);
  });
});

/** supertest's parser for a binary answer. */
function binary(response: request.Response, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}
