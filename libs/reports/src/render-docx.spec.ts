import { ReportDocument } from './document';
import { renderDocx } from './render-docx';
import { APPENDIX_TITLE, buildWorkSummary } from './term-report';
import { contractDetails, contractSummary, fakeEvidence, LOG_STATE, traced } from './testing/contract-summary';
import { docxText } from './testing/report-text';
import { zipEntries } from './testing/zip-entries';

const HEADINGS = [
  '一、经济发展',
  '二、项目建设',
  '三、招商引资',
  '四、民生和社会事业',
  '五、平安建设和社会稳定',
  '六、审计监督和问题整改',
  '七、村级“三资”管理',
];

describe('a report as a Word document', () => {
  let doc: ReportDocument;
  beforeAll(async () => {
    const summary = contractSummary();
    summary.investment.bySector['新能源<script>&'] = { signings: 1, signed: { CNY: 100 } };
    doc = await buildWorkSummary(traced(summary, contractDetails()), {
      townshipName: '示范镇',
      generatedAt: new Date('2013-10-08T02:00:00Z'),
      edition: 'evidence',
      log: LOG_STATE,
      evidenceOf: fakeEvidence(),
    });
  });
  const xmlOf = async (edition: 'clean' | 'evidence') =>
    zipEntries(await renderDocx(doc, edition))
      .get('word/document.xml')!
      .toString('utf8');

  it('is a zip archive holding a Word document', async () => {
    const docx = await renderDocx(doc, 'clean');
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect([...zipEntries(docx).keys()]).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']),
    );
  });

  it('clean: the title, the headings and the text, no references, the stamp after the signature', async () => {
    const xml = await xmlOf('clean');
    const text = docxText(await renderDocx(doc, 'clean'));
    expect(text).toContain('示范镇第五届镇人民政府任期工作总结');
    for (const heading of HEADINGS) expect(text).toContain(heading);
    expect(text).toContain('协议引进内资17亿元、外资2900万美元');
    expect(xml).not.toContain('w:anchor="evidence_');
    expect(xml).not.toContain('<w:tbl>');
    expect(text).not.toContain(APPENDIX_TITLE);
    expect(text.indexOf('示范镇人民政府\n2013年10月8日')).toBeLessThan(text.indexOf('数据来源说明'));
    expect(text.trimEnd().split('\n').at(-1)).toBe(doc.stamp.lines.at(-1));
  });

  it('evidence: links each figure to its row of the appendix table', async () => {
    const xml = await xmlOf('evidence');
    const figures = doc.appendix.figures.length;
    expect(xml).toContain('<w:tbl>');
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(figures + 1);
    for (let n = 1; n <= figures; n++) {
      expect(xml).toContain(`w:anchor="evidence_${n}"`);
      expect(xml).toContain(`w:name="evidence_${n}"`);
    }
    expect(xml).toContain('investment.signed.domestic.CNY');
    // One event reference a line, then the count.
    const text = xml.replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, '');
    expect(text).toContain('investment-0@0、\ninvestment-1@1、\ninvestment-2@2\n（共3条记录）');
  });

  it('escapes names taken from the log as XML text', async () => {
    const xml = await xmlOf('evidence');
    expect(xml).toContain('&lt;script&gt;&amp;');
    expect(xml).not.toContain('<script>');
  });
});
