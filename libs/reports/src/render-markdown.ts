import { describeEvidence, Figure, Paragraph, WorkSummary } from './work-summary';

/** Text that Markdown reads literally: the characters that would start markup are escaped. */
export const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);

/** A code span that holds any text, backticks included. */
const codeSpan = (text: string): string => {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
};

const paragraph = (inlines: Paragraph): string =>
  inlines
    .map((inline) =>
      inline.kind === 'text'
        ? escapeMarkdown(inline.text)
        : `${escapeMarkdown(inline.figure.text)}[^${inline.figure.number}]`,
    )
    .join('');

const footnote = (figure: Figure): string =>
  `[^${figure.number}]: ${codeSpan(figure.path)} ${escapeMarkdown(figure.text)}；依据事件：${escapeMarkdown(describeEvidence(figure))}`;

/**
 * The work summary as Markdown (GFM): each number is followed by a footnote naming its summary
 * figure and the events (stream@revision) behind it; the footnotes form the appendix.
 */
export const renderMarkdown = (doc: WorkSummary): string => {
  const blocks: string[] = [
    `# ${escapeMarkdown(doc.title)}`,
    escapeMarkdown(doc.subtitle),
    `> ${escapeMarkdown(doc.provenance)}`,
    ...doc.preamble.map(paragraph),
  ];
  for (const section of doc.sections)
    blocks.push(`## ${escapeMarkdown(section.heading)}`, ...section.paragraphs.map(paragraph));
  // Two trailing spaces: a hard line break between the issuer and the date.
  blocks.push(`${escapeMarkdown(doc.signature.issuer)}  \n${escapeMarkdown(doc.signature.date)}`);
  blocks.push(
    `## ${escapeMarkdown(doc.appendix.title)}`,
    escapeMarkdown(doc.appendix.note),
    ...doc.appendix.figures.map(footnote),
  );
  return `${blocks.join('\n\n')}\n`;
};
