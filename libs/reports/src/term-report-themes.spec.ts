import type { EventRef, ReportDetails, TermSummary } from '@sunshine/projections';
import { plainText, ReportDocument, ReportEdition } from './document';
import { renderMarkdown } from './render-markdown';
import { buildWorkSummary } from './term-report';
import {
  contractDetails,
  contractSummary,
  emptyDetails,
  emptySummary,
  fakeEvidence,
  LOG_STATE,
  traced,
} from './testing/contract-summary';

const build = (summary: TermSummary, details: ReportDetails, edition: ReportEdition = 'clean') =>
  buildWorkSummary(traced(summary, details), {
    townshipName: '示范镇',
    generatedAt: new Date('2013-10-08T02:00:00Z'),
    edition,
    log: LOG_STATE,
    evidenceOf: fakeEvidence(),
  });

const body = (doc: ReportDocument) =>
  [...doc.preamble, ...doc.sections.flatMap((s) => s.paragraphs)].map(plainText).join('\n');

const sectionText = (doc: ReportDocument, heading: string) =>
  doc.sections
    .find((s) => s.heading.endsWith(`、${heading}`))
    ?.paragraphs.map(plainText)
    .join('\n');

const written = (stream: string, revision: number): EventRef => ({
  eventId: `${stream}@${revision}`,
  stream,
  revision,
  position: String(90 + revision),
  type: 'ReportSectionWritten',
  occurredOn: '2013-10-01',
  recordedAt: '2013-10-01T00:00:00.000Z',
});

const withProse = (details: ReportDetails, prose: Record<string, string>): ReportDetails => ({
  ...details,
  prose: Object.fromEntries(
    Object.entries(prose).map(([section, text], i) => [section, { text, events: [written('report-2008-2013', i)] }]),
  ),
});

/** The contract's term with the indicators a real summary states outside the economy. */
const summaryWithThemes = (): TermSummary => {
  const s = contractSummary();
  const indicator = (
    name: string,
    unit: string,
    kind: 'count' | 'quantity' | 'rate' | 'amount',
    section: 'livelihood' | 'safety-stability' | 'industry' | 'party-building',
    first: number,
    last: number,
  ) => ({
    unit,
    name,
    kind,
    section,
    first: { period: '2009', value: first },
    last: { period: '2012', value: last },
    ratio: null,
    target: null,
  });
  s.indicators['medical-insurance-rate'] = indicator('城乡居民医保参保率', 'percent', 'rate', 'livelihood', 92.5, 98.6);
  s.indicators['farmer-training'] = indicator('新型职业农民培训人次', '人次', 'count', 'livelihood', 300, 1260);
  s.indicators['work-accidents'] = indicator('安全生产事故起数', '起', 'count', 'safety-stability', 5, 2);
  s.indicators['illegal-buildings-removed'] = indicator(
    '拆除违法建筑面积',
    '平方米',
    'quantity',
    'safety-stability',
    1200,
    8650.5,
  );
  s.indicators['park-enterprises'] = indicator('园区入驻企业', '家', 'count', 'industry', 12, 36);
  s.indicators['new-party-members'] = indicator('发展党员', '名', 'count', 'party-building', 8, 8);
  s.honours = {
    awarded: 3,
    byLevel: { national: 0, provincial: 1, municipal: 0, county: 2 },
    list: {
      'RY-2': { title: '县级文明乡镇', awardedBy: '县委、县政府', awardedOn: '2012-02-10', level: 'county' },
      'RY-1': {
        title: '全省卫生乡镇',
        awardedBy: '省爱国卫生运动委员会',
        awardedOn: '2011-11-20',
        level: 'provincial',
      },
      'RY-3': { title: '“平安乡镇”', awardedBy: '县综治委', awardedOn: '2010-06-01', level: 'county' },
    },
  };
  s.keyProjects = {
    'XM-07': {
      name: '县乡供水一体化工程',
      category: 'infrastructure',
      registeredOn: '2007-05-01',
      plannedInvestment: { currency: 'CNY', minor: 65_000_000_000 },
      status: 'under-construction',
      investedToDate: { currency: 'CNY', minor: 32_000_000_000 },
      investedAtStart: { currency: 'CNY', minor: 12_000_000_000 },
    },
    'XM-09': {
      name: '镇卫生院门诊楼',
      category: 'public-service',
      registeredOn: '2010-03-01',
      plannedInvestment: { currency: 'CNY', minor: 1_800_000_000 },
      status: 'commissioned',
      investedToDate: { currency: 'CNY', minor: 1_800_000_000 },
      investedAtStart: null,
    },
  };
  return s;
};

const PROSE = {
  preface:
    '五年来，在县委、县政府和镇党委的坚强领导下，全镇上下团结一心，各项事业取得新进展。\n\n　　现将本届政府工作总结如下。',
  'party-building': '坚持党建引领，村党组织书记全部实行县级备案管理。',
  'clean-government': '严格落实中央八项规定精神，公务接待费用逐年下降。',
  difficulties: '村级集体经济总体薄弱。\n项目建设要素保障压力较大。',
  'next-steps': '坚持项目为王，推动县乡供水一体化工程早日建成投用。',
  'safety-stability': '深入开展平安乡镇创建。',
};

describe('a work summary with every theme of a real one', () => {
  let doc: ReportDocument;
  let text: string;
  beforeAll(async () => {
    doc = await build(summaryWithThemes(), withProse(contractDetails(), PROSE));
    text = body(doc);
  });

  it('puts every theme in its place, prose-only sections last, numbered in order', () =>
    expect(doc.sections.map((s) => s.heading)).toEqual([
      '一、经济发展',
      '二、项目建设',
      '三、招商引资',
      '四、民生和社会事业',
      '五、平安建设和社会稳定',
      '六、党的建设和党风廉政建设',
      '七、村级“三资”管理',
      '八、所获荣誉',
      '九、存在的困难和问题',
      '十、下一步工作打算',
    ]));

  it('opens with the preface as written, one paragraph per line, instead of the generated sentence', () => {
    expect(doc.preamble.map(plainText)).toEqual([
      '五年来，在县委、县政府和镇党委的坚强领导下，全镇上下团结一心，各项事业取得新进展。',
      '现将本届政府工作总结如下。',
    ]);
    expect(text).not.toContain('本届政府任期自');
  });

  it('states a defined indicator by its Chinese name, its kind deciding growth or 百分点, in its section', () => {
    const livelihood = sectionText(doc, '民生和社会事业');
    expect(livelihood).toContain('城乡居民医保参保率由2009年的92.5%提高到2012年的98.6%，提高6.1个百分点');
    // 1260 ÷ 300 − 1 = 3.2
    expect(livelihood).toContain('新型职业农民培训人次由2009年的300人次增加到2012年的1260人次，增长3.2倍');
    const safety = sectionText(doc, '平安建设和社会稳定');
    expect(safety?.startsWith('深入开展平安乡镇创建。')).toBe(true);
    expect(safety).toContain('安全生产事故起数由2009年的5起减少到2012年的2起，下降60%');
    // 8650.5 ÷ 1200 − 1 = 6.20875
    expect(safety).toContain('拆除违法建筑面积由2009年的1200平方米增加到2012年的8650.5平方米，增长6.2倍');
    expect(sectionText(doc, '经济发展')).toContain('园区入驻企业由2009年的12家增加到2012年的36家，增长2倍');
    expect(text).not.toMatch(/medical-insurance|work-accidents|park-enterprises/);
  });

  it('names the marked key projects with their investment and status, and what was invested in the term', () => {
    expect(sectionText(doc, '项目建设')).toContain(
      '重点项目2个：县乡供水一体化工程（计划投资6.5亿元，累计完成投资3.2亿元，其中本届完成2亿元，在建）；镇卫生院门诊楼（计划投资1800万元，累计完成投资1800万元，建成投用）。',
    );
    expect(text).not.toContain('计划投资1亿元以上的项目');
  });

  it('gathers Party building, clean government and audits in one section, prose before figures', () =>
    expect(sectionText(doc, '党的建设和党风廉政建设')?.split('\n')).toEqual([
      '坚持党建引领，村党组织书记全部实行县级备案管理。',
      '发展党员由2009年的8名保持在2012年的8名。',
      '严格落实中央八项规定精神，公务接待费用逐年下降。',
      '本届共开展审计12项，已审结11项；发现问题30个，涉及金额70万元；已追回（挽回）资金40万元；尚有2个问题未整改到位，正督促整改。',
    ]));

  it('lists honours by level, the highest first, each in the order awarded', () =>
    expect(sectionText(doc, '所获荣誉')?.split('\n')).toEqual([
      '本届共获得各级荣誉3项，其中省级1项、县级2项。',
      '省级：“全省卫生乡镇”（省爱国卫生运动委员会，2011年11月）。',
      '县级：“平安乡镇”（县综治委，2010年6月）；“县级文明乡镇”（县委、县政府，2012年2月）。',
    ]));

  it('states difficulties and next steps as written', () => {
    expect(sectionText(doc, '存在的困难和问题')).toBe('村级集体经济总体薄弱。\n项目建设要素保障压力较大。');
    expect(sectionText(doc, '下一步工作打算')).toBe('坚持项目为王，推动县乡供水一体化工程早日建成投用。');
  });

  it('tells debts apart as 存量, 新增 and 化解, and says signings in dollars are not banded', () => {
    expect(sectionText(doc, '村级“三资”管理')).toContain(
      '任期初村级存量债务150万元；本届新增村级债务80万元；化解村级债务60万元（含偿还、核销和债务重组）。',
    );
    expect(sectionText(doc, '招商引资')).toContain('（各档均含更高一档）；以美元签约的2个项目按原币种统计，不分档。');
  });

  it('in the evidence edition, notes after each prose section the event that wrote it', async () => {
    const evidence = await build(summaryWithThemes(), withProse(contractDetails(), PROSE), 'evidence');
    const markdown = renderMarkdown(evidence, 'evidence');
    const note = evidence.appendix.figures.find((f) => f.path === 'details.prose.difficulties');
    expect(note).toMatchObject({ text: '', label: '存在的困难和问题（文字）' });
    expect(markdown).toContain(`项目建设要素保障压力较大。[^${note?.number}]`);
    expect(markdown).toContain(
      `[^${note?.number}]: \`details.prose.difficulties\` 存在的困难和问题（文字）；依据事件：report-2008-2013@3（共1条记录）`,
    );
    const clean = renderMarkdown(await build(summaryWithThemes(), withProse(contractDetails(), PROSE)), 'clean');
    expect(clean).toContain('项目建设要素保障压力较大。\n');
  });
});

describe('sections with prose and no figures, and figures with no prose', () => {
  it('makes a section of prose alone, and leaves out a section with neither', async () => {
    const doc = await build(emptySummary(), withProse(emptyDetails(), { 'clean-government': '落实“两个责任”。' }));
    expect(doc.sections.map((s) => s.heading)).toEqual(['一、党风廉政建设']);
    expect(body(doc)).toContain('本届政府任期自2031年10月1日起至2036年9月30日止。现将本届政府任期工作总结如下。');
  });

  it('heads audits alone as 审计监督和问题整改, and the Party’s prose alone as 党的建设', async () => {
    const audits = emptySummary();
    audits.audits = { ...audits.audits, opened: 1 };
    expect((await build(audits, emptyDetails())).sections.map((s) => s.heading)).toEqual(['一、审计监督和问题整改']);
    const party = await build(emptySummary(), withProse(emptyDetails(), { 'party-building': '加强基层党组织建设。' }));
    expect(party.sections.map((s) => s.heading)).toEqual(['一、党的建设']);
  });

  it('leaves out blank prose, and an honour section without honours', async () => {
    const doc = await build(emptySummary(), withProse(emptyDetails(), { difficulties: '\n　　\n' }));
    expect(doc.sections).toEqual([]);
  });

  it('says signings in a currency without bands are counted in it, even when no CNY signing is banded', async () => {
    const s = emptySummary();
    s.investment = {
      ...s.investment,
      signings: 1,
      signed: { domestic: {}, foreign: { EUR: 500_000_000 } },
      unbanded: { EUR: 1 },
    };
    expect(body(await build(s, emptyDetails()))).toContain('以欧元签约的1个项目按原币种统计，不分档。');
  });
});
