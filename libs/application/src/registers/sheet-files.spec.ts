import iconv from 'iconv-lite';
import { decodeText, parseCsv, readCsv, UnreadableFile } from './sheet-files';

describe('reading a CSV register', () => {
  it('keeps quoted commas, doubled quotes and line breaks inside a field, numbering records by their first line', () => {
    const records = parseCsv('村,金额（元）,备注\r\n东村,"1,200.50","他说""好""\n第二行"\r\n西村,3,\r\n');
    expect(records).toEqual([
      { row: 1, cells: ['村', '金额（元）', '备注'] },
      { row: 2, cells: ['东村', '1,200.50', '他说"好"\n第二行'] },
      { row: 4, cells: ['西村', '3', ''] },
    ]);
  });

  it('reads UTF-8 with or without a BOM, GB18030 when the bytes are not UTF-8, and a charset it is told', () => {
    const text = '村名\r\n宋家店村\r\n';
    expect(decodeText(Buffer.from(`\uFEFF${text}`, 'utf8'))).toBe(text);
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeText(iconv.encode(text, 'gbk'))).toBe(text);
    expect(decodeText(iconv.encode(text, 'gb18030'), 'GB18030')).toBe(text);
    expect(() => decodeText(Buffer.from(text), 'klingon-8')).toThrow(UnreadableFile);
  });

  it('skips blank rows and rows commented out with #, keeping the sheet row numbers of the others', () => {
    const sheet = readCsv(Buffer.from('村编号,村名\n#示例：C-1,李家庄村\n\ndongcun,东村\n'));
    expect(sheet.headers).toEqual(['村编号', '村名']);
    expect(sheet.rows).toEqual([{ row: 4, cells: ['dongcun', '东村'] }]);
  });

  it('refuses a quote that never closes', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(UnreadableFile);
  });
});
