import type { EventRef, SpanIndicators } from '@sunshine/projections';
import { IndicatorKind, IndicatorSection } from '@sunshine/domain';
import { formatPeriod, formatQuantity, formatShareOf } from '../chinese-format';
import { Inline, join, Paragraph, text } from '../document';
import {
  byIndicatorOrder,
  changeText,
  changeVerb,
  IndicatorIdentity,
  IndicatorPlace,
  isPercentage,
  placeOf,
  sectionRank,
  valueText,
} from '../indicator-catalogue';
import { Writer } from './writer';

/** Indicator paragraphs by the report section they are stated in. */
export type IndicatorParagraphs = Record<IndicatorPlace, Paragraph[]>;

/** An indicator the report can state: a name, a kind, a section and a unit it can print. */
interface Nameable {
  name: string;
  kind: IndicatorKind;
  section: IndicatorSection;
  unit: string | null;
}

interface Stated extends Nameable {
  code: string;
  sentence: Inline[];
}

/**
 * Whether an indicator can be stated: defined (a name, kind and section from its DefineIndicator
 * or the built-in catalogue) with a unit the report can print. Otherwise it is listed aside, under
 * its code, in the evidence edition only.
 */
const nameable = (w: Writer, code: string, identity: IndicatorIdentity, sample: number | undefined) => {
  const { name, kind, section, unit } = identity;
  if (name && kind && section && (sample === undefined || valueText(sample, unit, kind) !== undefined))
    return { name, kind, section, unit } satisfies Nameable;
  w.unlisted.add(
    '指标',
    code,
    sample === undefined ? '无数值' : `${formatQuantity(sample)}${unit ? `（${unit}）` : ''}`,
  );
  return undefined;
};

/**
 * Paragraphs by catalogue section, each with its totals first and its shares and rates
 * (三次产业比重, 参保率) in a paragraph of their own, placed in the report section the catalogue
 * section belongs to.
 */
const grouped = (stated: Stated[]): IndicatorParagraphs => {
  const paragraphs = new Map<string, { section: IndicatorSection; shares: boolean; sentences: Inline[][] }>();
  for (const s of stated.sort((a, b) => byIndicatorOrder(a.code, b.code))) {
    const shares = isPercentage(s.kind);
    const key = `${s.section}/${shares}`;
    const group = paragraphs.get(key) ?? { section: s.section, shares, sentences: [] };
    group.sentences.push(s.sentence);
    paragraphs.set(key, group);
  }
  const places: IndicatorParagraphs = {
    economy: [],
    projects: [],
    livelihood: [],
    'safety-stability': [],
    'party-building': [],
  };
  const rank = (g: { section: IndicatorSection; shares: boolean }) => sectionRank(g.section) * 2 + (g.shares ? 1 : 0);
  for (const group of [...paragraphs.values()].sort((a, b) => rank(a) - rank(b)))
    places[placeOf(group.section)].push(text`${join(group.sentences, '；')}。`);
  return places;
};

/**
 * The term's indicators: each from its first to its last year in the term ("由2021年的2.9亿元增加到
 * 2025年的8亿元，增长1.8倍"; a share or a rate "下降2个百分点"), and its target's completion. The
 * indicator's kind decides how it changes, its definition what it is called and where it stands.
 */
export const termIndicators = (w: Writer): IndicatorParagraphs => {
  const stated: Stated[] = [];
  for (const [code, figures] of Object.entries(w.summary.indicators)) {
    const { first, last, target } = figures;
    const known = nameable(w, code, figures, last?.value ?? target?.value);
    if (!known) continue;
    const { name, kind, unit } = known;
    const path = `indicators.${code}`;
    const value = (at: string, amount: number) => w.figure(`${path}.${at}`, valueText(amount, unit, kind) as string);
    const parts: Inline[][] = [];
    if (first && last && first.period !== last.period) {
      const change = changeText(first.value, last.value, kind);
      parts.push(
        text`${name}由${formatPeriod(first.period)}的${value('first.value', first.value)}${changeVerb(first.value, last.value, kind)}${formatPeriod(last.period)}的${value('last.value', last.value)}${
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
              completion !== null && !isPercentage(kind) && target.value > 0
                ? text`，完成目标的${w.figure(`${path}.target.completion`, formatShareOf(reported.value, target.value))}`
                : ''
            }`;
      parts.push(text`${formatPeriod(target.period)}${name}目标为${value('target.value', target.value)}${done}`);
    }
    if (parts.length > 0) stated.push({ code, ...known, sentence: join(parts, '；') });
  }
  return grouped(stated);
};

/**
 * A span's indicators: the value of the latest-ending period inside the span beside the same
 * period a year earlier ("地区生产总值2025年1—9月为6亿元，较去年同期增长8.1%"; a rate "较去年同期提高
 * 1.2个百分点"), and each target's completion by the span's end.
 */
export const spanIndicators = (w: Writer, indicators: SpanIndicators): IndicatorParagraphs => {
  const stated = new Map<string, { known: Nameable; sentences: Inline[][] }>();
  const state = (code: string, known: Nameable, sentence: Inline[]) =>
    stated.set(code, { known, sentences: [...(stated.get(code)?.sentences ?? []), sentence] });
  const named = new Map<string, Nameable | undefined>();
  const nameOf = (code: string, identity: IndicatorIdentity, sample: number) => {
    if (!named.has(code)) named.set(code, nameable(w, code, identity, sample));
    return named.get(code);
  };
  const seen = new Set<string>();
  for (const v of indicators.values) {
    // The latest-ending (longest) period of each indicator comes first: it is the one stated.
    if (seen.has(v.indicator)) continue;
    seen.add(v.indicator);
    const known = nameOf(v.indicator, v, v.value);
    if (!known) continue;
    const change = v.previous ? changeText(v.previous.value, v.value, known.kind) : undefined;
    state(
      v.indicator,
      known,
      text`${known.name}${formatPeriod(v.period)}为${w.figure(`indicators.${v.indicator}.${v.period}.value`, valueText(v.value, known.unit, known.kind) as string, v.events)}${
        change ? `，较去年同期${change}` : ''
      }`,
    );
  }
  for (const t of indicators.targets) {
    const known = nameOf(t.indicator, t, t.target);
    if (!known) continue;
    const path = `targets.${t.indicator}.${t.period}`;
    const events: readonly EventRef[] = t.events;
    const value = (at: string, amount: number) =>
      w.figure(`${path}.${at}`, valueText(amount, known.unit, known.kind) as string, events);
    const done =
      t.reported === null
        ? ''
        : text`，${formatPeriod(t.reported.period)}完成${value('reported', t.reported.value)}${
            t.completion !== null && !isPercentage(known.kind) && t.target > 0
              ? text`，完成目标的${w.figure(`${path}.completion`, formatShareOf(t.reported.value, t.target), events)}`
              : ''
          }`;
    state(t.indicator, known, text`${formatPeriod(t.period)}${known.name}目标为${value('target', t.target)}${done}`);
  }
  return grouped(
    [...stated].map(([code, { known, sentences }]) => ({ code, ...known, sentence: join(sentences, '；') })),
  );
};
