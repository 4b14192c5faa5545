import type { TracedSummary } from '@sunshine/projections';
import { formatSpan } from './chinese-format';
import { ReportDocument, ReportEdition } from './document';
import { progressFigures, ProgressFigures } from './progress-json';
import { buildProgressReport, comparedSpan, SpanReading } from './progress-report';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { LogStateReader } from './stamp';
import { buildWorkSummary } from './term-report';

export const REPORT_FORMATS = ['markdown', 'html', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A progress report also answers as JSON: each figure, its comparison and its growth. */
export const PROGRESS_FORMATS = [...REPORT_FORMATS, 'json'] as const;
export type ProgressFormat = (typeof PROGRESS_FORMATS)[number];

export const REPORT_MEDIA_TYPES: Record<ProgressFormat, string> = {
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
};

const EXTENSIONS: Record<ProgressFormat, string> = { markdown: 'md', html: 'html', docx: 'docx', json: 'json' };

/** The document in one output format and edition, as the bytes of a file. */
export const renderReport = async (
  doc: ReportDocument,
  format: ReportFormat,
  edition: ReportEdition,
): Promise<Buffer> => {
  switch (format) {
    case 'markdown':
      return Buffer.from(renderMarkdown(doc, edition), 'utf8');
    case 'html':
      return Buffer.from(renderHtml(doc, edition), 'utf8');
    case 'docx':
      return renderDocx(doc, edition);
    default: {
      const unknown: never = format;
      throw new Error(`unknown report format ${unknown}`);
    }
  }
};

/**
 * What a term report reads: the term summary with the evidence of its figures and its details,
 * from one snapshot of the log, so every figure and its sources agree (ReadSide fits).
 */
export interface TermFiguresReader {
  traced(termId: string, knownAt?: string): Promise<TracedSummary>;
}

/** What a progress report reads: a span and the same span a year earlier, from one snapshot (ReadSide fits). */
export interface SpanFiguresReader {
  spans(
    current: { from: string; to: string },
    previous: { from: string; to: string },
    knownAt?: string,
  ): Promise<SpanReading>;
}

export interface GeneratedReport {
  bytes: Buffer;
  mediaType: string;
  /** A file name for the download, e.g. 示范镇任期工作总结-2021-2026.docx */
  fileName: string;
  /** The same name in ASCII, for clients that ignore `filename*`. */
  asciiFileName: string;
  /** The document written (absent for a progress report's JSON). */
  document?: ReportDocument;
}

export interface ReportOptions {
  edition: ReportEdition;
  townshipName: string;
  generatedAt: Date;
  knownAt?: string;
  log: LogStateReader;
}

const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]/g;

const named = (name: string, ascii: string, edition: ReportEdition, format: ProgressFormat) => {
  const extension = EXTENSIONS[format];
  const [suffix, asciiSuffix] =
    edition === 'evidence' && format !== 'json' ? ['（附数据来源）', '-evidence'] : ['', ''];
  return {
    fileName: `${name}${suffix}.${extension}`.replace(UNSAFE_IN_FILE_NAMES, '_'),
    asciiFileName: `${ascii}${asciiSuffix}.${extension}`.replace(UNSAFE_IN_FILE_NAMES, '_'),
  };
};

/** The work summary of a term as known now (or at `knownAt`), in one format and edition. */
export const generateReport = async (
  reader: TermFiguresReader,
  termId: string,
  options: ReportOptions & { format: ReportFormat },
): Promise<GeneratedReport> => {
  const traced = await reader.traced(termId, options.knownAt);
  const document = await buildWorkSummary(traced, {
    townshipName: options.townshipName,
    generatedAt: options.generatedAt,
    edition: options.edition,
    log: await options.log.logState(traced.summary.position),
    evidenceOf: async (figurePath) => traced.evidence(figurePath)?.events ?? [],
  });
  return {
    bytes: await renderReport(document, options.format, options.edition),
    mediaType: REPORT_MEDIA_TYPES[options.format],
    ...named(
      `${options.townshipName}任期工作总结-${termId}`,
      `work-summary-${termId}`,
      options.edition,
      options.format,
    ),
    document,
  };
};

/**
 * A progress report for any span (a year, 1–9月) as known now or at `knownAt`: the document in one
 * format and edition, or (format `json`) each figure beside the same span a year earlier.
 */
export const generateProgressReport = async (
  reader: SpanFiguresReader,
  span: { from: string; to: string },
  options: ReportOptions & { format: ProgressFormat },
): Promise<GeneratedReport & { figures: ProgressFigures }> => {
  const reading = await reader.spans(span, comparedSpan(span.from, span.to), options.knownAt);
  const figures = progressFigures(reading, options.townshipName);
  const file = named(
    `${options.townshipName}${formatSpan(span.from, span.to)}工作进展情况`,
    `progress-report-${span.from}-${span.to}`,
    options.edition,
    options.format,
  );
  if (options.format === 'json')
    return {
      bytes: Buffer.from(`${JSON.stringify(figures, null, 2)}\n`, 'utf8'),
      mediaType: REPORT_MEDIA_TYPES.json,
      ...file,
      figures,
    };
  const document = await buildProgressReport(reading, span, {
    townshipName: options.townshipName,
    generatedAt: options.generatedAt,
    edition: options.edition,
    log: await options.log.logState(reading.position),
  });
  return {
    bytes: await renderReport(document, options.format, options.edition),
    mediaType: REPORT_MEDIA_TYPES[options.format],
    ...file,
    document,
    figures,
  };
};
