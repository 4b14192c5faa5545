import { Section } from '../document';
import { IndicatorParagraphs } from './indicators';
import { Writer } from './writer';

/**
 * 经济发展: the prose written for it, then the economy's indicators by catalogue section (the
 * totals, the industries' shares, industry with its parks, agriculture, investment). Left out with
 * neither.
 */
export const economySection = (w: Writer, indicators: IndicatorParagraphs): Section | undefined => {
  const paragraphs = [...w.prose('economy'), ...indicators.economy];
  return paragraphs.length > 0 ? { heading: '经济发展', paragraphs } : undefined;
};
