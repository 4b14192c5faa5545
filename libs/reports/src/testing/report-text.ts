import { zipEntries } from './zip-entries';

/**
 * A space (of any width, not a line break) between a digit and a Chinese character, either way
 * round: what a government document never has ("59 个", "共 25").
 */
export const SPACE_BESIDE_DIGIT =
  /\d[ \t\u00a0\u2002-\u200b\u3000]+\p{Script=Han}|\p{Script=Han}[ \t\u00a0\u2002-\u200b\u3000]+\d/u;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name]);

/** The text a reader sees of an HTML page: tags and the style sheet removed, entities decoded. */
export const htmlText = (html: string): string =>
  decode(
    html
      .replace(/<style>[\s\S]*?<\/style>/g, '')
      .replace(/<(p|h\d|li|tr|br)\b[^>]*>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  );

/** The text of a Word document: its document.xml, one line per paragraph, runs joined as Word shows them. */
export const docxText = (docx: Buffer): string => {
  const xml = zipEntries(docx).get('word/document.xml')?.toString('utf8') ?? '';
  return xml
    .split('</w:p>')
    .map((paragraph) =>
      decode(
        [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
          .map((m) => (m[0] === '<w:br/>' ? '\n' : m[1]))
          .join(''),
      ),
    )
    .join('\n');
};

/** Where a space sits beside a digit, with what surrounds it (for a failing spec's message). */
export const spacesBesideDigits = (text: string): string[] =>
  [...text.matchAll(new RegExp(SPACE_BESIDE_DIGIT.source, 'gu'))].map((m) =>
    text.slice(Math.max(0, (m.index ?? 0) - 12), (m.index ?? 0) + m[0].length + 12),
  );
