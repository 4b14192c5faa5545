import { CommandRecorder, yuan } from './support/recorder';
import { startTestApp, TestApp } from './support/test-app';

const TERM = { termId: '2021-2026', name: '第八届镇人民政府', startsOn: '2021-10-01', endsOn: '2026-09-30' };

/** The township's own indicators, one for each theme of a real work summary that has a figure. */
const INDICATORS = [
  // livelihood: insurance coverage, training, beneficiaries
  ['medical-insurance-rate', '城乡居民医保参保率', 'percent', 'rate', 'livelihood', 92.5, 98.6],
  ['farmer-training', '新型职业农民培训人次', '人次', 'count', 'livelihood', 300, 1260],
  ['subsistence-allowance', '城乡低保保障人数', '人', 'count', 'livelihood', 820, 615],
  // work safety, building enforcement, petitions
  ['work-accidents', '安全生产事故起数', '起', 'count', 'safety-stability', 5, 2],
  ['illegal-buildings-removed', '拆除违法建筑面积', '平方米', 'quantity', 'safety-stability', 1200, 8650.5],
  ['petitions', '受理信访事项', '件', 'count', 'safety-stability', 64, 48],
  // parks and their enterprises
  ['park-enterprises', '园区入驻企业', '家', 'count', 'industry', 12, 36],
  // a share: its change is stated in 百分点
  ['forest-cover', '森林覆盖率', 'percent', 'share', 'agriculture', 41.2, 43.7],
] as const;

/**
 * Every theme the seed's summary has and the first round could not record — livelihood, work
 * safety, building enforcement, petitions, parks and their enterprises, Party building, clean
 * government, honours, difficulties, next steps — recorded over HTTP with the commands a clerk
 * sends, and found in the clean edition of the term's report.
 */
describe('every seed theme can be recorded and appears in the work summary', () => {
  let now = new Date('2026-10-20T02:00:00Z');
  let t: TestApp;
  let r: CommandRecorder;
  let report: string;
  const section = (heading: string) => {
    const start = report.indexOf(`、${heading}\n`);
    expect(start).toBeGreaterThan(0);
    const end = report.indexOf('\n## ', start);
    return report.slice(start, end < 0 ? undefined : end);
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    r = new CommandRecorder(t);
    await r.send('OpenTerm', TERM);
    await r.send('RegisterVillage', { villageId: 'V01', name: '东村' });
    for (const [indicator, name, unit, kind, section, first, last] of INDICATORS) {
      await r.send('DefineIndicator', { indicator, name, unit, kind, section });
      await r.send('ReportIndicator', { indicator, period: '2022', value: first, unit });
      await r.send('ReportIndicator', { indicator, period: '2025', value: last, unit });
    }

    // The key project: planned 6.5亿元, 3.2亿元 invested by the term's end, marked key.
    await r.send('RegisterProject', {
      projectId: 'ZD-01',
      name: '县乡供水一体化工程',
      category: 'infrastructure',
      registeredOn: '2022-03-01',
      plannedInvestment: yuan(650_000_000),
    });
    await r.send('RecordMilestone', { projectId: 'ZD-01', milestone: 'construction-started', reachedOn: '2022-05-01' });
    await r.send('ReportProjectProgress', {
      projectId: 'ZD-01',
      investedToDate: yuan(320_000_000),
      asOf: '2026-06-30',
    });
    await r.send('MarkKeyProject', { projectId: 'ZD-01', key: true, reason: '列入县重点项目' });

    // Debts: DEBT-OLD (2019) 500,000, of which 120,000 repaid before the term and 200,000 in it;
    // DEBT-NEW (2023) 80,000, of which 30,000 written off in the term.
    const debt = (debtId: string, amount: number, incurredOn: string) =>
      r.send('RegisterDebt', { villageId: 'V01', debtId, creditor: '县农商银行', amount: yuan(amount), incurredOn });
    const settle = (debtId: string, amount: number, settledOn: string, method: string) =>
      r.send('SettleDebt', { villageId: 'V01', debtId, amount: yuan(amount), settledOn, method });
    await debt('DEBT-OLD', 500_000, '2019-04-01');
    await settle('DEBT-OLD', 120_000, '2020-12-31', 'repaid');
    await settle('DEBT-OLD', 200_000, '2022-06-30', 'repaid');
    await debt('DEBT-NEW', 80_000, '2023-03-15');
    await settle('DEBT-NEW', 30_000, '2024-01-10', 'written-off');

    const honour = (honourId: string, title: string, awardedBy: string, awardedOn: string, level: string) =>
      r.send('RecordHonour', { honourId, title, awardedBy, awardedOn, level });
    await honour('RY-1', '全国文明村镇', '中央精神文明建设指导委员会', '2024-11-20', 'national');
    await honour('RY-2', '省级卫生乡镇', '省爱国卫生运动委员会', '2023-05-10', 'provincial');
    await honour('RY-3', '信访工作先进单位', '县委、县人民政府', '2022-02-15', 'county');

    const write = (section: string, text: string) =>
      r.send('WriteReportSection', { termId: TERM.termId, section, text });
    await write('preface', '本届政府任期即将届满，现将主要工作总结如下（初稿）。');
    await write('party-building', '坚持党建引领，完成村“两委”换届选举。');
    await write('clean-government', '严格落实中央八项规定精神，“三公”经费逐年压减。');
    await write('difficulties', '村级集体经济总体薄弱。\n\n要素保障压力较大。');
    await write('next-steps', '一是坚持项目为王。\n二是持续增进民生福祉。');
    now = new Date('2026-10-25T02:00:00Z');
    await write('preface', '五年来，全镇上下团结一心，各项事业取得新进展。现将本届政府任期工作总结如下。');

    report = (await t.get(`/api/v1/terms/${TERM.termId}/report?format=markdown`).expect(200)).text;
  });
  afterAll(() => t.close());

  it('states livelihood: insurance coverage in 百分点, training and beneficiaries by their growth, each by its Chinese name', () => {
    const livelihood = section('民生和社会事业');
    // a rate: 98.6 − 92.5 = 6.1 points
    expect(livelihood).toContain('城乡居民医保参保率由2022年的92.5%提高到2025年的98.6%，提高6.1个百分点');
    // 1260 ÷ 300 − 1 = 3.2 → 增长3.2倍
    expect(livelihood).toContain('新型职业农民培训人次由2022年的300人次增加到2025年的1260人次，增长3.2倍');
    // (615 − 820) ÷ 820 = −25%
    expect(livelihood).toContain('城乡低保保障人数由2022年的820人减少到2025年的615人，下降25%');
  });

  it('states work safety, building enforcement and petitions under safety and stability', () => {
    const safety = section('平安建设和社会稳定');
    expect(safety).toContain('安全生产事故起数由2022年的5起减少到2025年的2起，下降60%');
    // 8650.5 ÷ 1200 − 1 = 6.20875 → 6.2
    expect(safety).toContain('拆除违法建筑面积由2022年的1200平方米增加到2025年的8650.5平方米，增长6.2倍');
    expect(safety).toContain('受理信访事项由2022年的64件减少到2025年的48件，下降25%');
  });

  it('states the park’s enterprises and a share’s change in 百分点 under the economy, never a code', () => {
    const economy = section('经济发展');
    // 36 ÷ 12 − 1 = 2
    expect(economy).toContain('园区入驻企业由2022年的12家增加到2025年的36家，增长2倍');
    // a share: 43.7 − 41.2 = 2.5 points, not a growth of 6.1 %
    expect(economy).toContain('森林覆盖率由2022年的41.2%提高到2025年的43.7%，提高2.5个百分点');
    for (const [code] of INDICATORS) expect(report).not.toContain(code);
  });

  it('names the key project marked with MarkKeyProject, with its investment and status', () =>
    expect(section('项目建设')).toContain(
      '重点项目1个：县乡供水一体化工程（计划投资6.5亿元，累计完成投资3.2亿元，在建）。',
    ));

  it('tells debts apart as 存量, 新增 and 化解, by hand arithmetic', () =>
    // 存量: 500,000 − 120,000 settled before the term = 380,000 (38万元); 新增: 80,000 (8万元);
    // 化解: 200,000 of the old debt + 30,000 of the new one = 230,000 (23万元).
    expect(section('村级“三资”管理')).toContain(
      '任期初村级存量债务38万元；本届新增村级债务8万元；化解村级债务23万元（含偿还、核销和债务重组）。',
    ));

  it('states Party building and clean government in their own section, as written', () => {
    const party = section('党的建设和党风廉政建设');
    expect(party).toContain('坚持党建引领，完成村“两委”换届选举。');
    expect(party).toContain('严格落实中央八项规定精神，“三公”经费逐年压减。');
  });

  it('lists honours by level, the highest first, with the awarding body and the month', () =>
    expect(section('所获荣誉')).toContain(
      [
        '本届共获得各级荣誉3项，其中国家级1项、省级1项、县级1项。',
        '国家级：“全国文明村镇”（中央精神文明建设指导委员会，2024年11月）。',
        '省级：“省级卫生乡镇”（省爱国卫生运动委员会，2023年5月）。',
        '县级：“信访工作先进单位”（县委、县人民政府，2022年2月）。',
      ].join('\n\n'),
    ));

  it('ends with the difficulties and the next steps, one paragraph per line written', () => {
    expect(report).toContain('## 八、存在的困难和问题\n\n村级集体经济总体薄弱。\n\n要素保障压力较大。\n');
    expect(report).toContain('## 九、下一步工作打算\n\n一是坚持项目为王。\n\n二是持续增进民生福祉。\n');
  });

  it('opens with the preface as last written: the first text is replaced, and still known at an earlier instant', async () => {
    expect(report).toContain('（2021年10月1日—2026年9月30日）\n\n五年来，全镇上下团结一心');
    expect(report).not.toContain('初稿');
    const before = (
      await t.get(`/api/v1/terms/${TERM.termId}/report?format=markdown&knownAt=2026-10-22T00:00:00Z`).expect(200)
    ).text;
    expect(before).toContain('现将主要工作总结如下（初稿）。');
    expect(before).not.toContain('五年来');
  });

  it('gives the same figures in the term summary’s JSON', async () => {
    const summary = (await t.get(`/api/v1/terms/${TERM.termId}/summary`).expect(200)).body;
    expect(summary.villageFinance).toEqual({
      receipts: {},
      expenditures: {},
      debtsRegistered: { CNY: 80_000 * 100 },
      debtsSettled: { CNY: (200_000 + 30_000) * 100 },
      debtsOutstandingAtStart: { CNY: (500_000 - 120_000) * 100 },
    });
    expect(summary.keyProjects).toEqual({
      'ZD-01': {
        name: '县乡供水一体化工程',
        category: 'infrastructure',
        registeredOn: '2022-03-01',
        plannedInvestment: { currency: 'CNY', minor: 650_000_000 * 100 },
        status: 'under-construction',
        investedToDate: { currency: 'CNY', minor: 320_000_000 * 100 },
        investedAtStart: null,
      },
    });
    expect(summary.honours).toMatchObject({
      awarded: 3,
      byLevel: { national: 1, provincial: 1, municipal: 0, county: 1 },
    });
    expect(summary.indicators['work-accidents']).toMatchObject({
      unit: '起',
      name: '安全生产事故起数',
      kind: 'count',
      section: 'safety-stability',
      ratio: 0.4,
    });
  });

  it('leaves out a section with nothing to say, and says nothing about it', () => {
    expect(report.match(/^## .+$/gm)).toEqual([
      '## 一、经济发展',
      '## 二、项目建设',
      '## 三、民生和社会事业',
      '## 四、平安建设和社会稳定',
      '## 五、党的建设和党风廉政建设',
      '## 六、村级“三资”管理',
      '## 七、所获荣誉',
      '## 八、存在的困难和问题',
      '## 九、下一步工作打算',
    ]);
    // no signing, no dispute, no audit: no 招商引资 section and no sentence saying so
    expect(report).not.toMatch(/招商引资|矛盾纠纷|审计/);
  });
});
