import { resolveFigurePath } from '@sunshine/projections/term-summary/evidence';
import type { TermSummary } from '@sunshine/projections';
import { contractSummary, emptySummary, fakeEvidence } from './testing/contract-summary';
import { renderMarkdown } from './render-markdown';
import { APPENDIX_TITLE, buildWorkSummary, WorkSummary } from './work-summary';

const context = (evidenceOf = fakeEvidence()) => ({
  townshipName: '示范镇',
  generatedAt: new Date('2013-10-08T02:00:00Z'),
  evidenceOf,
});

/** The Markdown without its footnote references, to read the sentences as a reader does. */
const prose = (markdown: string) => markdown.replace(/\[\^\d+\]/g, '');

const build = (summary: TermSummary, evidenceOf = fakeEvidence()) => buildWorkSummary(summary, context(evidenceOf));

const figure = (doc: WorkSummary, path: string) => {
  const found = doc.appendix.figures.find((f) => f.path === path);
  if (!found) throw new Error(`no figure ${path}`);
  return found;
};

describe('the term-end work summary, in Markdown', () => {
  let summary: TermSummary;
  let doc: WorkSummary;
  let markdown: string;
  beforeAll(async () => {
    summary = contractSummary();
    doc = await build(summary);
    markdown = renderMarkdown(doc);
  });

  it('is titled for the township and the term', () => {
    expect(markdown.startsWith('# 示范镇第五届镇人民政府任期工作总结\n\n（2008年10月1日—2013年9月30日）\n')).toBe(true);
    expect(prose(markdown)).toContain('本届政府任期自 2008年10月1日 起至 2013年9月30日 止。');
  });

  it('has the six sections of a township work summary, in order', () => {
    const headings = markdown.match(/^## .+$/gm);
    expect(headings).toEqual([
      '## 一、招商引资成效显著',
      '## 二、项目建设扎实推进',
      '## 三、矛盾纠纷调处化解',
      '## 四、审计监督与整改',
      '## 五、村级财务规范管理',
      '## 六、主要经济指标',
      `## ${APPENDIX_TITLE}`,
    ]);
  });

  it('states the summary figures in Chinese units', () => {
    const text = prose(markdown);
    expect(text).toContain(
      '本届共签约招商引资项目 25 个，协议引进内资 17 亿元、外资 2900 万美元。截至任期末，已到位内资 9 亿元、外资 1800 万美元。',
    );
    expect(text).toContain(
      '从单个项目人民币签约额看，1 亿元以上的项目 3 个，5000 万元以上的 7 个，1000 万元以上的 15 个（各档均含更高一档）。',
    );
    expect(text).toContain('分行业看，汽车零部件 9 个、协议资金 5.2 亿元。');
    expect(text).toContain(
      '本届共登记建设项目 120 个。截至任期末，建成投用 2 个、竣工验收 70 个、完工待验收 40 个、在建 5 个、尚未开工 3 个；累计完成投资 6.5 亿元。',
    );
    expect(text).toContain('新建改建农村公路 116.7 公里');
    expect(text).toContain(
      '实施村级公益事业“一事一议”项目 81 个，计划总投资 1200 万元，其中群众自筹 130 万元、镇财政奖补 50 万元。',
    );
    expect(text).toContain(
      '本届共受理矛盾纠纷 500 件，其中调解成功 475 件，通过其他方式化解 5 件，依法移交法院、仲裁等渠道处理 20 件，尚未办结 0 件；调解成功率 95%',
    );
    expect(text).toContain(
      '本届共开展审计 12 项，已完结 11 项；发现问题 30 个，涉及金额 70 万元，已追回（挽回）金额 40 万元。尚有 2 个问题未整改到位',
    );
    expect(text).toContain(
      '本届各村集体账目共登记收入 8100 万元、支出 4800 万元（已冲销的账目不计）；新登记村级债务 80 万元，清偿化解债务 60 万元',
    );
    expect(text).toContain('地区生产总值由 2008年的 2.9 亿元增加到 2012年的 8 亿元，增长 175.86%。');
    expect(text).toContain(
      '财政收入由 2008年的 790 万元增加到 2012年的 5003 万元，增长 533.29%。2013年财政收入目标为 6500 万元，2013年1—9月完成 5020 万元，完成目标的 77.23%。',
    );
    expect(text).not.toContain('暂停建设'); // no suspended project: not listed as "0"
  });

  it('puts a footnote after every figure, naming its figure path and events', () => {
    for (const f of doc.appendix.figures) {
      expect(markdown).toContain(`${f.text}[^${f.number}]`);
      expect(markdown).toContain(`\n[^${f.number}]: \`${f.path}\` ${f.text}；依据事件：`);
    }
    const definitions = markdown.match(/^\[\^\d+\]: /gm) ?? [];
    expect(definitions).toHaveLength(doc.appendix.figures.length);
    expect(markdown).toContain(
      '[^4]: `investment.signed.domestic.CNY` 17 亿元；依据事件：investment-0@0、investment-1@1、investment-2@2（共 3 条记录）',
    );
  });

  it('numbers the figures in reading order', () => {
    const references = [...markdown.split(`## ${APPENDIX_TITLE}`)[0].matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1]));
    const firstMentions = references.filter((n, i) => references.indexOf(n) === i);
    expect(firstMentions).toEqual(firstMentions.map((_, i) => i + 1));
  });

  it('takes every figure from the summary: each figure path names a figure of it', () => {
    expect(doc.appendix.figures.length).toBeGreaterThan(40);
    for (const f of doc.appendix.figures) expect(resolveFigurePath(summary, f.path)).toBeDefined();
  });

  it('writes no number of its own: digits in the prose are figures, periods or the fixed size bands', () => {
    const texts = [...doc.preamble, ...doc.sections.flatMap((s) => s.paragraphs)]
      .flat()
      .flatMap((inline) => (inline.kind === 'text' ? [inline.text] : []))
      .join('|');
    const withoutAllowed = texts
      .replace(/\d{4}年(\d{1,2}—\d{1,2}月)?的?/g, '')
      .replace(/1 亿元以上|5000 万元以上|1000 万元以上/g, '');
    expect(withoutAllowed).not.toMatch(/\d/);
  });

  it('lists at most ten events of a figure, then counts them all', async () => {
    const many = await build(
      contractSummary(),
      fakeEvidence((path) => (path === 'disputes.registered' ? 500 : 2)),
    );
    const md = renderMarkdown(many);
    const n = figure(many, 'disputes.registered').number;
    const line = md.split('\n').find((l) => l.startsWith(`[^${n}]: `));
    expect(line).toContain(
      'disputes-0@0、disputes-1@1、disputes-2@2、disputes-3@3、disputes-4@0、disputes-5@1、disputes-6@2、disputes-7@3、disputes-8@0、disputes-9@1 等共 500 条记录',
    );
    expect(line).not.toContain('disputes-10@');
    expect(figure(many, 'disputes.registered').evidence).toMatchObject({ total: 500, events: expect.any(Array) });
    expect(figure(many, 'disputes.registered').evidence.events).toHaveLength(10);
  });

  it('asks for the evidence of each figure once, even when a figure is stated twice', async () => {
    const asked: string[] = [];
    const evidence = fakeEvidence();
    await build(contractSummary(), (path) => {
      asked.push(path);
      return evidence(path);
    });
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked).toContain('investment.signings');
  });

  it('says plainly when a section has nothing in it, and claims no success for it', async () => {
    const md = renderMarkdown(await build(emptySummary()));
    for (const sentence of [
      '本届未登记招商引资签约项目。',
      '本届未登记建设项目。',
      '本届未受理矛盾纠纷。',
      '本届未登记审计项目。',
      '本届未登记村级财务收支和债务。',
      '本届未报送经济指标。',
    ])
      expect(md).toContain(sentence);
    expect(md).toContain('## 一、招商引资\n');
    expect(md).not.toContain('成效显著');
    expect(md).not.toContain('扎实推进');
  });

  it('tells terminated signings, a term without concluded disputes and rectified audits apart', async () => {
    const s = contractSummary();
    s.investment.terminated = 2;
    s.investment.signed.foreign = { CNY: 3_000_000_000, USD: 100_000_000 };
    s.disputes = {
      registered: 3,
      resolvedByMediation: 0,
      resolvedOtherwise: 0,
      escalated: 0,
      open: 3,
      mediationSuccessRate: null,
    };
    s.audits.openFindings = 0;
    s.indicators = {
      'farmer-net-income': {
        unit: 'CNY-per-capita',
        first: { period: '2021', value: 2383900 },
        last: { period: '2025', value: 2000000 },
        ratio: 0.839,
        target: null,
      },
    };
    const text = prose(renderMarkdown(await build(s)));
    expect(text).toContain('外资 3000 万元、100 万美元');
    expect(text).toContain('另有 2 个签约项目已终止，不计入上述数字。');
    expect(text).toContain('尚无办结的纠纷，暂不计算调解成功率。');
    expect(text).toContain('发现的问题均已整改（未整改问题 0 个）。');
    expect(text).toContain('农民人均纯收入由 2021年的 23839 元减少到 2025年的 20000 元，下降 16.1%。');
  });

  it('says which recording time the figures are as known at', async () => {
    const s = { ...contractSummary(), knownAt: '2012-06-30T16:00:00.000Z' };
    expect((await build(s)).provenance).toContain('按 2012年7月1日 00:00（北京时间）时已记录的事件');
  });

  it('escapes Markdown in names taken from the log', async () => {
    const s = contractSummary();
    s.investment.bySector = { '*新*_能源_[链接](http://x)': { signings: 1, signed: { CNY: 100 } } };
    const md = renderMarkdown(await build(s));
    expect(md).toContain('\\*新\\*\\_能源\\_\\[链接\\](http://x) 1 个');
  });
});
