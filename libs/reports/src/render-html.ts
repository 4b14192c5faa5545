import { describeEvidence, Figure, Paragraph, ReportDocument, ReportEdition } from './document';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values as HTML shows them literally. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

// Official documents set the title in 小标宋, headings in 黑体 and the text in 仿宋 (GB/T 9704);
// each stack falls back to the Noto / Source Han CJK faces that Linux and print servers carry.
const SERIF =
  '"FangSong", "STFangsong", "仿宋", "仿宋_GB2312", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif';
const TITLE =
  '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "STZhongsong", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif';
const SANS =
  '"SimHei", "黑体", "Heiti SC", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
const MONO = '"DejaVu Sans Mono", "Menlo", "Consolas", "Noto Sans Mono CJK SC", monospace';

const STYLE = `
@page { size: A4; margin: 25mm 24mm 22mm; }
* { box-sizing: border-box; }
html { background: #eceae4; color: #1b1b1b; font-family: ${SERIF}; font-size: 16pt; line-height: 1.75; }
body { margin: 0; padding: 24px 0; }
main { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 25mm 24mm 22mm; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, .18); }
h1 { font-family: ${TITLE}; font-size: 22pt; font-weight: 700; line-height: 1.45; text-align: center; margin: 0 0 .2em; letter-spacing: .02em; }
.subtitle { font-size: 14pt; text-align: center; text-indent: 0; margin: 0 0 1em; }
h2 { font-family: ${SANS}; font-size: 16pt; font-weight: 400; margin: 1em 0 .3em; line-height: 1.6; break-after: avoid; }
p { text-indent: 2em; text-align: justify; margin: 0 0 .35em; }
sup.ref { font-family: ${SANS}; font-size: 8pt; line-height: 0; margin-left: 1px; }
sup.ref a { color: #a40000; text-decoration: none; }
.signature { text-indent: 0; text-align: right; margin-top: 2em; }
/* The provenance stamp closes the document's last page, in small type under a rule. */
.stamp { margin-top: 2.5em; padding-top: .6em; border-top: 1px solid #8c8c8c; font-family: ${SANS}; font-size: 9pt; line-height: 1.6; color: #333; break-inside: avoid; }
.stamp h3 { font-size: 10pt; margin: 0 0 .3em; font-weight: 700; }
.stamp p { text-indent: 0; text-align: left; margin: 0; overflow-wrap: anywhere; }
.appendix h3 { font-family: ${SANS}; font-size: 12pt; margin: 1.2em 0 .3em; }
.unlisted { font-family: ${SANS}; font-size: 10pt; }
.appendix { break-before: page; margin-top: 3em; }
.appendix h2 { font-size: 14pt; }
.appendix .note { font-family: ${SANS}; font-size: 10pt; line-height: 1.6; text-indent: 0; color: #333; }
table { width: 100%; border-collapse: collapse; font-family: ${SANS}; font-size: 9pt; line-height: 1.45; margin-top: .6em; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #8c8c8c; padding: 3px 5px; vertical-align: top; text-align: left; }
th { background: #f1efe9; font-weight: 700; white-space: nowrap; }
td.number, td.count { text-align: right; white-space: nowrap; }
td.value { white-space: nowrap; }
td.path code, td.events code { font-family: ${MONO}; font-size: 8pt; }
td.path { width: 24%; overflow-wrap: anywhere; }
/* An event reference is kept whole on a line; lines break between references. */
td.events code { display: inline-block; max-width: 100%; overflow-wrap: anywhere; }
td.events .more { color: #555; white-space: nowrap; }
tr:target { background: #fff4cc; }
a.back { color: #a40000; text-decoration: none; }
.figure:target { background: #fff4cc; }
@media print {
  html { background: none; font-size: 14pt; }
  body { padding: 0; }
  main { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  a.back { color: inherit; }
}
`;

const paragraph = (inlines: Paragraph, edition: ReportEdition, seen: Set<number>): string => {
  const body = inlines
    .map((inline) => {
      if (inline.kind === 'text') return escapeHtml(inline.text);
      const { figure } = inline;
      if (edition === 'clean') return escapeHtml(figure.text);
      // The first mention of a figure is the anchor the appendix links back to.
      const id = seen.has(figure.number) ? '' : ` id="ref-${figure.number}"`;
      seen.add(figure.number);
      const ref = `<sup class="ref"><a href="#evidence-${figure.number}" title="数据来源${figure.number}：${escapeHtml(figure.path)}">[${figure.number}]</a></sup>`;
      return `<span class="figure" data-figure="${escapeHtml(figure.path)}"${id}>${escapeHtml(figure.text)}${ref}</span>`;
    })
    .join('');
  return `<p>${body}</p>`;
};

/** A figure path that may wrap after its dots rather than inside a key. */
const breakableAtDots = (path: string): string => escapeHtml(path).replace(/\./g, '.<wbr>');

const evidenceCell = (figure: Figure): string => {
  const { total, events } = figure.evidence;
  if (total === 0) return '无相关事件';
  const listed = events
    .map(
      (e) =>
        `<code title="${escapeHtml(`${e.type} · ${e.occurredOn} · ${e.eventId}`)}">${escapeHtml(`${e.stream}@${e.revision}`)}</code>`,
    )
    .join('、');
  return total > events.length
    ? `${listed}<span class="more">等共${total}条记录</span>`
    : `${listed}<span class="more">（共${total}条记录）</span>`;
};

const appendixRow = (figure: Figure): string =>
  `<tr id="evidence-${figure.number}" data-figure="${escapeHtml(figure.path)}">` +
  `<td class="number"><a class="back" href="#ref-${figure.number}" title="回到正文">${figure.number}</a></td>` +
  `<td class="value">${escapeHtml(figure.label ?? figure.text)}</td>` +
  `<td class="path"><code>${breakableAtDots(figure.path)}</code></td>` +
  `<td class="count">${figure.evidence.total}</td>` +
  `<td class="events" title="${escapeHtml(describeEvidence(figure))}">${evidenceCell(figure)}</td></tr>`;

const appendix = (doc: ReportDocument): string => {
  const { unlisted } = doc.appendix;
  return `<section class="appendix">
<h2>${escapeHtml(doc.appendix.title)}</h2>
<p class="note">${escapeHtml(doc.appendix.note)}</p>
<table>
<thead><tr><th>编号</th><th>数字</th><th>数据路径</th><th>事件数</th><th>依据事件（事件流@版本号）</th></tr></thead>
<tbody>
${doc.appendix.figures.map(appendixRow).join('\n')}
</tbody>
</table>
${unlisted ? `<h3>${escapeHtml(unlisted.title)}</h3>\n<ul class="unlisted">${unlisted.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : ''}
</section>`;
};

/**
 * A report as one self-contained, printable HTML page. The clean edition is the text with the
 * provenance stamp at its end; in the evidence edition each number links to its row in the
 * appendix table of evidence and names its figure in `data-figure`.
 */
export const renderHtml = (doc: ReportDocument, edition: ReportEdition = 'clean'): string => {
  const seen = new Set<number>();
  const sections = doc.sections
    .map(
      (section) =>
        `<section>\n<h2>${escapeHtml(section.heading)}</h2>\n${section.paragraphs.map((p) => paragraph(p, edition, seen)).join('\n')}\n</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Sunshine Ledger 阳光台账">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="${edition}">
<header>
<h1>${escapeHtml(doc.title)}</h1>
<p class="subtitle">${escapeHtml(doc.subtitle)}</p>
</header>
${doc.preamble.map((p) => paragraph(p, edition, seen)).join('\n')}
${sections}
<p class="signature">${escapeHtml(doc.signature.issuer)}<br>${escapeHtml(doc.signature.date)}</p>
<aside class="stamp">
<h3>${escapeHtml(doc.stamp.title)}</h3>
${doc.stamp.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
</aside>
${edition === 'evidence' ? appendix(doc) : ''}
</main>
</body>
</html>
`;
};
