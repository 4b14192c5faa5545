import { Money } from '@sunshine/domain';
import { traceSpan } from '@sunshine/projections';
import { EventLog, project } from '@sunshine/projections/records/testing/event-log';
import { plainText, ReportDocument } from './document';
import { progressFigures } from './progress-json';
import { aYearEarlier, buildProgressReport, comparedSpan, SpanReading } from './progress-report';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { LOG_STATE } from './testing/contract-summary';
import { docxText, htmlText, spacesBesideDigits } from './testing/report-text';

const cny = (minor: number): Money => ({ currency: 'CNY', minor });

/**
 * 1–9月 of 2024 and of 2025, with figures whose comparison is worked out by hand in the specs:
 * signings 4 → 6, signed 2亿 → 5.8亿, mediation 9 of 10 → 19 of 20, GDP 500亿 → 540.5亿, the
 * first industry's share 19 % → 17 %.
 */
const twoYears = () => {
  const log = new EventLog();
  const at = (stream: string, type: string, data: object, on: string) => log.append(stream, type, data, on);
  let n = 0;
  const sign = (minor: number, signedOn: string) => {
    const id = `ZS-${++n}`;
    at(
      `investment-${id}`,
      'InvestmentSigned',
      { investmentId: id, investor: '投资方', sector: 'auto-parts', origin: 'domestic', amount: cny(minor), signedOn },
      signedOn,
    );
  };
  [5_000_000_000, 5_000_000_000, 5_000_000_000, 5_000_000_000].forEach((m, i) => sign(m, `2024-0${i + 1}-15`));
  [10_000_000_000, 10_000_000_000, 10_000_000_000, 10_000_000_000, 9_000_000_000, 9_000_000_000].forEach((m, i) =>
    sign(m, `2025-0${i + 1}-15`),
  );
  sign(50_000_000_000, '2025-10-15'); // after 1–9月: counts in neither span
  sign(2_000_000_000, '2024-11-15'); // in November of last year only
  const disputes = (year: number, mediated: number, escalated: number) => {
    for (let i = 0; i < mediated + escalated; i++) {
      const id = `TJ-${year}-${i}`;
      const on = `${year}-0${(i % 8) + 1}-10`;
      at(
        `dispute-${id}`,
        'DisputeRegistered',
        { disputeId: id, category: 'neighbour', receivedOn: on, subjectIds: ['s'] },
        on,
      );
      if (i < mediated) {
        at(
          `dispute-${id}`,
          'MediationRecorded',
          { disputeId: id, heldOn: on, mediator: '调解员', outcome: 'agreement' },
          on,
        );
        at(`dispute-${id}`, 'DisputeResolved', { disputeId: id, resolvedOn: on, method: 'mediation' }, on);
      } else
        at(
          `dispute-${id}`,
          'DisputeEscalated',
          { disputeId: id, escalatedOn: on, to: 'county', reason: '调解未果' },
          on,
        );
    }
  };
  disputes(2024, 9, 1);
  disputes(2025, 19, 1);
  const report = (indicator: string, period: string, value: number, unit = 'CNY') =>
    at(`indicator-${indicator}`, 'IndicatorReported', { indicator, period, value, unit }, '2025-10-20');
  report('gdp', '2024-01/2024-09', 5_000_000_000_000);
  report('gdp', '2025-01/2025-09', 5_405_000_000_000);
  report('primary-industry-share', '2024-01/2024-09', 19, 'percent');
  report('primary-industry-share', '2025-01/2025-09', 17, 'percent');
  report('fiscal-revenue', '2025-01/2025-09', 5_020_000_000);
  at(
    'indicator-fiscal-revenue',
    'IndicatorTargetSet',
    { indicator: 'fiscal-revenue', period: '2025', target: 6_500_000_000 },
    '2025-01-20',
  );
  return project(log.events);
};

const SPAN = { from: '2025-01-01', to: '2025-09-30' };

const read = async (span = SPAN): Promise<SpanReading> => {
  const store = twoYears();
  const previous = comparedSpan(span.from, span.to);
  return {
    current: await traceSpan(span.from, span.to, store, { position: '120' }),
    previous: await traceSpan(previous.from, previous.to, store, { position: '120' }),
    position: '120',
    knownAt: null,
  };
};

const build = async (edition: 'clean' | 'evidence' = 'clean', span = SPAN) =>
  buildProgressReport(await read(span), span, {
    townshipName: '示范镇',
    generatedAt: new Date('2025-10-08T02:00:00Z'),
    edition,
    log: LOG_STATE,
  });

const body = (doc: ReportDocument) =>
  [...doc.preamble, ...doc.sections.flatMap((s) => s.paragraphs)].map(plainText).join('\n');

describe('a 1–9月 progress report', () => {
  let doc: ReportDocument;
  let text: string;
  beforeAll(async () => {
    doc = await build();
    text = body(doc);
  });

  it('is titled for the span and compares with the same span a year earlier', () => {
    expect(doc.title).toBe('示范镇2025年1—9月工作进展情况报告');
    expect(doc.subtitle).toBe('（2025年1月1日—2025年9月30日）');
    expect(text).toContain('现将2025年1—9月工作进展情况报告如下（与去年同期比较的，均为2024年1—9月同口径数据）。');
  });

  it('states each figure beside last year’s, by hand arithmetic', () => {
    // 6 ÷ 4 − 1 = 50 %; 5.8亿 ÷ 2亿 − 1 = 1.9 → 1.9倍
    expect(text).toContain(
      '2025年1—9月共签约招商引资项目6个（较去年同期增长50%），协议引进内资5.8亿元（较去年同期增长1.9倍）。',
    );
    // 19 of 20 against 9 of 10: 95 % − 90 % = 5 points
    expect(text).toContain('调解成功率（调解成功件数占已办结件数的比例）95%（较去年同期提高5个百分点）。');
    // 20 disputes against 10: an exact doubling
    expect(text).toContain('2025年1—9月共受理矛盾纠纷20件（较去年同期翻一番）');
  });

  it('states indicator periods inside the span beside the same period a year earlier, and target completion', () => {
    // 540.5亿 ÷ 500亿 − 1 = 8.1 %
    expect(text).toContain('地区生产总值2025年1—9月为540.5亿元，较去年同期增长8.1%');
    expect(text).toContain('第一产业比重2025年1—9月为17%，较去年同期下降2个百分点');
    expect(text).toContain('2025年财政收入目标为6500万元，2025年1—9月完成5020万元，完成目标的77.2%');
  });

  it('carries each figure, its comparison and its growth in JSON', async () => {
    const figures = progressFigures(await read(), '示范镇');
    expect(figures).toMatchObject({
      from: '2025-01-01',
      to: '2025-09-30',
      comparedWith: { from: '2024-01-01', to: '2024-09-30' },
    });
    const figure = (path: string) => figures.figures.find((f) => f.figure === path);
    expect(figure('investment.signings')).toEqual({
      figure: 'investment.signings',
      value: 6,
      previous: 4,
      change: 2,
      growth: 0.5,
    });
    expect(figure('investment.signed.domestic.CNY')).toEqual({
      figure: 'investment.signed.domestic.CNY',
      value: 58_000_000_000,
      previous: 20_000_000_000,
      change: 38_000_000_000,
      growth: 1.9,
    });
    expect(figure('disputes.mediationSuccessRate')).toMatchObject({
      value: 0.95,
      previous: 0.9,
      growth: null,
      points: 5,
    });
    expect(figures.indicators.find((i) => i.indicator === 'gdp')).toMatchObject({
      growth: 0.081,
      previous: { period: '2024-01/2024-09' },
    });
    expect(figures.targets).toEqual([expect.objectContaining({ indicator: 'fiscal-revenue', completion: 0.7723 })]);
  });

  it('has no space beside a digit and, clean, no note marker, in every format', async () => {
    const texts = {
      markdown: renderMarkdown(doc, 'clean'),
      html: htmlText(renderHtml(doc, 'clean')),
      docx: docxText(await renderDocx(doc, 'clean')),
    };
    for (const [format, t] of Object.entries(texts)) {
      expect({ format, spaces: spacesBesideDigits(t) }).toEqual({ format, spaces: [] });
      expect(t).not.toMatch(/\[\^?\d+\]/);
    }
  });

  it('leaves out what the span has nothing to say about', () => {
    expect(doc.sections.map((s) => s.heading)).toEqual(['一、经济发展', '二、招商引资', '三、平安建设和社会稳定']);
  });

  it('numbers its figures in the evidence edition, with the events of the span', async () => {
    const evidence = await build('evidence');
    const signings = evidence.appendix.figures.find((f) => f.path === 'investment.signings');
    expect(signings?.evidence.total).toBe(6);
    expect(renderMarkdown(evidence, 'evidence')).toContain(`6个[^${signings?.number}]（较去年同期增长50%）`);
  });
});

describe('a year', () => {
  it('is the year’s work summary', async () => {
    const doc = await build('clean', { from: '2025-01-01', to: '2025-12-31' });
    expect(doc.title).toBe('示范镇2025年工作总结');
    expect(body(doc)).toContain('2025年共签约招商引资项目7个（较去年同期增长40%）');
  });
});

describe('a month with nothing signed, where last year had a signing', () => {
  it('says so with last year’s count rather than leaving the section out, and leaves out what is empty in both', async () => {
    const doc = await build('clean', { from: '2025-11-01', to: '2025-11-30' });
    expect(doc.title).toBe('示范镇2025年11月工作进展情况报告');
    // the year's fiscal target overlaps November: its completion is stated
    expect(doc.sections.map((s) => s.heading)).toEqual(['一、经济发展', '二、招商引资']);
    expect(body(doc)).toContain('2025年11月未新签约招商引资项目（去年同期签约1个）。');
  });
});

describe('the same span a year earlier', () => {
  it.each([
    ['2025-09-30', '2024-09-30'],
    ['2025-02-28', '2024-02-29'], // the last day of February stays the last day
    ['2024-02-29', '2023-02-28'],
    ['2025-01-01', '2024-01-01'],
    ['2025-03-15', '2024-03-15'],
  ])('%s → %s', (date, earlier) => expect(aYearEarlier(date)).toBe(earlier));
});
