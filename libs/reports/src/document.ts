import type { EventRef } from '@sunshine/projections';

/** How many of a figure's events the evidence appendix lists by name; the rest are counted. */
export const EVIDENCE_LISTED = 10;

/**
 * The two editions of a report. `clean` is the document a township hands in: no note markers and
 * no appendix, the provenance stamp on its last page. `evidence` numbers every figure with a note
 * and lists the events behind each one in an appendix, for auditors.
 */
export const REPORT_EDITIONS = ['clean', 'evidence'] as const;
export type ReportEdition = (typeof REPORT_EDITIONS)[number];

/** One number of the report, with the summary figure it states and the events behind it. */
export interface Figure {
  /** 1, 2, … in order of first appearance: the note and appendix number. */
  number: number;
  /** The dotted path of the figure (for summary figures, as `…/summary/evidence?figure=` takes it). */
  path: string;
  /** As printed, e.g. "17亿元", "59个", "增长1.8倍"; empty for the note after a section's prose. */
  text: string;
  /** What the appendix calls a figure printed as nothing: "前言（文字）". */
  label?: string;
  evidence: {
    /** How many events produced the figure. */
    total: number;
    /** The first of them in log order, at most EVIDENCE_LISTED. */
    events: EventRef[];
  };
}

export type Inline = { kind: 'text'; text: string } | { kind: 'figure'; figure: Figure };

export type Paragraph = Inline[];

export interface Section {
  heading: string;
  paragraphs: Paragraph[];
}

/** Where the figures come from: what an auditor needs to hold the document against the log. */
export interface ProvenanceStamp {
  title: string;
  lines: string[];
}

/** A work summary or a progress report as a document, before any output format. */
export interface ReportDocument {
  title: string;
  /** The span it covers, under the title: "（2021年10月1日—2026年9月30日）". */
  subtitle: string;
  preamble: Paragraph[];
  sections: Section[];
  /** The issuing government and the date, under the text. */
  signature: { issuer: string; date: string };
  stamp: ProvenanceStamp;
  /** The evidence edition's appendix: every figure with its events, and what the prose left out. */
  appendix: {
    title: string;
    note: string;
    figures: Figure[];
    /** Records of codes the report has no Chinese word for, kept out of the prose (listed here only). */
    unlisted: { title: string; items: string[] } | null;
  };
  meta: {
    townshipName: string;
    from: string;
    to: string;
    knownAt: string | null;
    position: string | null;
    generatedAt: string;
  } & Record<string, unknown>;
}

type Part = string | Inline | readonly Inline[];

/** Prose with figures in it: `text\`共${figure}个。\``; adjacent text is merged. */
export const text = (strings: TemplateStringsArray, ...parts: Part[]): Inline[] => {
  const inlines: Inline[] = [];
  const push = (part: Part): void => {
    if (typeof part === 'string') {
      if (part === '') return;
      const last = inlines[inlines.length - 1];
      if (last?.kind === 'text') inlines[inlines.length - 1] = { kind: 'text', text: last.text + part };
      else inlines.push({ kind: 'text', text: part });
    } else if (Array.isArray(part)) (part as readonly Inline[]).forEach(push);
    else if ((part as Inline).kind === 'text') push((part as { text: string }).text);
    else inlines.push(part as Inline);
  };
  strings.forEach((s, i) => {
    push(s);
    if (i < parts.length) push(parts[i]);
  });
  return inlines;
};

/** Clauses joined by a separator; empty clauses are dropped. */
export const join = (items: readonly (readonly Inline[])[], separator: string): Inline[] =>
  items
    .filter((item) => item.length > 0)
    .flatMap((item, i) => (i === 0 ? [...item] : [{ kind: 'text' as const, text: separator }, ...item]));

/** The plain text of a paragraph, as the clean edition prints it. */
export const plainText = (paragraph: Paragraph): string =>
  paragraph.map((inline) => (inline.kind === 'text' ? inline.text : inline.figure.text)).join('');

/** "investment-ZS-1@0、investment-ZS-2@0等共66条记录": a figure's events as the appendix lists them. */
export const describeEvidence = (figure: Figure): string => {
  const { total, events } = figure.evidence;
  if (total === 0) return '无相关事件';
  const listed = events.map((e) => `${e.stream}@${e.revision}`).join('、');
  return total > events.length ? `${listed}等共${total}条记录` : `${listed}（共${total}条记录）`;
};

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];

/** Headings numbered 一、二、… in the order the sections stand (sections left out leave no gap). */
export const numberSections = (sections: readonly Section[]): Section[] =>
  sections.map((section, i) => ({ ...section, heading: `${CHINESE_NUMERALS[i]}、${section.heading}` }));
