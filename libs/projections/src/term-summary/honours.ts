import { HONOUR_LEVELS, HonourLevel } from '@sunshine/domain';
import { HonourDoc, refsOf } from '../records/record-docs';
import { Tally, TermWindow } from './figures';
import { HonourFigures } from './term-summary.types';

const PATH = ['honours'];

export const noHonours = (): HonourFigures => ({
  awarded: 0,
  byLevel: Object.fromEntries(HONOUR_LEVELS.map((level) => [level, 0])) as Record<HonourLevel, number>,
  list: {},
});

/** Honours awarded in the term, by their awardedOn; each listed with its title, awarding body and level. */
export const countHonour = (honour: HonourDoc, window: TermWindow, tally: Tally): void => {
  if (honour.voided || !window.includes(honour.awardedOn)) return;
  const recorded = refsOf(honour, [honour.refs[0]?.eventId]);
  tally.count([...PATH, 'awarded'], recorded);
  tally.count([...PATH, 'byLevel', honour.level], recorded);
  const { title, awardedBy, awardedOn, level } = honour;
  tally.trace([...PATH, 'list', honour.honourId], recorded);
  tally.state([...PATH, 'list', honour.honourId], { title, awardedBy, awardedOn, level });
};
