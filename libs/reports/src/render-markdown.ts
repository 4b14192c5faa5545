import { describeEvidence, Figure, Paragraph, ReportDocument, ReportEdition } from './document';

/** Text that Markdown reads literally: the characters that would start markup are escaped. */
export const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`);

/** A code span that holds any text, backticks included. */
const codeSpan = (text: string): string => {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
};

const paragraph = (inlines: Paragraph, edition: ReportEdition): string =>
  inlines
    .map((inline) => {
      if (inline.kind === 'text') return escapeMarkdown(inline.text);
      const shown = escapeMarkdown(inline.figure.text);
      return edition === 'evidence' ? `${shown}[^${inline.figure.number}]` : shown;
    })
    .join('');

const footnote = (figure: Figure): string =>
  `[^${figure.number}]: ${codeSpan(figure.path)} ${escapeMarkdown(figure.label ?? figure.text)}；依据事件：${escapeMarkdown(describeEvidence(figure))}`;

/**
 * A report as Markdown (GFM). The clean edition is the text alone with the provenance stamp at
 * its end; the evidence edition follows each number with a footnote naming its figure and the
 * events (stream@revision) behind it, the footnotes forming the appendix.
 */
export const renderMarkdown = (doc: ReportDocument, edition: ReportEdition = 'clean'): string => {
  const blocks: string[] = [
    `# ${escapeMarkdown(doc.title)}`,
    escapeMarkdown(doc.subtitle),
    ...doc.preamble.map((p) => paragraph(p, edition)),
  ];
  for (const section of doc.sections)
    blocks.push(`## ${escapeMarkdown(section.heading)}`, ...section.paragraphs.map((p) => paragraph(p, edition)));
  // Two trailing spaces: a hard line break between the issuer and the date.
  blocks.push(`${escapeMarkdown(doc.signature.issuer)}  \n${escapeMarkdown(doc.signature.date)}`);
  blocks.push('---', `**${escapeMarkdown(doc.stamp.title)}**`, doc.stamp.lines.map(escapeMarkdown).join('  \n'));
  if (edition === 'evidence') {
    blocks.push(
      `## ${escapeMarkdown(doc.appendix.title)}`,
      escapeMarkdown(doc.appendix.note),
      ...doc.appendix.figures.map(footnote),
    );
    const { unlisted } = doc.appendix;
    if (unlisted)
      blocks.push(
        `### ${escapeMarkdown(unlisted.title)}`,
        unlisted.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n'),
      );
  }
  return `${blocks.join('\n\n')}\n`;
};
