import { startTestApp, TestApp } from './support/test-app';
import { envelope, indicatorData, record, registerUser, TERM } from './support/township';

/**
 * Indicator values at the ends of what a JSON number holds: a ratio of them overflows a double.
 * Every role still gets the summary with a number for a ratio, and the report in every format.
 */
describe('indicator values whose ratio no double can hold', () => {
  let t: TestApp;
  const tokens: Record<string, string | undefined> = {};
  beforeAll(async () => {
    t = await startTestApp();
    await record(t, 'OpenTerm', TERM);
    await record(t, 'DefineIndicator', {
      indicator: 'tiny-to-huge',
      name: '极端比值',
      unit: 'ratio',
      kind: 'quantity',
      section: 'livelihood',
    });
    // Values are refused beyond the safe integers; a quantity of 3 decimals spans 0.001 to about 1e12.
    await record(t, 'ReportIndicator', indicatorData('tiny-to-huge', '2012', 0.001, 'ratio'));
    await record(t, 'ReportIndicator', indicatorData('tiny-to-huge', '2013', 1e12, 'ratio'));
    await record(t, 'SetIndicatorTarget', { indicator: 'tiny-to-huge', period: '2014', target: 0.001 });
    await record(t, 'ReportIndicator', indicatorData('tiny-to-huge', '2014', 1e12, 'ratio'));
    tokens.admin = undefined;
    for (const role of ['clerk', 'auditor', 'supervisor'])
      tokens[role] = await registerUser(t, { userId: `extreme-${role}`, name: `${role}`, role });
  });
  afterAll(() => t.close());

  it.each(['admin', 'clerk', 'auditor', 'supervisor'])(
    'gives the %s a summary whose ratios are numbers',
    async (role) => {
      const { body } = await t.get(`/api/v1/terms/${TERM.termId}/summary`, tokens[role]).expect(200);
      const figure = body.indicators['tiny-to-huge'];
      expect(figure.ratio).toBe(1e15);
      expect(figure.target.completion).toBe(1e15);
    },
  );

  it('refuses a value no ratio could be taken of (1e308), naming it, and records nothing', async () => {
    const head = await t.runtime.events.headPosition();
    const response = await t
      .command(envelope('ReportIndicator', indicatorData('tiny-to-huge', '2015', 1e308, 'ratio')))
      .expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'data.value' })]);
    expect(await t.runtime.events.headPosition()).toBe(head);
  });

  it.each(
    ['admin', 'clerk', 'auditor', 'supervisor'].flatMap((role) => ['markdown', 'html', 'docx'].map((f) => [role, f])),
  )('gives the %s the %s report', async (role, format) => {
    const response = await t.get(`/api/v1/terms/${TERM.termId}/report?format=${format}`, tokens[role]).expect(200);
    expect(Number(response.headers['content-length'])).toBeGreaterThan(0);
  });
});
