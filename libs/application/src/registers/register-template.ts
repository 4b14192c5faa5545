import ExcelJS from 'exceljs';
import { wordFor } from '@sunshine/domain';
import { RegisterColumn, registerColumns, RegisterKind } from './registers';
import { csvLine, XLSX_TYPE } from './sheet-files';

/** Example values a clerk recognises, by command field; other columns get one made from their type. */
const EXAMPLES: Record<string, string> = {
  'RegisterVillage.name': '李家庄村',
  'SignInvestment.investor': '华东汽配有限公司',
  'RegisterProject.name': '李家庄村主干道硬化工程',
  'RegisterDispute.summary': '两户因宅基地界址发生争议',
  'RegisterDispute.parties.name': '张三、李四',
  'RegisterDispute.parties.idNumber': '、',
  'RegisterDispute.parties.phone': '13900000000、13800000000',
  'RecordMediation.mediator': '镇人民调解委员会 周玉梅',
  'RecordReceipt.counterparty': '镇财政所',
  'RecordReceipt.voucherNo': '收-2024-015',
  'RecordExpenditure.payee': '县第二建筑公司',
  'RecordExpenditure.voucherNo': '付-2024-008',
  'RecordExpenditure.approvalRef': '村民代表会议决议〔2024〕3号',
  'RegisterDebt.creditor': '县农村信用合作联社',
  'RecordFinding.description': '道路工程款以白条入账',
  'RecordHonour.title': '省级文明乡镇',
  'RecordHonour.awardedBy': '省精神文明建设委员会',
};

const PICKED: Record<string, string> = {
  village: '李家庄村',
  project: '李家庄村主干道硬化工程',
  investment: 'ZS-2024-001',
  dispute: 'TJ-2024-001',
  audit: 'SJ-2024-001',
  debt: 'ZW-2024-001',
  indicator: '地区生产总值',
};

const exampleOf = (register: RegisterKind, column: RegisterColumn): string => {
  const field = column.field.split('.').slice(1).join('.');
  const given = EXAMPLES[`${register.command}.${field}`];
  if (given !== undefined) return given;
  if (column.pick && PICKED[column.pick]) return PICKED[column.pick];
  switch (column.type) {
    case 'id':
      return column.newId ? `${column.newId}-2024-001` : '';
    case 'date':
      return '2024-03-05';
    case 'money':
      return column.unit === '万元' ? '1,200.5' : '3,000.00';
    case 'currency':
      return '人民币';
    case 'code':
      return column.options?.[0]?.label ?? '';
    case 'number':
      return '1,280,000';
    case 'quantity':
      return '12.5';
    case 'period':
      return '2024';
    default:
      return column.required ? `（${column.header}）` : '';
  }
};

/** How a column is filled in, for the explanation sheet. */
export const guidanceOf = (column: RegisterColumn): string => {
  const parts: string[] = [];
  if (column.type === 'id' && column.newId) parts.push(`编号；留空则按该行内容自动生成（${column.newId}-…）`);
  if (column.pick) parts.push(`填写${wordFor('recordKind', column.pick as never)}的编号或准确名称`);
  if (column.type === 'date') parts.push('日期，如 2024-03-05、2024/3/5 或 2024年3月5日；也可为 Excel 日期');
  if (column.type === 'money')
    parts.push(
      `金额，以${column.unit}计，如 1,200.5；单元格中也可写明单位（如 1,200.5万元）；最多精确到分，不能为负数`,
    );
  if (column.type === 'currency') parts.push('币种；留空为人民币，可填 CNY、USD、人民币、美元等');
  if (column.type === 'code')
    parts.push(`可填：${(column.options ?? []).map((o) => o.label).join('、')}${column.open ? '；也可填写其他' : ''}`);
  if (column.type === 'number') parts.push('数值；单位为元的指标以元计（也可写明万元），其他单位按原数填写');
  if (column.type === 'quantity') parts.push('数量，最多三位小数');
  if (column.type === 'period') parts.push('年度如 2024；或起止月份如 2024-01/2024-09');
  if (column.list) parts.push('多个时用顿号“、”分隔，与其他同组列一一对应');
  if (column.hint) parts.push(column.hint);
  return parts.join('；');
};

/** Excel forbids some characters in a sheet's name and more than 31 of them. */
const sheetName = (title: string): string => title.replace(/[\\/?*[\]:]/g, '').slice(0, 31);

const xlsxTemplate = async (register: RegisterKind): Promise<Buffer> => {
  const columns = registerColumns(register);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '阳光台账';
  const sheet = workbook.addWorksheet(sheetName(register.title));
  sheet.addRow(columns.map((c) => c.header));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((column, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = Math.max(12, column.header.length * 2 + 4);
    const header = sheet.getCell(1, i + 1);
    if (column.required) header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    header.note = `${column.required ? '必填。' : '选填。'}${guidanceOf(column)}`;
    // Text cells keep what is typed: ids like 001 and voucher numbers are not turned into numbers.
    if (column.type === 'id' || column.type === 'text' || column.type === 'period') col.numFmt = '@';
    if (column.type === 'date') col.numFmt = 'yyyy-mm-dd';
    const closed = column.type === 'code' && !column.open && column.options?.length;
    const list = (column.options ?? []).map((o) => o.label).join(',');
    if (closed && list.length < 250)
      for (let row = 2; row <= 1000; row++)
        sheet.getCell(row, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list}"`] };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const guide = workbook.addWorksheet('说明与示例');
  guide.addRow(columns.map((c) => c.header)).font = { bold: true };
  guide.addRow(columns.map((c) => exampleOf(register, c)));
  guide.addRow([]);
  guide.addRow(['列名', '是否必填', '填写说明']).font = { bold: true };
  for (const column of columns) guide.addRow([column.header, column.required ? '必填' : '选填', guidanceOf(column)]);
  guide.addRow([]);
  guide.addRow(['数据请填在第一个工作表，第一行为表头；序号、备注等其他列不影响导入。同一文件重复导入不会重复登记。']);
  guide.getColumn(3).width = 80;
  columns.forEach((_, i) => (guide.getColumn(i + 1).width = Math.max(guide.getColumn(i + 1).width ?? 0, 16)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/** UTF-8 with a BOM (what Excel opens correctly); the example row is commented out with #. */
const csvTemplate = (register: RegisterKind): Buffer => {
  const columns = registerColumns(register);
  const example = columns.map((c) => exampleOf(register, c));
  example[0] = `#示例：${example[0]}`;
  return Buffer.from(`\uFEFF${csvLine(columns.map((c) => c.header))}\r\n${csvLine(example)}\r\n`, 'utf8');
};

export interface RegisterFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

export const registerTemplate = async (register: RegisterKind, format: 'xlsx' | 'csv'): Promise<RegisterFile> =>
  format === 'xlsx'
    ? { body: await xlsxTemplate(register), contentType: XLSX_TYPE, filename: `${register.title}.xlsx` }
    : { body: csvTemplate(register), contentType: 'text/csv; charset=utf-8', filename: `${register.title}.csv` };
