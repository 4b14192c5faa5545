import { StreamableFile } from '@nestjs/common';
import { XLSX_MEDIA_TYPE, XlsxExport, xlsxWorkbook } from '@sunshine/reports';

/** RFC 6266 / 8187: an ASCII name for old clients and the UTF-8 name for the rest. */
export const contentDisposition = (kind: 'inline' | 'attachment', asciiName: string, name: string) =>
  `${kind}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/** `?format=xlsx` on a list an auditor reads: the same rows as the JSON answer, as a workbook to save. */
export const xlsxDownload = async (content: XlsxExport, asciiName: string, name: string): Promise<StreamableFile> => {
  const bytes = await xlsxWorkbook(content);
  return new StreamableFile(bytes, {
    type: XLSX_MEDIA_TYPE,
    length: bytes.length,
    disposition: contentDisposition('attachment', `${asciiName}.xlsx`, `${name}.xlsx`),
  });
};

/** The formats a list answers in. */
export const LIST_FORMATS = ['json', 'xlsx'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];
