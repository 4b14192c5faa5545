import { startTestApp, TestApp } from './support/test-app';
import { expectNotFound, expectRefused, expectRule } from './support/refusals';
import {
  auditData,
  envelope,
  findingData,
  indicatorData,
  projectData,
  record,
  recordTownship,
  TERM,
} from './support/township';

/** What a township's work summary needs beyond the first round: its own words, honours, key projects. */
describe('recording what a work summary needs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await recordTownship(t);
  });
  afterAll(() => t.close());

  describe('the indicator catalogue', () => {
    it('refuses a report of an undefined code, naming DefineIndicator, then takes it once defined', async () => {
      const problem = await expectRule(
        t,
        'ReportIndicator',
        indicatorData('village-clinic', '2013', 14, 'count'),
        'RULE_INDICATOR_UNDEFINED',
        'data.indicator',
      );
      expect(problem.detail).toContain('DefineIndicator');
      const definition = {
        indicator: 'village-clinic',
        name: '村卫生室',
        unit: 'count',
        kind: 'count',
        section: 'livelihood',
      };
      await record(t, 'DefineIndicator', definition);
      await record(t, 'ReportIndicator', indicatorData('village-clinic', '2013', 14, 'count'));
    });

    it('appends nothing when the same definition is sent again', async () => {
      const definition = {
        indicator: 'village-clinic',
        name: '村卫生室',
        unit: 'count',
        kind: 'count',
        section: 'livelihood',
      };
      const before = await t.runtime.events.headPosition();
      const answer = await record(t, 'DefineIndicator', definition);
      expect(answer.events).toEqual([]);
      expect(await t.runtime.events.headPosition()).toBe(before);
    });

    it('knows the common indicators from the first start', async () => {
      await record(t, 'ReportIndicator', indicatorData('primary-industry-share', '2013', 17, 'percent'));
      await expectRule(
        t,
        'ReportIndicator',
        indicatorData('secondary-industry-share', '2013', 117, 'percent'),
        'RULE_INDICATOR_VALUE_KIND',
        'data.value',
      );
    });
  });

  it('records an honour and its own stream', async () => {
    const answer = await record(t, 'RecordHonour', {
      honourId: 'RY-2013-01',
      title: '省级生态乡镇',
      awardedBy: '省生态环境厅',
      awardedOn: '2013-05-20',
      level: 'provincial',
    });
    expect(answer.stream).toBe('honour-RY-2013-01');
  });

  describe("a summary's prose", () => {
    it('writes a section of a term that exists, and 404 names the term otherwise', async () => {
      await record(t, 'WriteReportSection', { termId: TERM.termId, section: 'next-steps', text: '一是抓项目。' });
      await expectNotFound(
        t,
        'WriteReportSection',
        { termId: '1999-2004', section: 'next-steps', text: '一是抓项目。' },
        'data.termId',
      );
    });

    it('refuses a section it does not know and a text over 20,000 characters', async () => {
      await expectRefused(t, envelope('WriteReportSection', { termId: TERM.termId, section: 'gossip', text: '……' }), {
        status: 400,
        path: 'data.section',
      });
      await expectRefused(
        t,
        envelope('WriteReportSection', { termId: TERM.termId, section: 'preface', text: '字'.repeat(20_001) }),
        { status: 400, path: 'data.text' },
      );
    });
  });

  it('marks a registered project as key, with a reason', async () => {
    await record(t, 'RegisterProject', projectData('XM-KEY-1'));
    await record(t, 'MarkKeyProject', { projectId: 'XM-KEY-1', key: true, reason: '列入省重点项目' });
    await expectRule(
      t,
      'MarkKeyProject',
      { projectId: 'XM-KEY-1', key: true, reason: '重复' },
      'RULE_KEY_PROJECT_UNCHANGED',
      'data.key',
    );
  });

  it('needs the date a finding was found', async () => {
    await record(t, 'OpenAudit', auditData('SJ-2013-090', { kind: 'village', id: 'lijiazhuang' }));
    const { foundOn: _foundOn, ...undated } = findingData('SJ-2013-090', 'F-01', 'minor');
    await expectRefused(t, envelope('RecordFinding', undated), { status: 400, path: 'data.foundOn' });
    await record(t, 'RecordFinding', findingData('SJ-2013-090', 'F-01', 'minor'));
  });
});
