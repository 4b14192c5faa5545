import {
  AlignmentType,
  BorderStyle,
  Bookmark,
  convertMillimetersToTwip,
  Document,
  Footer,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { describeEvidence, Figure, Paragraph as ReportParagraph, ReportDocument, ReportEdition } from './document';

// GB/T 9704 (official documents): title 小标宋 二号 (22 pt), headings 黑体 三号, text 仿宋 三号
// (16 pt), 28 pt lines. Latin text and digits in Times New Roman.
const FONT = { text: '仿宋', title: '方正小标宋简体', heading: '黑体', latin: 'Times New Roman' };
const font = (eastAsia: string) => ({ ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin, eastAsia });
const LINE_28PT = 560;
const RED = 'A40000';

const bookmarkOf = (figure: Figure) => `evidence_${figure.number}`;

const inlineRuns = (paragraph: ReportParagraph, edition: ReportEdition): ParagraphChild[] =>
  paragraph.flatMap((inline): ParagraphChild[] => {
    if (inline.kind === 'text') return [new TextRun(inline.text)];
    const { figure } = inline;
    if (edition === 'clean') return [new TextRun(figure.text)];
    return [
      new TextRun(figure.text),
      new InternalHyperlink({
        anchor: bookmarkOf(figure),
        children: [new TextRun({ text: `[${figure.number}]`, superScript: true, color: RED })],
      }),
    ];
  });

const bodyParagraph = (paragraph: ReportParagraph, edition: ReportEdition) =>
  new Paragraph({
    children: inlineRuns(paragraph, edition),
    indent: { firstLine: 640 },
    alignment: AlignmentType.JUSTIFIED,
  });

/** An appendix cell: 小五号 (9 pt), compact lines. */
const cell = (
  content: string | ParagraphChild[],
  widthPercent: number,
  options: { header?: boolean; right?: boolean } = {},
) =>
  new TableCell({
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: options.header ? { type: ShadingType.CLEAR, fill: 'F1EFE9', color: 'auto' } : undefined,
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { line: 276 },
        children:
          typeof content === 'string' ? [new TextRun({ text: content, bold: options.header, size: 18 })] : content,
      }),
    ],
  });

const COLUMNS = [
  ['编号', 7],
  ['数字', 18],
  ['数据路径', 23],
  ['事件数', 8],
  ['依据事件（事件流@版本号）', 44],
] as const;

/** One event reference a line, so that no stream name is broken across lines; then the count. */
const evidenceRuns = (figure: Figure): ParagraphChild[] => {
  const { total, events } = figure.evidence;
  if (total === 0) return [new TextRun({ text: describeEvidence(figure), size: 18 })];
  const more = total > events.length ? `等共${total}条记录` : `（共${total}条记录）`;
  return [
    ...events.map(
      (e, i) =>
        new TextRun({
          text: `${e.stream}@${e.revision}${i < events.length - 1 ? '、' : ''}`,
          break: i > 0 ? 1 : undefined,
          size: 18,
        }),
    ),
    new TextRun({ text: more, break: 1, size: 18, color: '555555' }),
  ];
};

const appendixTable = (figures: Figure[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: COLUMNS.map(([title, width]) => cell(title, width, { header: true })),
      }),
      ...figures.map(
        (figure) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(
                [
                  new Bookmark({
                    id: bookmarkOf(figure),
                    children: [new TextRun({ text: String(figure.number), size: 18 })],
                  }),
                ],
                COLUMNS[0][1],
                { right: true },
              ),
              cell(figure.label ?? figure.text, COLUMNS[1][1]),
              cell(figure.path, COLUMNS[2][1]),
              cell(String(figure.evidence.total), COLUMNS[3][1], { right: true }),
              cell(evidenceRuns(figure), COLUMNS[4][1]),
            ],
          }),
      ),
    ],
  });

/** The provenance stamp: small type under a rule, kept together, closing the last page of the text. */
const stampParagraphs = (doc: ReportDocument): Paragraph[] => [
  new Paragraph({
    spacing: { before: 480, after: 60, line: 300 },
    keepNext: true,
    border: { top: { style: BorderStyle.SINGLE, size: 4, color: '8C8C8C', space: 6 } },
    children: [new TextRun({ text: doc.stamp.title, size: 20, bold: true, font: font(FONT.heading) })],
  }),
  ...doc.stamp.lines.map(
    (line, i) =>
      new Paragraph({
        spacing: { line: 300 },
        keepNext: i < doc.stamp.lines.length - 1,
        children: [new TextRun({ text: line, size: 18, color: '333333' })],
      }),
  ),
];

const appendixParagraphs = (doc: ReportDocument): (Paragraph | Table)[] => {
  const { unlisted } = doc.appendix;
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      pageBreakBefore: true,
      children: [new TextRun(doc.appendix.title)],
    }),
    new Paragraph({
      spacing: { after: 120, line: 360 },
      children: [new TextRun({ text: doc.appendix.note, size: 21 })],
    }),
    appendixTable(doc.appendix.figures),
    ...(unlisted
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(unlisted.title)] }),
          ...unlisted.items.map(
            (item) =>
              new Paragraph({ spacing: { line: 360 }, children: [new TextRun({ text: `· ${item}`, size: 21 })] }),
          ),
        ]
      : []),
  ];
};

/**
 * A report as a Word document (.docx) laid out as GB/T 9704 asks. The clean edition is the text
 * and the provenance stamp; the evidence edition adds numbered references and the appendix table.
 */
export const renderDocx = async (doc: ReportDocument, edition: ReportEdition = 'clean'): Promise<Buffer> => {
  const document = new Document({
    title: doc.title,
    creator: 'Sunshine Ledger 阳光台账',
    description: doc.stamp.lines.join('\n'),
    styles: {
      default: {
        document: {
          run: { font: font(FONT.text), size: 32, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: LINE_28PT, lineRule: 'exact' } },
        },
        title: {
          run: { font: font(FONT.title), size: 44, bold: false, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 720, lineRule: 'exact' } },
        },
        heading1: {
          run: { font: font(FONT.heading), size: 32, bold: false, color: '000000' },
          paragraph: { spacing: { before: 120, line: LINE_28PT, lineRule: 'exact' }, keepNext: true },
        },
        heading2: {
          run: { font: font(FONT.heading), size: 28, bold: false, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: doc.subtitle, font: font('楷体') })],
          }),
          ...doc.preamble.map((p) => bodyParagraph(p, edition)),
          ...doc.sections.flatMap((section) => [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
            ...section.paragraphs.map((p) => bodyParagraph(p, edition)),
          ]),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 560 },
            children: [new TextRun(doc.signature.issuer)],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(doc.signature.date)] }),
          ...stampParagraphs(doc),
          ...(edition === 'evidence' ? appendixParagraphs(doc) : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
};
