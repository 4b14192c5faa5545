import { contractSummary, fakeEvidence } from './testing/contract-summary';
import { zipEntries } from './testing/zip-entries';
import { renderDocx } from './render-docx';
import { APPENDIX_TITLE, buildWorkSummary } from './work-summary';

describe('the work summary as a Word document', () => {
  let docx: Buffer;
  let xml: string;
  let figures: number;
  beforeAll(async () => {
    const summary = contractSummary();
    summary.investment.bySector['<script>&'] = { signings: 1, signed: { CNY: 100 } };
    const doc = await buildWorkSummary(summary, {
      townshipName: '示范镇',
      generatedAt: new Date('2013-10-08T02:00:00Z'),
      evidenceOf: fakeEvidence(),
    });
    figures = doc.appendix.figures.length;
    docx = await renderDocx(doc);
    xml = zipEntries(docx).get('word/document.xml')!.toString('utf8');
  });

  it('is a zip archive holding a Word document', () => {
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const entries = zipEntries(docx);
    expect([...entries.keys()]).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']),
    );
  });

  it('has the Chinese title, the section headings and the text with its figures', () => {
    expect(xml).toContain('示范镇第五届镇人民政府任期工作总结');
    for (const heading of [
      '一、招商引资成效显著',
      '二、项目建设扎实推进',
      '三、矛盾纠纷调处化解',
      '四、审计监督与整改',
      '五、村级财务规范管理',
      '六、主要经济指标',
      APPENDIX_TITLE,
    ])
      expect(xml).toContain(heading);
    expect(xml).toContain('17 亿元');
    expect(xml).toContain('2900 万美元');
  });

  it('links each figure to its row of the appendix table', () => {
    expect(xml).toContain('<w:tbl>');
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(figures + 1);
    for (let n = 1; n <= figures; n++) {
      expect(xml).toContain(`w:anchor="evidence_${n}"`);
      expect(xml).toContain(`w:name="evidence_${n}"`);
    }
    expect(xml).toContain('investment.signed.domestic.CNY');
    // One event reference a line, then the count.
    const text = xml.replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, '');
    expect(text).toContain('investment-0@0、\ninvestment-1@1、\ninvestment-2@2\n（共 3 条记录）');
  });

  it('escapes names taken from the log as XML text', () => {
    expect(xml).toContain('&lt;script&gt;&amp;');
    expect(xml).not.toContain('<script>');
  });
});
