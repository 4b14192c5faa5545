import { LocalDate } from '../shared';

/** The level of the body that awarded an honour (荣誉的授予级别). */
export type HonourLevel = 'national' | 'provincial' | 'municipal' | 'county';
export const HONOUR_LEVELS: readonly HonourLevel[] = ['national', 'provincial', 'municipal', 'county'];

/** An honour the township received in its term (a title, an award), as a work summary lists them. */
export interface RecordHonour {
  type: 'RecordHonour';
  data: { honourId: string; title: string; awardedBy: string; awardedOn: LocalDate; level: HonourLevel };
}

export type HonourCommand = RecordHonour;
