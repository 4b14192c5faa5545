import { startTestApp, TestApp } from './support/test-app';
import { indicatorData, record, registerUser, TERM } from './support/township';

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
    await record(t, 'ReportIndicator', indicatorData('tiny-to-huge', '2012', 1e-320, 'ratio'));
    await record(t, 'ReportIndicator', indicatorData('tiny-to-huge', '2013', 1e308, 'ratio'));
    await record(t, 'SetIndicatorTarget', { indicator: 'tiny-to-huge', period: '2014', target: 1e-320 });
    await record(t, 'ReportIndicator', indicatorData('tiny-to-huge', '2014', 1e308, 'ratio'));
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
      expect(figure.ratio).toBe(Number.MAX_VALUE);
      expect(figure.target.completion).toBe(Number.MAX_VALUE);
    },
  );

  it.each(
    ['admin', 'clerk', 'auditor', 'supervisor'].flatMap((role) => ['markdown', 'html', 'docx'].map((f) => [role, f])),
  )('gives the %s the %s report', async (role, format) => {
    const response = await t.get(`/api/v1/terms/${TERM.termId}/report?format=${format}`, tokens[role]).expect(200);
    expect(Number(response.headers['content-length'])).toBeGreaterThan(0);
  });
});
