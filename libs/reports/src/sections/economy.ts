import { hasWordFor, wordFor } from '@sunshine/domain';
import type { EventRef, SpanIndicators } from '@sunshine/projections';
import {
  formatGrowth,
  formatMoney,
  formatMoneyInUnits,
  formatPercentValue,
  formatPeriod,
  formatPointsChange,
  formatQuantity,
  formatShareOf,
} from '../chinese-format';
import { Inline, join, Paragraph, Section, text } from '../document';
import {
  byIndicatorOrder,
  ECONOMY_SECTIONS,
  indicatorKind,
  indicatorName,
  indicatorSection,
} from '../indicator-catalogue';
import { Writer } from './writer';

/** An indicator's value in its own unit, or undefined for a unit the report has no word for. */
export const valueText = (value: number, unit: string | null): string | undefined => {
  switch (indicatorKind(unit)) {
    case 'amount':
      return formatMoney(value, 'CNY');
    case 'per-capita':
      return formatMoneyInUnits(value, 'CNY');
    case 'percent':
      return formatPercentValue(value);
    case 'count':
      return `${formatQuantity(value)}${wordFor('indicatorUnit', 'count')}`;
    case 'quantity':
      if (unit === null) return formatQuantity(value);
      if (hasWordFor('indicatorUnit', unit)) return `${formatQuantity(value)}${wordFor('indicatorUnit', unit)}`;
      // A unit typed as free Chinese words (吨, 亩) reads as itself; a code-like one is not printed.
      return /^[\x21-\x7e]+$/.test(unit) ? undefined : `${formatQuantity(value)}${unit}`;
  }
};

/** The change between two values: 百分点 for shares and rates, a growth rate (or 倍) for the rest. */
const changeText = (first: number, last: number, unit: string | null): string | undefined =>
  indicatorKind(unit) === 'percent' ? formatPointsChange(first, last) : formatGrowth(first, last);

interface Stated {
  code: string;
  unit: string | null;
  sentence: Inline[];
}

/**
 * Indicators grouped into paragraphs: by section (the economy's, then the livelihood ones), and
 * within a section the totals first, the shares and rates (三次产业比重) in a paragraph of their own.
 */
const grouped = (stated: Stated[]): { economy: Paragraph[]; livelihood: Paragraph[] } => {
  const paragraphs = new Map<string, Inline[][]>();
  for (const { code, unit, sentence } of stated.sort((a, b) => byIndicatorOrder(a.code, b.code))) {
    const key = `${indicatorSection(code)}/${indicatorKind(unit) === 'percent' ? 'shares' : 'totals'}`;
    paragraphs.set(key, [...(paragraphs.get(key) ?? []), sentence]);
  }
  const sectionOf = (key: string) => key.split('/')[0];
  const rank = (key: string) => {
    const i = ECONOMY_SECTIONS.indexOf(sectionOf(key));
    return (i < 0 ? ECONOMY_SECTIONS.length : i) * 2 + (key.endsWith('/shares') ? 1 : 0);
  };
  const keys = [...paragraphs.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const paragraph = (key: string) => text`${join(paragraphs.get(key) as Inline[][], '；')}。`;
  return {
    economy: keys.filter((k) => sectionOf(k) !== 'livelihood').map(paragraph),
    livelihood: keys.filter((k) => sectionOf(k) === 'livelihood').map(paragraph),
  };
};

/** Whether an indicator can be stated: a Chinese name and a unit the report can print; else it is listed aside. */
const nameable = (w: Writer, code: string, unit: string | null, sample: number | undefined): string | undefined => {
  const name = indicatorName(code);
  const printable = sample === undefined || valueText(sample, unit) !== undefined;
  if (name && printable) return name;
  w.unlisted.add(
    '指标',
    code,
    sample === undefined ? '无数值' : `${formatQuantity(sample)}${unit ? `（${unit}）` : ''}`,
  );
  return undefined;
};

/**
 * The term's indicators: each from its first to its last year in the term ("由2021年的2.9亿元
 *增加到2025年的8亿元，增长1.8倍"; a share "下降2个百分点"), and its target's completion.
 */
export const termIndicators = (w: Writer): { economy: Paragraph[]; livelihood: Paragraph[] } => {
  const stated: Stated[] = [];
  for (const [code, figures] of Object.entries(w.summary.indicators)) {
    const { unit, first, last, target } = figures;
    const name = nameable(w, code, unit, last?.value ?? target?.value);
    if (!name) continue;
    const path = `indicators.${code}`;
    const value = (at: string, amount: number) => w.figure(`${path}.${at}`, valueText(amount, unit) as string);
    const percent = indicatorKind(unit) === 'percent';
    const parts: Inline[][] = [];
    if (first && last && first.period !== last.period) {
      const verb =
        last.value === first.value
          ? '保持在'
          : last.value > first.value
            ? percent
              ? '提高到'
              : '增加到'
            : percent
              ? '下降到'
              : '减少到';
      const change = changeText(first.value, last.value, unit);
      parts.push(
        text`${name}由${formatPeriod(first.period)}的${value('first.value', first.value)}${verb}${formatPeriod(last.period)}的${value('last.value', last.value)}${
          change && last.value !== first.value ? text`，${w.figure(`${path}.ratio`, change)}` : ''
        }`,
      );
    } else if (last) parts.push(text`${name}${formatPeriod(last.period)}为${value('last.value', last.value)}`);
    if (target) {
      const { reported, completion } = target;
      const done =
        reported === null
          ? ''
          : text`，${formatPeriod(reported.period)}完成${value('target.reported.value', reported.value)}${
              completion !== null && !percent && target.value > 0
                ? text`，完成目标的${w.figure(`${path}.target.completion`, formatShareOf(reported.value, target.value))}`
                : ''
            }`;
      parts.push(text`${formatPeriod(target.period)}${name}目标为${value('target.value', target.value)}${done}`);
    }
    if (parts.length > 0) stated.push({ code, unit, sentence: join(parts, '；') });
  }
  return grouped(stated);
};

/**
 * A span's indicators: the value of the latest-ending period inside the span beside the same
 * period a year earlier ("地区生产总值2025年1—9月为6亿元，较去年同期增长8.1%"), and each target's
 * completion by the span's end.
 */
export const spanIndicators = (
  w: Writer,
  indicators: SpanIndicators,
): { economy: Paragraph[]; livelihood: Paragraph[] } => {
  const stated = new Map<string, { unit: string | null; sentences: Inline[][] }>();
  const state = (code: string, unit: string | null, sentence: Inline[]) =>
    stated.set(code, { unit, sentences: [...(stated.get(code)?.sentences ?? []), sentence] });
  const named = new Map<string, string | undefined>();
  const nameOf = (code: string, unit: string | null, sample: number) => {
    if (!named.has(code)) named.set(code, nameable(w, code, unit, sample));
    return named.get(code);
  };
  const seen = new Set<string>();
  for (const v of indicators.values) {
    // The latest-ending (longest) period of each indicator comes first: it is the one stated.
    if (seen.has(v.indicator)) continue;
    seen.add(v.indicator);
    const name = nameOf(v.indicator, v.unit, v.value);
    if (!name) continue;
    const change = v.previous ? changeText(v.previous.value, v.value, v.unit) : undefined;
    state(
      v.indicator,
      v.unit,
      text`${name}${formatPeriod(v.period)}为${w.figure(`indicators.${v.indicator}.${v.period}.value`, valueText(v.value, v.unit) as string, v.events)}${
        change ? `，较去年同期${change}` : ''
      }`,
    );
  }
  for (const t of indicators.targets) {
    const name = nameOf(t.indicator, t.unit, t.target);
    if (!name) continue;
    const path = `targets.${t.indicator}.${t.period}`;
    const events: readonly EventRef[] = t.events;
    const value = (at: string, amount: number) =>
      w.figure(`${path}.${at}`, valueText(amount, t.unit) as string, events);
    const done =
      t.reported === null
        ? ''
        : text`，${formatPeriod(t.reported.period)}完成${value('reported', t.reported.value)}${
            t.completion !== null && indicatorKind(t.unit) !== 'percent' && t.target > 0
              ? text`，完成目标的${w.figure(`${path}.completion`, formatShareOf(t.reported.value, t.target), events)}`
              : ''
          }`;
    state(t.indicator, t.unit, text`${formatPeriod(t.period)}${name}目标为${value('target', t.target)}${done}`);
  }
  return grouped([...stated].map(([code, { unit, sentences }]) => ({ code, unit, sentence: join(sentences, '；') })));
};

/** 经济发展: the economy's indicators by section. Left out without an indicator it can name. */
export const economySection = (paragraphs: Paragraph[]): Section | undefined =>
  paragraphs.length > 0 ? { heading: '经济发展', paragraphs } : undefined;
