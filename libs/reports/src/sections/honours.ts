import { HONOUR_LEVELS, wordFor } from '@sunshine/domain';
import { join, Paragraph, Section, text } from '../document';
import { Writer } from './writer';

const yearAndMonth = (date: string): string => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月`;

/** A title as a document quotes it: “全国文明村镇”, a title already in quotes or 《》 as written. */
const quoted = (title: string): string => (/^[“《"「]/.test(title) ? title : `“${title}”`);

/**
 * 所获荣誉: the honours awarded in the span, counted by level, then listed level by level (the
 * highest first), each in the order awarded, with the body that awarded it and when. Left out
 * without an honour.
 */
export const honoursSection = (w: Writer): Section | undefined => {
  const { honours } = w.summary;
  if (honours.awarded === 0) return undefined;
  const levels = HONOUR_LEVELS.filter((level) => honours.byLevel[level] > 0);
  const counts = levels.map(
    (level) =>
      text`${wordFor('honourLevel', level)}${w.count(`honours.byLevel.${level}`, honours.byLevel[level], '项')}`,
  );
  const paragraphs: Paragraph[] = [
    text`${w.words.span}共获得各级荣誉${w.count('honours.awarded', honours.awarded, '项', w.before?.honours.awarded)}${
      levels.length > 1 ? text`，其中${join(counts, '、')}` : ''
    }。`,
  ];
  const entries = Object.entries(honours.list);
  for (const level of levels) {
    const awarded = entries
      .filter(([, honour]) => honour.level === level)
      .sort(([a, x], [b, y]) => (x.awardedOn < y.awardedOn ? -1 : x.awardedOn > y.awardedOn ? 1 : a < b ? -1 : 1))
      .map(
        ([honourId, honour]) =>
          text`${quoted(honour.title)}（${honour.awardedBy}，${w.figure(`honours.list.${honourId}`, yearAndMonth(honour.awardedOn))}）`,
      );
    paragraphs.push(text`${wordFor('honourLevel', level)}：${join(awarded, '；')}。`);
  }
  return { heading: '所获荣誉', paragraphs };
};
