import type { EventRef, TermSummary } from '@sunshine/projections';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { buildWorkSummary, WorkSummary } from './work-summary';

export const REPORT_FORMATS = ['markdown', 'html', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const EXTENSIONS: Record<ReportFormat, string> = { markdown: 'md', html: 'html', docx: 'docx' };

/** The document in one output format, as the bytes of a file. */
export const renderReport = async (doc: WorkSummary, format: ReportFormat): Promise<Buffer> => {
  switch (format) {
    case 'markdown':
      return Buffer.from(renderMarkdown(doc), 'utf8');
    case 'html':
      return Buffer.from(renderHtml(doc), 'utf8');
    case 'docx':
      return renderDocx(doc);
    default: {
      const unknown: never = format;
      throw new Error(`unknown report format ${unknown}`);
    }
  }
};

/**
 * What the report reads: the term summary with the evidence of its figures, from one snapshot of
 * the log, so every figure and its sources agree (ReadSide fits).
 */
export interface TermFiguresReader {
  traced(
    termId: string,
    knownAt?: string,
  ): Promise<{ summary: TermSummary; evidence(figurePath: string): { events: EventRef[] } | undefined }>;
}

export interface GeneratedReport {
  bytes: Buffer;
  mediaType: string;
  /** A file name for the download, e.g. 示范镇任期工作总结-2021-2026.docx */
  fileName: string;
  /** The same name in ASCII, for clients that ignore `filename*`. */
  asciiFileName: string;
  document: WorkSummary;
}

const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]/g;

/** The work summary of a term as known now (or at `knownAt`), rendered in one format. */
export const generateReport = async (
  reader: TermFiguresReader,
  termId: string,
  options: { format: ReportFormat; townshipName: string; generatedAt: Date; knownAt?: string },
): Promise<GeneratedReport> => {
  const { summary, evidence } = await reader.traced(termId, options.knownAt);
  const document = await buildWorkSummary(summary, {
    townshipName: options.townshipName,
    generatedAt: options.generatedAt,
    evidenceOf: async (figurePath) => evidence(figurePath)?.events ?? [],
  });
  const extension = EXTENSIONS[options.format];
  return {
    bytes: await renderReport(document, options.format),
    mediaType: REPORT_MEDIA_TYPES[options.format],
    fileName: `${options.townshipName}任期工作总结-${termId}.${extension}`.replace(UNSAFE_IN_FILE_NAMES, '_'),
    asciiFileName: `work-summary-${termId}.${extension}`.replace(UNSAFE_IN_FILE_NAMES, '_'),
    document,
  };
};
