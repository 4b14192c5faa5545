import { ReportEdition } from './document';
import { escapeHtml, renderHtml } from './render-html';
import { APPENDIX_TITLE, buildWorkSummary } from './term-report';
import { contractDetails, contractSummary, fakeEvidence, LOG_STATE, traced } from './testing/contract-summary';

const build = (summary = contractSummary(), townshipName = '示范镇', edition: ReportEdition = 'evidence') =>
  buildWorkSummary(traced(summary, contractDetails()), {
    townshipName,
    generatedAt: new Date('2013-10-08T02:00:00Z'),
    edition,
    log: LOG_STATE,
    evidenceOf: fakeEvidence((path) => (path === 'investment.signings' ? 25 : 2)),
  });

/** What a reader sees of a figure's first mention: its text and its reference number. */
const figureText = (html: string, path: string) => {
  const start = html.indexOf(`<span class="figure" data-figure="${path}" id=`);
  return html.slice(start, html.indexOf('</sup>', start)).replace(/<[^>]+>/g, '');
};

describe('a report as an HTML page', () => {
  it('is a complete, self-contained UTF-8 page in Chinese with CJK fonts', async () => {
    const html = renderHtml(await build(), 'clean');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>示范镇第五届镇人民政府任期工作总结</title>');
    expect(html).toMatch(/font-family: [^;]*"Noto Serif CJK SC"/);
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/<(link|script|img)\b|src=|url\(/); // nothing fetched from elsewhere
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('clean: the text alone, no reference marks, the provenance stamp after the signature', async () => {
    const html = renderHtml(await build(), 'clean');
    expect(html).not.toContain('<sup');
    expect(html).not.toContain('data-figure');
    expect(html).not.toContain(APPENDIX_TITLE);
    expect(html).toContain('<h2>三、招商引资</h2>');
    expect(html).toContain('本届共签约招商引资项目25个，协议引进内资17亿元、外资2900万美元');
    expect(html.indexOf('class="signature"')).toBeLessThan(html.indexOf('<aside class="stamp">'));
    expect(html).toContain('<h3>数据来源说明</h3>');
  });

  it('evidence: links every figure to its row in the appendix table, naming the figure path', async () => {
    const doc = await build();
    const html = renderHtml(doc, 'evidence');
    expect(html).toContain(`<h2>${APPENDIX_TITLE}</h2>`);
    for (const f of doc.appendix.figures) {
      expect(html).toContain(`<span class="figure" data-figure="${f.path}"`);
      expect(html).toContain(`<a href="#evidence-${f.number}"`);
      expect(html).toContain(`<tr id="evidence-${f.number}" data-figure="${f.path}">`);
      expect(html).toContain(`id="ref-${f.number}"`);
    }
    const signings = doc.appendix.figures.find((f) => f.path === 'investment.signings')!;
    expect(figureText(html, 'investment.signings')).toBe(`25个[${signings.number}]`);
    const money = doc.appendix.figures.find((f) => f.path === 'investment.signed.domestic.CNY')!;
    expect(figureText(html, money.path)).toBe(`17亿元[${money.number}]`);
    const row = html.split('\n').find((line) => line.startsWith(`<tr id="evidence-${signings.number}"`))!;
    expect(row).toContain(
      '<code title="Recorded · 2010-01-01 · 00000000-0000-4000-8000-000000000000">investment-0@0</code>',
    );
    expect(row).toContain('等共25条记录');
    expect(row.match(/<code title=/g)).toHaveLength(10);
  });

  it('escapes names taken from the log and the configuration', async () => {
    const summary = contractSummary();
    summary.investment.bySector = {
      '新能源<script>alert("x")</script>': { signings: 1, signed: { CNY: 100 } },
      '光伏"><img src=x onerror=alert(1)>': { signings: 1, signed: {} },
    };
    const html = renderHtml(await build(summary, '示范镇<b>&</b>'), 'evidence');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('新能源&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<span class="figure"');
    expect(html).toContain(
      'data-figure="investment.bySector.新能源&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;.signings"',
    );
    expect(html).toContain('<title>示范镇&lt;b&gt;&amp;&lt;/b&gt;第五届镇人民政府任期工作总结</title>');
  });

  it('escapes the five characters of HTML', () =>
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    ));
});
