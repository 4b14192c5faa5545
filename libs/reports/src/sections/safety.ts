import { wordFor } from '@sunshine/domain';
import { formatShareOf } from '../chinese-format';
import { Inline, join, Paragraph, Section, text } from '../document';
import { IndicatorParagraphs } from './indicators';
import { Writer } from './writer';

/** Receiving channels in the order a report lists them. */
const ESCALATION_ORDER = ['county', 'petition-office', 'court', 'arbitration', 'other'];
/** How many case types the report names (the most frequent). */
const CASE_TYPES_NAMED = 3;

/**
 * 平安建设和社会稳定: the prose written for it; disputes received in the span and how they ended,
 * escalations by the channel that received them (上报县级部门 is not a court), the mediation
 * success rate, the most frequent case types; then the indicators of the section (work safety,
 * petitions, building enforcement). Zero clauses are left out; so is the section with nothing.
 */
export const safetySection = (w: Writer, indicators: IndicatorParagraphs): Section | undefined => {
  const paragraphs = [...w.prose('safety-stability'), ...disputeParagraphs(w), ...indicators['safety-stability']];
  return paragraphs.length > 0 ? { heading: wordFor('reportSection', 'safety-stability'), paragraphs } : undefined;
};

const disputeParagraphs = (w: Writer): Paragraph[] => {
  const d = w.summary.disputes;
  const before = w.before?.disputes;
  if (d.registered === 0)
    return before && before.registered > 0
      ? [text`${w.words.span}未受理矛盾纠纷（去年同期${String(before.registered)}件）。`]
      : [];
  const escalatedTo = w.details.disputes.escalatedTo;
  const channels = [
    ...ESCALATION_ORDER.filter((to) => escalatedTo[to]),
    ...Object.keys(escalatedTo).filter((to) => !ESCALATION_ORDER.includes(to)),
  ].map(
    (to) =>
      text`${wordFor('escalationTarget', to)}${w.count(`details.disputes.escalatedTo.${to}`, escalatedTo[to].count, '件', undefined, escalatedTo[to].events)}`,
  );
  const outcomes: Inline[][] = [
    d.resolvedByMediation > 0
      ? text`调解成功${w.count('disputes.resolvedByMediation', d.resolvedByMediation, '件', before?.resolvedByMediation)}`
      : [],
    d.resolvedOtherwise > 0
      ? text`当事人撤回等其他方式化解${w.count('disputes.resolvedOtherwise', d.resolvedOtherwise, '件')}`
      : [],
    d.escalated > 0
      ? text`经调解未能化解、依法转由其他渠道处理${w.count('disputes.escalated', d.escalated, '件')}${
          channels.length > 0 ? text`（${join(channels, '、')}）` : ''
        }`
      : [],
    d.open > 0 ? text`尚在调处中${w.count('disputes.open', d.open, '件')}` : [],
  ];
  const concluded = d.resolvedByMediation + d.resolvedOtherwise + d.escalated;
  const previousConcluded = before
    ? before.resolvedByMediation + before.resolvedOtherwise + before.escalated
    : undefined;
  const rate =
    d.mediationSuccessRate === null
      ? ''
      : text`；调解成功率（调解成功件数占已办结件数的比例）${w.figure('disputes.mediationSuccessRate', formatShareOf(d.resolvedByMediation, concluded))}${w.versusShare(d.resolvedByMediation, concluded, before?.resolvedByMediation, previousConcluded)}`;
  const paragraphs = [
    text`${w.words.span}共受理矛盾纠纷${w.count('disputes.registered', d.registered, '件', before?.registered)}，其中${join(outcomes, '，')}${rate}。`,
  ];

  const byCategory = w.details.disputes.byCategory;
  const frequent = Object.keys(byCategory)
    .sort((a, b) => byCategory[b].count - byCategory[a].count || (a < b ? -1 : 1))
    .slice(0, CASE_TYPES_NAMED)
    .map(
      (category) =>
        text`${wordFor('disputeCategory', category)}${w.count(`details.disputes.byCategory.${category}`, byCategory[category].count, '件', undefined, byCategory[category].events)}`,
    );
  if (Object.keys(byCategory).length > 1) paragraphs.push(text`从案件类型看，数量居前的是${join(frequent, '、')}。`);
  return paragraphs;
};
