import type { EventRef, TermSummary } from '@sunshine/projections';
import {
  formatBeijingTime,
  formatCount,
  formatDate,
  formatGrowth,
  formatMoney,
  formatMoneyInUnits,
  formatPercent,
  formatPercentValue,
  formatPeriod,
  formatQuantity,
} from './chinese-format';
import {
  FUNDING_ORDER,
  fundingSourceName,
  INDICATOR_ORDER,
  indicatorName,
  metricOf,
  PROJECT_STATUSES,
  sectorName,
} from './labels';

/** How many of a figure's events the report lists by name; the rest are counted. */
export const EVIDENCE_LISTED = 10;

export const APPENDIX_TITLE = '附录：数据来源（可追溯至事件）';

/** One number of the report, with the summary figure it states and the events behind it. */
export interface Figure {
  /** 1, 2, … in order of first appearance: the footnote and appendix number. */
  number: number;
  /** The dotted path of the summary figure (as `…/summary/evidence?figure=` takes it). */
  path: string;
  /** As printed, e.g. "17 亿元", "59 个", "增长 175.86%". */
  text: string;
  evidence: {
    /** How many events produced the figure. */
    total: number;
    /** The first of them in log order, at most EVIDENCE_LISTED. */
    events: EventRef[];
  };
}

export type Inline = { kind: 'text'; text: string } | { kind: 'figure'; figure: Figure };

export type Paragraph = Inline[];

export interface Section {
  heading: string;
  paragraphs: Paragraph[];
}

/** The term-end work summary (工作总结) as a document, before any output format. */
export interface WorkSummary {
  title: string;
  subtitle: string;
  /** How the document was made: from the log, at which position, as known at when. */
  provenance: string;
  preamble: Paragraph[];
  sections: Section[];
  /** The issuing government and the date, under the text. */
  signature: { issuer: string; date: string };
  appendix: { title: string; note: string; figures: Figure[] };
  meta: {
    townshipName: string;
    termId: string;
    termName: string;
    from: string;
    to: string;
    knownAt: string | null;
    position: string | null;
    generatedAt: string;
  };
}

export interface WorkSummaryContext {
  townshipName: string;
  generatedAt: Date;
  /** The events behind one figure of the summary, in log order. */
  evidenceOf: (figurePath: string) => Promise<readonly EventRef[]>;
}

type Part = string | Inline | readonly Inline[];

/** Collects the figures while the prose is written; their evidence is fetched once, at the end. */
class FigureRegister {
  private readonly figures = new Map<string, Figure>();

  figure(path: string, text: string): Inline {
    let figure = this.figures.get(path);
    if (!figure) {
      figure = { number: 0, path, text, evidence: { total: 0, events: [] } };
      this.figures.set(path, figure);
    }
    return { kind: 'figure', figure };
  }

  /** Numbers the figures in reading order (a sentence may be written before the one it follows). */
  numberInReadingOrder(paragraphs: readonly Paragraph[]): Figure[] {
    const ordered: Figure[] = [];
    for (const inline of paragraphs.flat())
      if (inline.kind === 'figure' && inline.figure.number === 0) {
        ordered.push(inline.figure);
        inline.figure.number = ordered.length;
      }
    return ordered;
  }

  async attachEvidence(figures: readonly Figure[], evidenceOf: WorkSummaryContext['evidenceOf']): Promise<void> {
    // One at a time: each answer may replay the log, and the store is read best sequentially.
    for (const figure of figures) {
      const events = await evidenceOf(figure.path);
      figure.evidence = { total: events.length, events: events.slice(0, EVIDENCE_LISTED) };
    }
  }
}

/** Prose with figures in it: `text\`共 ${figure} 个。\``; adjacent text is merged. */
const text = (strings: TemplateStringsArray, ...parts: Part[]): Inline[] => {
  const inlines: Inline[] = [];
  const push = (part: Part) => {
    if (typeof part === 'string') {
      if (part === '') return;
      const last = inlines[inlines.length - 1];
      if (last?.kind === 'text') inlines[inlines.length - 1] = { kind: 'text', text: last.text + part };
      else inlines.push({ kind: 'text', text: part });
    } else if (Array.isArray(part)) (part as readonly Inline[]).forEach((p) => push(p.kind === 'text' ? p.text : p));
    else inlines.push(part as Inline);
  };
  strings.forEach((s, i) => {
    push(s);
    if (i < parts.length) push(parts[i]);
  });
  return inlines;
};

const join = (items: readonly (readonly Inline[])[], separator: string): Inline[] =>
  items.flatMap((item, i) => (i === 0 ? [...item] : [{ kind: 'text' as const, text: separator }, ...item]));

/** CNY first, then other currencies by code. */
const currenciesOf = (map: Record<string, number>): string[] =>
  Object.keys(map).sort((a, b) => (a === 'CNY' ? -1 : b === 'CNY' ? 1 : a.localeCompare(b)));

const hasMoney = (map: Record<string, number>) => Object.keys(map).length > 0;

/** Every section of the report, written from the summary's figures and nothing else. */
class WorkSummaryWriter {
  constructor(
    private readonly summary: TermSummary,
    private readonly figures: FigureRegister,
  ) {}

  private count(path: string, value: number, unit: string): Inline {
    return this.figures.figure(path, `${formatCount(value)} ${unit}`);
  }

  /** "339.15 亿元、4324 万美元": one figure per currency of a money map. */
  private money(path: string, map: Record<string, number>): Inline[] {
    return join(
      currenciesOf(map).map((currency) => [
        this.figures.figure(`${path}.${currency}`, formatMoney(map[currency], currency)),
      ]),
      '、',
    );
  }

  preamble(): Paragraph[] {
    const { from, to } = this.summary;
    return [
      text`本届政府任期自 ${this.figures.figure('from', formatDate(from))} 起至 ${this.figures.figure('to', formatDate(to))} 止。现将任期内招商引资、项目建设、矛盾纠纷调处化解、审计监督与整改、村级财务管理和主要经济指标等方面的工作情况总结如下。`,
    ];
  }

  investment(): Section {
    const inv = this.summary.investment;
    if (inv.signings === 0) {
      const paragraph =
        inv.terminated === 0
          ? text`本届未登记招商引资签约项目。`
          : text`本届签约的 ${this.count('investment.terminated', inv.terminated, '个')}招商引资项目均已终止，无有效签约。`;
      return { heading: '一、招商引资', paragraphs: [paragraph] };
    }
    const signed = [
      hasMoney(inv.signed.domestic) ? text`内资 ${this.money('investment.signed.domestic', inv.signed.domestic)}` : [],
      hasMoney(inv.signed.foreign) ? text`外资 ${this.money('investment.signed.foreign', inv.signed.foreign)}` : [],
    ].filter((part) => part.length > 0);
    const arrived = [
      hasMoney(inv.arrived.domestic)
        ? text`内资 ${this.money('investment.arrived.domestic', inv.arrived.domestic)}`
        : [],
      hasMoney(inv.arrived.foreign) ? text`外资 ${this.money('investment.arrived.foreign', inv.arrived.foreign)}` : [],
    ].filter((part) => part.length > 0);
    const overview = text`本届共签约招商引资项目 ${this.count('investment.signings', inv.signings, '个')}，协议引进${join(signed, '、')}。${
      arrived.length > 0 ? text`截至任期末，已到位${join(arrived, '、')}。` : '截至任期末，尚无登记到位的资金。'
    }${inv.terminated > 0 ? text`另有 ${this.count('investment.terminated', inv.terminated, '个')}签约项目已终止，不计入上述数字。` : ''}`;

    const bands = inv.bands;
    const scale = text`从单个项目人民币签约额看，1 亿元以上的项目 ${this.count('investment.bands.atLeast100mCny', bands.atLeast100mCny, '个')}，5000 万元以上的 ${this.count('investment.bands.atLeast50mCny', bands.atLeast50mCny, '个')}，1000 万元以上的 ${this.count('investment.bands.atLeast10mCny', bands.atLeast10mCny, '个')}（各档均含更高一档）。`;

    const sectors = Object.entries(inv.bySector).sort(
      ([a, x], [b, y]) => y.signings - x.signings || (y.signed.CNY ?? 0) - (x.signed.CNY ?? 0) || a.localeCompare(b),
    );
    const bySector = text`分行业看，${join(
      sectors.map(([sector, figures]) => {
        const path = `investment.bySector.${sector}`;
        return text`${sectorName(sector)} ${this.count(`${path}.signings`, figures.signings, '个')}${hasMoney(figures.signed) ? text`、协议资金 ${this.money(`${path}.signed`, figures.signed)}` : ''}`;
      }),
      '；',
    )}。`;
    return {
      heading: '一、招商引资成效显著',
      paragraphs: sectors.length > 0 ? [overview, scale, bySector] : [overview, scale],
    };
  }

  projects(): Section {
    const projects = this.summary.projects;
    if (projects.registered === 0) return { heading: '二、项目建设', paragraphs: [text`本届未登记建设项目。`] };
    const statuses = PROJECT_STATUSES.filter(([status]) => projects.byStatus[status] > 0).map(
      ([status, name]) => text`${name} ${this.count(`projects.byStatus.${status}`, projects.byStatus[status], '个')}`,
    );
    const overview = text`本届共登记建设项目 ${this.count('projects.registered', projects.registered, '个')}。截至任期末，${join(statuses, '、')}；${
      hasMoney(projects.investedToDate)
        ? text`累计完成投资 ${this.money('projects.investedToDate', projects.investedToDate)}。`
        : '尚未报送投资完成情况。'
    }`;
    const paragraphs = [overview];

    const outputs = Object.entries(projects.outputs).sort(([a], [b]) => a.localeCompare(b));
    if (outputs.length > 0)
      paragraphs.push(
        text`主要建设成果：${join(
          outputs.map(([metric, quantity]) => {
            const { before, unit } = metricOf(metric);
            return text`${before} ${this.figures.figure(`projects.outputs.${metric}`, unit ? `${formatQuantity(quantity)} ${unit}` : formatQuantity(quantity))}`;
          }),
          '，',
        )}。`,
      );

    const omod = projects.oneMatterOneDiscussion;
    if (omod.projects > 0) {
      const sources = Object.keys(omod.funding)
        .filter((source) => hasMoney(omod.funding[source]))
        .sort(
          (a, b) => (FUNDING_ORDER.indexOf(a) + 1 || 99) - (FUNDING_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
        );
      const funding = sources.map(
        (source) =>
          text`${fundingSourceName(source)} ${this.money(`projects.oneMatterOneDiscussion.funding.${source}`, omod.funding[source])}`,
      );
      paragraphs.push(
        text`实施村级公益事业“一事一议”项目 ${this.count('projects.oneMatterOneDiscussion.projects', omod.projects, '个')}${
          hasMoney(omod.plannedInvestment)
            ? text`，计划总投资 ${this.money('projects.oneMatterOneDiscussion.plannedInvestment', omod.plannedInvestment)}`
            : ''
        }${funding.length > 0 ? text`，其中${join(funding, '、')}` : ''}。`,
      );
    }
    return { heading: '二、项目建设扎实推进', paragraphs };
  }

  disputes(): Section {
    const d = this.summary.disputes;
    const heading = '三、矛盾纠纷调处化解';
    if (d.registered === 0) return { heading, paragraphs: [text`本届未受理矛盾纠纷。`] };
    const rate =
      d.mediationSuccessRate === null
        ? '尚无办结的纠纷，暂不计算调解成功率。'
        : text`调解成功率 ${this.figures.figure('disputes.mediationSuccessRate', formatPercent(d.mediationSuccessRate))}（调解成功件数占已办结件数的比例）。`;
    return {
      heading,
      paragraphs: [
        text`本届共受理矛盾纠纷 ${this.count('disputes.registered', d.registered, '件')}，其中调解成功 ${this.count('disputes.resolvedByMediation', d.resolvedByMediation, '件')}，通过其他方式化解 ${this.count('disputes.resolvedOtherwise', d.resolvedOtherwise, '件')}，依法移交法院、仲裁等渠道处理 ${this.count('disputes.escalated', d.escalated, '件')}，尚未办结 ${this.count('disputes.open', d.open, '件')}；${rate}`,
      ],
    };
  }

  audits(): Section {
    const a = this.summary.audits;
    const heading = '四、审计监督与整改';
    if (a.opened === 0) return { heading, paragraphs: [text`本届未登记审计项目。`] };
    const amounts = [
      hasMoney(a.amountInvolved) ? text`涉及金额 ${this.money('audits.amountInvolved', a.amountInvolved)}` : [],
      hasMoney(a.amountRecovered)
        ? text`已追回（挽回）金额 ${this.money('audits.amountRecovered', a.amountRecovered)}`
        : [],
    ].filter((part) => part.length > 0);
    const findings =
      a.findings === 0
        ? text`未发现问题。`
        : text`发现问题 ${this.count('audits.findings', a.findings, '个')}${amounts.length > 0 ? text`，${join(amounts, '，')}` : ''}。${
            a.openFindings > 0
              ? text`尚有 ${this.count('audits.openFindings', a.openFindings, '个')}问题未整改到位，须持续跟踪督促整改。`
              : text`发现的问题均已整改（未整改问题 ${this.count('audits.openFindings', a.openFindings, '个')}）。`
          }`;
    return {
      heading,
      paragraphs: [
        text`本届共开展审计 ${this.count('audits.opened', a.opened, '项')}，已完结 ${this.count('audits.closed', a.closed, '项')}；${findings}`,
      ],
    };
  }

  villageFinance(): Section {
    const v = this.summary.villageFinance;
    const cashBook = [
      hasMoney(v.receipts) ? text`收入 ${this.money('villageFinance.receipts', v.receipts)}` : [],
      hasMoney(v.expenditures) ? text`支出 ${this.money('villageFinance.expenditures', v.expenditures)}` : [],
    ].filter((part) => part.length > 0);
    const debts = [
      hasMoney(v.debtsRegistered)
        ? text`新登记村级债务 ${this.money('villageFinance.debtsRegistered', v.debtsRegistered)}`
        : [],
      hasMoney(v.debtsSettled)
        ? text`清偿化解债务 ${this.money('villageFinance.debtsSettled', v.debtsSettled)}（含偿还、核销和债务重组）`
        : [],
    ].filter((part) => part.length > 0);
    if (cashBook.length === 0 && debts.length === 0)
      return { heading: '五、村级财务', paragraphs: [text`本届未登记村级财务收支和债务。`] };
    const sentences = [
      cashBook.length > 0 ? text`本届各村集体账目共登记${join(cashBook, '、')}（已冲销的账目不计）` : [],
      debts.length > 0 ? join(debts, '，') : [],
    ].filter((part) => part.length > 0);
    return {
      heading: '五、村级财务规范管理',
      paragraphs: [
        text`${join(sentences, '；')}。每一笔收支均有凭证号，支出均附村民会议决议，账目按“阳光工程”要求全程留痕、不可改写。`,
      ],
    };
  }

  indicators(): Section {
    const heading = '六、主要经济指标';
    const codes = Object.keys(this.summary.indicators).sort(
      (a, b) => (INDICATOR_ORDER.indexOf(a) + 1 || 99) - (INDICATOR_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
    );
    if (codes.length === 0) return { heading, paragraphs: [text`本届未报送经济指标。`] };
    return { heading, paragraphs: codes.map((code) => this.indicator(code)) };
  }

  private indicator(code: string): Paragraph {
    const figures = this.summary.indicators[code];
    const name = indicatorName(code);
    const path = `indicators.${code}`;
    const value = (at: string, amount: number) =>
      this.figures.figure(`${path}.${at}`, indicatorValue(amount, figures.unit));
    const { first, last, ratio, target } = figures;
    let trend: Inline[];
    if (first && last && first.period !== last.period) {
      const verb = last.value > first.value ? '增加到' : last.value < first.value ? '减少到' : '保持在';
      const change = ratio === null ? '' : text`，${this.figures.figure(`${path}.ratio`, formatGrowth(ratio))}`;
      trend = text`${name}由 ${formatPeriod(first.period)}的 ${value('first.value', first.value)}${verb} ${formatPeriod(last.period)}的 ${value('last.value', last.value)}${change}。`;
    } else if (last) {
      trend = text`${name} ${formatPeriod(last.period)}为 ${value('last.value', last.value)}。`;
    } else {
      trend = text`${name}本届无年度统计数据。`;
    }
    if (!target) return trend;
    const reported = target.reported;
    const completion =
      reported === null
        ? '目标期间尚无报送数据。'
        : text`${formatPeriod(reported.period)}完成 ${value('target.reported.value', reported.value)}${
            target.completion === null
              ? ''
              : text`，完成目标的 ${this.figures.figure(`${path}.target.completion`, formatPercent(target.completion))}`
          }。`;
    return text`${trend}${formatPeriod(target.period)}${name}目标为 ${value('target.value', target.value)}，${completion}`;
  }
}

/** An indicator's value in its own unit: money for `CNY`, yuan for a per-capita figure, else as reported. */
export const indicatorValue = (value: number, unit: string | null): string => {
  if (unit === 'CNY') return formatMoney(value, 'CNY');
  if (unit === 'CNY-per-capita') return formatMoneyInUnits(value, 'CNY');
  if (unit?.startsWith('CNY')) return `${formatMoney(value, 'CNY')}（${unit}）`;
  if (unit === 'percent') return formatPercentValue(value);
  if (unit === 'count' || unit === null) return formatQuantity(value);
  return `${formatQuantity(value)} ${unit}`;
};

/**
 * The government's term-end work summary, in Chinese, from the term summary alone: every number
 * in it is a figure of the summary, carrying its dotted path and the events that produced it.
 */
export const buildWorkSummary = async (summary: TermSummary, context: WorkSummaryContext): Promise<WorkSummary> => {
  const register = new FigureRegister();
  const writer = new WorkSummaryWriter(summary, register);
  const preamble = writer.preamble();
  const sections = [
    writer.investment(),
    writer.projects(),
    writer.disputes(),
    writer.audits(),
    writer.villageFinance(),
    writer.indicators(),
  ];
  const figures = register.numberInReadingOrder([...preamble, ...sections.flatMap((section) => section.paragraphs)]);
  await register.attachEvidence(figures, context.evidenceOf);
  const generated = formatBeijingTime(context.generatedAt);
  const asKnown =
    summary.knownAt === null ? '' : `，按 ${formatBeijingTime(new Date(summary.knownAt))}（北京时间）时已记录的事件`;
  const position = summary.position === null ? '' : `，截至日志位置 ${summary.position}`;
  return {
    title: `${context.townshipName}${summary.name}任期工作总结`,
    subtitle: `（${formatDate(summary.from)}—${formatDate(summary.to)}）`,
    provenance: `本总结由阳光台账根据事件日志自动生成${asKnown}${position}，生成于 ${generated}（北京时间）。文中数字后的编号对应附录所列的事件记录。`,
    preamble,
    sections,
    signature: { issuer: `${context.townshipName}人民政府`, date: generated.split(' ')[0] },
    appendix: {
      title: APPENDIX_TITLE,
      note: `每一数字均由下列事件计算得出。数据路径即“届次总结”中该数字的位置（可经 /api/v1/terms/${summary.termId}/summary/evidence?figure=<数据路径> 查询全部事件）；事件以“事件流@版本号”标识，每项最多列出 ${EVIDENCE_LISTED} 条。`,
      figures,
    },
    meta: {
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

/** "investment-ZS-1@0、investment-ZS-2@0 等共 66 条记录": a figure's events as the appendix lists them. */
export const describeEvidence = (figure: Figure): string => {
  const { total, events } = figure.evidence;
  if (total === 0) return '无相关事件';
  const listed = events.map((e) => `${e.stream}@${e.revision}`).join('、');
  return total > events.length ? `${listed} 等共 ${total} 条记录` : `${listed}（共 ${total} 条记录）`;
};
