import { resolveFigurePath } from '@sunshine/projections/term-summary/evidence';
import type { ReportDetails, TermSummary } from '@sunshine/projections';
import { plainText, ReportDocument, ReportEdition } from './document';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { APPENDIX_TITLE, buildWorkSummary } from './term-report';
import {
  builtIn,
  contractDetails,
  contractSummary,
  emptyDetails,
  emptySummary,
  fakeEvidence,
  LOG_STATE,
  traced,
  undefinedIndicator,
} from './testing/contract-summary';
import { docxText, htmlText, spacesBesideDigits } from './testing/report-text';

const build = (summary: TermSummary, details: ReportDetails = contractDetails(), edition: ReportEdition = 'clean') =>
  buildWorkSummary(traced(summary, details), {
    townshipName: '示范镇',
    generatedAt: new Date('2013-10-08T02:00:00Z'),
    edition,
    log: LOG_STATE,
    evidenceOf: fakeEvidence(),
  });

/** The text of the body, paragraph by paragraph, as the clean edition prints it. */
const body = (doc: ReportDocument) =>
  [...doc.preamble, ...doc.sections.flatMap((s) => s.paragraphs)].map(plainText).join('\n');

/** The contract's summary with a share indicator, an indicator of an unknown code and a made-up metric. */
const realisticSummary = (): TermSummary => {
  const s = contractSummary();
  s.indicators['primary-industry-share'] = {
    unit: 'percent',
    ...builtIn('primary-industry-share'),
    first: { period: '2008', value: 19 },
    last: { period: '2012', value: 17 },
    ratio: 0.8947,
    target: null,
  };
  s.indicators['farmer-net-income'] = {
    unit: 'CNY-per-capita',
    ...builtIn('farmer-net-income'),
    first: { period: '2008', value: 720000 },
    last: { period: '2012', value: 1440000 },
    ratio: 2,
    target: null,
  };
  s.indicators['village-clinic'] = {
    unit: 'count',
    ...undefinedIndicator,
    first: { period: '2008', value: 12 },
    last: { period: '2012', value: 17 },
    ratio: 1.4167,
    target: null,
  };
  s.projects.outputs['street-lamps'] = 40;
  return s;
};

describe('the term-end work summary (clean edition)', () => {
  let doc: ReportDocument;
  let text: string;
  let markdown: string;
  beforeAll(async () => {
    doc = await build(realisticSummary());
    text = body(doc);
    markdown = renderMarkdown(doc, 'clean');
  });

  it('is titled for the township and the term', () => {
    expect(markdown.startsWith('# 示范镇第五届镇人民政府任期工作总结\n\n（2008年10月1日—2013年9月30日）\n')).toBe(true);
    expect(text).toContain('本届政府任期自2008年10月1日起至2013年9月30日止。');
  });

  it('follows the order of a government work summary, headings stating the subject without praise', () => {
    expect(doc.sections.map((s) => s.heading)).toEqual([
      '一、经济发展',
      '二、项目建设',
      '三、招商引资',
      '四、民生和社会事业',
      '五、平安建设和社会稳定',
      '六、审计监督和问题整改',
      '七、村级“三资”管理',
    ]);
    expect(markdown).not.toMatch(/成效显著|扎实推进|规范管理|稳步|显著|成绩/);
  });

  it('opens with the term and its main figures', () =>
    expect(plainText(doc.preamble[0])).toBe(
      '本届政府任期自2008年10月1日起至2013年9月30日止。任期内，全镇地区生产总值增长1.8倍，签约招商引资项目25个，登记建设项目120个，受理矛盾纠纷500件。现将本届政府任期工作总结如下。',
    ));

  it('states growth from +100 % up in 倍 (last ÷ first − 1), exact doublings as 翻一番, shares in 百分点', () => {
    // 8亿 ÷ 2.9亿 − 1 = 1.7586… → 1.8; 5003万 ÷ 790万 − 1 = 5.3329… → 5.3
    expect(text).toContain('地区生产总值由2008年的2.9亿元增加到2012年的8亿元，增长1.8倍');
    expect(text).toContain('财政收入由2008年的790万元增加到2012年的5003万元，增长5.3倍');
    expect(text).toContain('2013年财政收入目标为6500万元，2013年1—9月完成5020万元，完成目标的77.2%');
    // 19 % → 17 %: two points, not "下降10.53%"
    expect(text).toContain('第一产业比重由2008年的19%下降到2012年的17%，下降2个百分点');
    expect(text).not.toContain('10.5');
    // totals and shares each in a paragraph of their own
    expect(doc.sections[0].paragraphs.map((p) => plainText(p).slice(0, 6))).toEqual(['地区生产总值', '第一产业比重']);
    // 7200元 → 14400元 is an exact doubling
    expect(text).toContain('农民人均纯收入由2008年的7200元增加到2012年的14400元，翻一番');
  });

  it('names the largest projects with their investment and status, not calling them key projects when none is marked', () => {
    expect(text).toContain(
      '计划投资1亿元以上的项目2个：县乡供水一体化工程（计划投资6.5亿元，已完成投资3.2亿元，在建）；工业园区标准厂房（计划投资1.2亿元，已完成投资1.2亿元，建成投用）。',
    );
    expect(text).toContain('本届共登记建设项目120个，其中工业项目12个、基础设施20个、公共服务7个。');
  });

  it('names the largest projects when none reaches 1亿元', async () => {
    const details = contractDetails();
    details.projects.largest = details.projects.largest.slice(2);
    expect(body(await build(contractSummary(), details))).toContain(
      '投资规模居前的项目有：镇中心小学教学楼（计划投资3000万元，竣工验收）。',
    );
  });

  it('tells where escalated disputes went, calling an escalation to the county neither court nor arbitration', () => {
    expect(text).toContain(
      '本届共受理矛盾纠纷500件，其中调解成功475件，当事人撤回等其他方式化解5件，经调解未能化解、依法转由其他渠道处理20件（上报县级部门12件、移送法院5件、提交仲裁3件）；调解成功率（调解成功件数占已办结件数的比例）95%',
    );
    expect(text).toContain('从案件类型看，数量居前的是邻里纠纷180件、婚姻家庭120件、劳动争议110件。');
    expect(text).not.toMatch(/法院、仲裁等/);
  });

  it('leaves zero clauses out', () => {
    expect(contractSummary().disputes.open).toBe(0);
    expect(text).not.toMatch(/尚在调处中|尚未办结|(^|[^\d.])0(个|件|项)/);
    expect(text).not.toContain('暂停建设'); // no suspended project: not listed as "0个"
  });

  it('states livelihood, audits and the villages’ finances in their own words', () => {
    expect(text).toContain('本届新建改建农村公路116.7公里。');
    expect(text).toContain(
      '实施村级公益事业“一事一议”项目81个，计划总投资1200万元，其中群众自筹130万元、镇财政奖补50万元。',
    );
    expect(text).toContain('各村集体账目中，公益事业支出2100万元、福利救助支出600万元。');
    expect(text).toContain(
      '本届共开展审计12项，已审结11项；发现问题30个，涉及金额70万元；已追回（挽回）资金40万元；尚有2个问题未整改到位，正督促整改。',
    );
    expect(text).toContain(
      '本届各村集体账目（已冲销的账目不计）共登记收入8100万元、支出4800万元。每一笔收支均登记凭证号',
    );
    expect(text).toContain(
      '任期初村级存量债务150万元；本届新增村级债务80万元；化解村级债务60万元（含偿还、核销和债务重组）。',
    );
  });

  it('never prints a code it has no word for: an unknown indicator or metric is left out of the prose', () => {
    expect(markdown).not.toContain('village-clinic');
    expect(markdown).not.toContain('street-lamps');
    expect(markdown).not.toMatch(/「/);
  });

  it('has no note marker and no appendix, and ends with the provenance stamp', () => {
    expect(markdown).not.toMatch(/\[\^\d+\]/);
    expect(markdown).not.toContain(APPENDIX_TITLE);
    const stamp = markdown.slice(markdown.indexOf('**数据来源说明**'));
    expect(markdown.indexOf('示范镇人民政府  \n2013年10月8日')).toBeLessThan(markdown.indexOf('**数据来源说明**'));
    expect(stamp).toContain('数据截至日志位置81234。');
    expect(stamp).toContain(`日志默克尔树：树大小81234，根哈希：${'a'.repeat(64)}。`);
    expect(stamp).toContain(
      `最近签名检查点：树大小81000，根哈希：${'b'.repeat(64)}，签名于2013年10月8日00时00分（北京时间），Ed25519签名：4AbCdEfG0123456789+/=。`,
    );
  });

  it('says which recording time the figures are as known at', async () => {
    const asKnown = await build({ ...contractSummary(), knownAt: '2012-06-30T16:00:00.000Z' });
    expect(asKnown.stamp.lines).toContain(
      '数据截至日志位置81234，按2012年7月1日00时00分（北京时间）时已记录的事件统计。',
    );
  });
});

describe('a term with little in it', () => {
  it('leaves out every section with nothing to state, and says nothing about what is missing', async () => {
    const doc = await build(emptySummary(), emptyDetails());
    expect(doc.sections).toEqual([]);
    expect(body(doc)).not.toMatch(/本届未|尚无|没有/);
    expect(renderMarkdown(doc, 'clean').match(/^## /gm)).toBeNull();
    expect(plainText(doc.preamble[0])).toBe(
      '本届政府任期自2031年10月1日起至2036年9月30日止。现将本届政府任期工作总结如下。',
    );
  });

  it('states no voucher sentence without cash-book entries, and numbers the sections left', async () => {
    const s = emptySummary();
    s.villageFinance.debtsRegistered = { CNY: 5_000_000 };
    s.audits = { ...s.audits, opened: 2, findings: 1, openFindings: 0 };
    const doc = await build(s, emptyDetails());
    expect(doc.sections.map((x) => x.heading)).toEqual(['一、审计监督和问题整改', '二、村级“三资”管理']);
    const text = body(doc);
    expect(text).toContain('本届新增村级债务5万元。');
    expect(text).not.toContain('凭证');
    expect(text).toContain('本届共开展审计2项；发现问题1个；发现的问题均已整改到位。');
  });
});

describe('the evidence edition', () => {
  let doc: ReportDocument;
  let markdown: string;
  beforeAll(async () => {
    doc = await build(realisticSummary(), contractDetails(), 'evidence');
    markdown = renderMarkdown(doc, 'evidence');
  });

  it('puts a numbered note after every figure, in reading order, each naming its figure and events', () => {
    for (const f of doc.appendix.figures) {
      expect(markdown).toContain(`${f.text}[^${f.number}]`);
      expect(markdown).toContain(`\n[^${f.number}]: \`${f.path}\` ${f.text}；依据事件：`);
    }
    const body = markdown.split(`## ${APPENDIX_TITLE}`)[0];
    const references = [...body.matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1]));
    const firstMentions = references.filter((n, i) => references.indexOf(n) === i);
    expect(firstMentions).toEqual(firstMentions.map((_, i) => i + 1));
    expect(markdown).toContain(
      '`investment.signed.domestic.CNY` 17亿元；依据事件：investment-0@0、investment-1@1、investment-2@2（共3条记录）',
    );
  });

  it('takes summary figures from the summary, and lists the events of a named project', () => {
    for (const f of doc.appendix.figures.filter((x) => !x.path.startsWith('details.')))
      expect(resolveFigurePath(realisticSummary(), f.path)).toBeDefined();
    const planned = doc.appendix.figures.find((f) => f.path === 'details.projects.largest.XM-01.plannedInvestment');
    expect(planned?.text).toBe('6.5亿元');
    expect(planned?.evidence.events.map((e) => `${e.stream}@${e.revision}`)).toEqual([
      'project-XM-01@0',
      'project-XM-01@1',
    ]);
  });

  it('lists what the prose left out, under its code, in the appendix only', () => {
    expect(doc.appendix.unlisted?.items).toEqual([
      '指标「village-clinic」：17（count）',
      '建设成果「street-lamps」：40',
    ]);
    expect(markdown).toContain('指标「village-clinic」：17（count）');
  });
});

describe('no space beside a digit, anywhere, in every format and edition', () => {
  it.each(['clean', 'evidence'] as const)('%s edition: Markdown, HTML and the Word document', async (edition) => {
    const doc = await build(realisticSummary(), contractDetails(), edition);
    const texts = {
      markdown: renderMarkdown(doc, edition),
      html: htmlText(renderHtml(doc, edition)),
      docx: docxText(await renderDocx(doc, edition)),
    };
    for (const [format, text] of Object.entries(texts)) {
      expect(text.length).toBeGreaterThan(1000);
      expect({ format, spaces: spacesBesideDigits(text) }).toEqual({ format, spaces: [] });
    }
    expect(texts.docx).toContain('县乡供水一体化工程（计划投资6.5亿元');
  });
});
