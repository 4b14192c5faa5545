import { ReportSection, wordFor } from '@sunshine/domain';
import { Section } from '../document';
import { Writer } from './writer';

/** A section of prose alone (存在的困难和问题, 下一步工作打算), headed by its word; left out when not written. */
export const proseSection = (w: Writer, section: ReportSection): Section | undefined => {
  const paragraphs = w.prose(section);
  return paragraphs.length > 0 ? { heading: wordFor('reportSection', section), paragraphs } : undefined;
};
