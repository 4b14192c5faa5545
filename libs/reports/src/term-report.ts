import type { TracedSummary } from '@sunshine/projections';
import { formatBeijingTime, formatDate, formatGrowth } from './chinese-format';
import { Inline, join, numberSections, Paragraph, ReportDocument, ReportEdition, Section, text } from './document';
import { EvidenceOf, FigureRegister } from './figure-register';
import { economySection } from './sections/economy';
import { honoursSection } from './sections/honours';
import { IndicatorParagraphs, termIndicators } from './sections/indicators';
import { investmentSection } from './sections/investment';
import { livelihoodSection } from './sections/livelihood';
import { partySection } from './sections/party';
import { projectsSection } from './sections/projects';
import { proseSection } from './sections/prose';
import { safetySection } from './sections/safety';
import { villageFinanceSection } from './sections/village-finance';
import { Unlisted, Writer } from './sections/writer';
import { LogState, provenanceStamp } from './stamp';

export const APPENDIX_TITLE = '附录：数据来源（可追溯至事件）';

/** A report is signed by the township's government, on the day it was generated (Beijing time). */
export const signatureOf = (context: { townshipName: string; generatedAt: Date }) => ({
  issuer: `${context.townshipName}人民政府`,
  date: formatBeijingTime(context.generatedAt).replace(/日.*$/, '日'),
});

/** The appendix's list of records left out of the prose (codes without a Chinese word), if any. */
export const unlistedOf = (unlisted: Unlisted) =>
  unlisted.items.length > 0 ? { title: '未列入正文的记录（代码尚无中文名称）', items: unlisted.items } : null;

export interface ReportContext {
  townshipName: string;
  generatedAt: Date;
  edition: ReportEdition;
  log: LogState;
  /** The events behind one figure of the summary, in log order. */
  evidenceOf: EvidenceOf;
}

/**
 * Every section a span's report can have, in the order of a government work summary: economy,
 * projects, investment, livelihood and social undertakings, safety and stability, Party building
 * and clean government (with audits), village finances, honours, then the difficulties and the
 * next steps. Prose written for a section stands in it; a section with neither figures nor prose
 * is left out, and the rest are numbered in order.
 */
export const writeSections = (w: Writer, indicators: IndicatorParagraphs): Section[] =>
  numberSections(
    [
      economySection(w, indicators),
      projectsSection(w, indicators),
      investmentSection(w),
      livelihoodSection(w, indicators),
      safetySection(w, indicators),
      partySection(w, indicators),
      villageFinanceSection(w),
      honoursSection(w),
      proseSection(w, 'difficulties'),
      proseSection(w, 'next-steps'),
    ].filter((section): section is Section => section !== undefined),
  );

/**
 * The opening: the preface as the township wrote it, or else the term and the figures that say
 * most about it in one sentence.
 */
const opening = (w: Writer): Paragraph[] => {
  const preface = w.prose('preface');
  if (preface.length > 0) return preface;
  const { summary } = w;
  const period = text`本届政府任期自${w.figure('from', formatDate(summary.from))}起至${w.figure('to', formatDate(summary.to))}止。`;
  const gdp = summary.indicators.gdp;
  const growth =
    gdp?.first &&
    gdp.last &&
    gdp.first.period !== gdp.last.period &&
    gdp.kind === 'amount' &&
    formatGrowth(gdp.first.value, gdp.last.value);
  const highlights: Inline[][] = [
    growth && gdp.name ? text`全镇${gdp.name}${w.figure('indicators.gdp.ratio', growth)}` : [],
    summary.investment.signings > 0
      ? text`签约招商引资项目${w.count('investment.signings', summary.investment.signings, '个')}`
      : [],
    summary.projects.registered > 0
      ? text`登记建设项目${w.count('projects.registered', summary.projects.registered, '个')}`
      : [],
    summary.disputes.registered > 0
      ? text`受理矛盾纠纷${w.count('disputes.registered', summary.disputes.registered, '件')}`
      : [],
  ];
  const said = highlights.some((h) => h.length > 0) ? text`任期内，${join(highlights, '，')}。` : '';
  return [text`${period}${said}现将本届政府任期工作总结如下。`];
};

/**
 * The government's term-end work summary (工作总结), in Chinese, from the term summary and its
 * details: every number in it is a figure of the log, carrying its path and the events behind it.
 */
export const buildWorkSummary = async (traced: TracedSummary, context: ReportContext): Promise<ReportDocument> => {
  const { summary } = traced;
  const register = new FigureRegister();
  const unlisted = new Unlisted();
  const w = new Writer(register, traced, undefined, { span: '本届', atEnd: '截至任期末', atStart: '任期初' }, unlisted);
  const preamble = opening(w);
  const sections = writeSections(w, termIndicators(w));
  const figures = register.numberInReadingOrder([...preamble, ...sections.flatMap((s) => s.paragraphs)]);
  await register.attachEvidence(figures, context.evidenceOf);
  return {
    title: `${context.townshipName}${summary.name}任期工作总结`,
    subtitle: `（${formatDate(summary.from)}—${formatDate(summary.to)}）`,
    preamble,
    sections,
    signature: signatureOf(context),
    stamp: provenanceStamp(context.edition, {
      position: summary.position,
      knownAt: summary.knownAt,
      generatedAt: context.generatedAt,
      log: context.log,
    }),
    appendix: {
      title: APPENDIX_TITLE,
      note: `每一数字均由下列事件计算得出。数据路径即“届次总结”中该数字的位置，可经/api/v1/terms/${summary.termId}/summary/evidence?figure=<数据路径>查询全部事件（以details.开头的为报告列举的明细，其事件列于此处）；事件以“事件流@版本号”标识，每项最多列出10条。`,
      figures,
      unlisted: unlistedOf(unlisted),
    },
    meta: {
      kind: 'term',
      townshipName: context.townshipName,
      termId: summary.termId,
      termName: summary.name,
      from: summary.from,
      to: summary.to,
      knownAt: summary.knownAt,
      position: summary.position,
      generatedAt: context.generatedAt.toISOString(),
    },
  };
};
