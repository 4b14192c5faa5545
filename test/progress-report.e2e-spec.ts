import { ADMIN_USER_ID, importCommands } from '@sunshine/application';
import { docxText, htmlText, spacesBesideDigits } from '@sunshine/reports/testing/report-text';
import { Envelope, generateTownship } from '../bench/generator/township';
import { binary } from './support/binary';
import { startTestApp, TestApp } from './support/test-app';

async function* asLines(envelopes: Iterable<object>) {
  for (const e of envelopes) yield JSON.stringify(e);
}

const SPAN = { from: '2026-01-01', to: '2026-09-30' };
const BEFORE = { from: '2025-01-01', to: '2025-09-30' };
const QUERY = `from=${SPAN.from}&to=${SPAN.to}`;

const within = (date: string, span: { from: string; to: string }) => span.from <= date && date <= span.to;

/** Signings of a span counted by hand from the commands: dated in it, not voided, not terminated by its end. */
const signingsIn = (envelopes: Envelope[], span: { from: string; to: string }) =>
  envelopes.filter((e) => {
    if (e.type !== 'SignInvestment' || !within(e.data.signedOn as string, span)) return false;
    const id = e.data.investmentId as string;
    const voided = envelopes.some((x) => x.type === 'VoidRecord' && x.data.stream === `investment-${id}`);
    const terminated = envelopes.some(
      (x) =>
        x.type === 'TerminateInvestment' && x.data.investmentId === id && (x.data.terminatedOn as string) <= span.to,
    );
    return !voided && !terminated;
  }).length;

const disputesIn = (envelopes: Envelope[], span: { from: string; to: string }) =>
  envelopes.filter((e) => e.type === 'RegisterDispute' && within(e.data.receivedOn as string, span)).length;

/** "增长12.5%", "下降20%", "增长1.5倍" worked out on integers, as a secretary would by hand. */
const compared = (now: number, before: number): string => {
  if (now >= 2 * before) {
    const tenths = Math.floor(((now - before) * 20) / before + 1) >> 1; // half-up tenths of a multiple
    return now === 2 * before ? '翻一番' : `增长${tenths / 10}倍`;
  }
  const tenths = Math.sign(now - before) * (Math.floor((Math.abs(now - before) * 2000) / before + 1) >> 1);
  return tenths === 0 ? '持平' : tenths > 0 ? `增长${tenths / 10}%` : `下降${-tenths / 10}%`;
};

describe('the 1–9月 progress report (进展情况报告), beside the same months a year earlier', () => {
  let t: TestApp;
  let envelopes: Envelope[];
  let markdown: string;
  beforeAll(async () => {
    t = await startTestApp({ clock: () => new Date('2026-11-28T04:00:00Z') });
    envelopes = [...generateTownship({ seed: 7 })];
    for await (const line of importCommands(asLines(envelopes), {
      onError: 'stop',
      language: 'en',
      actor: { userId: ADMIN_USER_ID, role: 'admin' },
      submit: (envelope, actor) => t.runtime.commands.submit(envelope, actor),
    }))
      if ('summary' in line) expect(line.summary.failed).toBe(0);
    markdown = (await t.get(`/api/v1/reports/progress?${QUERY}&format=markdown`).expect(200)).text;
  });
  afterAll(() => t.close());

  it('is titled for the months it covers and compares with the same months of last year', () => {
    expect(markdown.startsWith('# 示范镇2026年1—9月工作进展情况报告\n\n（2026年1月1日—2026年9月30日）\n')).toBe(true);
    expect(markdown).toContain('与去年同期比较的，均为2025年1—9月同口径数据');
  });

  it('states 较去年同期 figures equal to hand arithmetic from the commands', () => {
    const [signings, signingsBefore] = [signingsIn(envelopes, SPAN), signingsIn(envelopes, BEFORE)];
    const [disputes, disputesBefore] = [disputesIn(envelopes, SPAN), disputesIn(envelopes, BEFORE)];
    expect(signingsBefore).toBeGreaterThan(0);
    expect(disputesBefore).toBeGreaterThan(0);
    expect(markdown).toContain(
      `2026年1—9月共签约招商引资项目${signings}个（较去年同期${compared(signings, signingsBefore)}）`,
    );
    expect(markdown).toContain(
      `2026年1—9月共受理矛盾纠纷${disputes}件（较去年同期${compared(disputes, disputesBefore)}）`,
    );
  });

  it('answers JSON with each figure, last year’s, the change and the growth', async () => {
    const res = await t.get(`/api/v1/reports/progress?${QUERY}&format=json`).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const figures = JSON.parse(res.text);
    expect(figures).toMatchObject({ from: SPAN.from, to: SPAN.to, comparedWith: BEFORE, township: '示范镇' });
    const [now, before] = [signingsIn(envelopes, SPAN), signingsIn(envelopes, BEFORE)];
    expect(figures.figures.find((f: { figure: string }) => f.figure === 'investment.signings')).toEqual({
      figure: 'investment.signings',
      value: now,
      previous: before,
      change: now - before,
      growth: Math.round(((now - before) / before) * 10000) / 10000,
    });
    const gdp = figures.indicators.find((i: { indicator: string }) => i.indicator === 'gdp');
    expect(gdp).toMatchObject({ period: '2026-01/2026-09', previous: { period: '2025-01/2025-09' } });
    expect(gdp.change).toBe(gdp.value - gdp.previous.value);
    expect(figures.targets.find((x: { indicator: string }) => x.indicator === 'fiscal-revenue')).toMatchObject({
      period: '2026',
      reported: { period: '2026-01/2026-09' },
    });
  });

  it('states the indicators of the months beside last year’s, and the year’s target', () => {
    expect(markdown).toMatch(/地区生产总值2026年1—9月为[\d.]+亿元，较去年同期(增长|下降)[\d.]+%/);
    expect(markdown).toMatch(/2026年财政收入目标为[\d.]+[万亿]元，2026年1—9月完成[\d.]+[万亿]元，完成目标的[\d.]+%/);
  });

  it('states the township’s own indicators of the months beside last year’s, by their Chinese names', () => {
    const value = (indicator: string, period: string) =>
      envelopes.find((e) => e.type === 'ReportIndicator' && e.data.indicator === indicator && e.data.period === period)
        ?.data.value as number;
    const [now, before] = [value('petitions', '2026-01/2026-09'), value('petitions', '2025-01/2025-09')];
    expect(before).toBeGreaterThan(0);
    expect(markdown).toContain(`受理信访事项2026年1—9月为${now}件，较去年同期${compared(now, before)}`);
    expect(markdown).toMatch(/新型职业农民培训人次2026年1—9月为\d+人次/);
    expect(markdown).not.toMatch(/petitions|farmer-training/);
  });

  it('has no space beside a digit and no note marker in any format of the clean edition', async () => {
    const html = (await t.get(`/api/v1/reports/progress?${QUERY}&format=html`).expect(200)).text;
    const docx = (await t.get(`/api/v1/reports/progress?${QUERY}&format=docx`).buffer(true).parse(binary).expect(200))
      .body as Buffer;
    for (const [format, text] of Object.entries({ markdown, html: htmlText(html), docx: docxText(docx) })) {
      expect(text).toContain('较去年同期');
      expect({ format, spaces: spacesBesideDigits(text) }).toEqual({ format, spaces: [] });
      expect({ format, markers: text.match(/\[\^?\d+\]/g) }).toEqual({ format, markers: null });
    }
  });

  it('makes a calendar year the year’s work summary, and numbers figures in the evidence edition', async () => {
    const year = (await t.get('/api/v1/reports/progress?from=2025-01-01&to=2025-12-31&format=markdown').expect(200))
      .text;
    expect(year.startsWith('# 示范镇2025年工作总结\n')).toBe(true);
    const evidence = (await t.get(`/api/v1/reports/progress?${QUERY}&format=markdown&edition=evidence`).expect(200))
      .text;
    expect(evidence).toMatch(/共签约招商引资项目\d+个\[\^\d+\]（较去年同期/);
  });

  it('refuses dates that are not calendar dates, or a span that ends before it starts, naming the field', async () => {
    for (const [query, field] of [
      ['from=2026-02-30&to=2026-09-30&format=json', 'from'],
      ['from=2026-01-01&to=2026-9-30&format=json', 'to'],
      ['to=2026-09-30&format=json', 'from'],
      ['from=2026-10-01&to=2026-09-30&format=json', 'to'],
      [`${QUERY}&format=pdf`, 'format'],
      [`${QUERY}&format=json&edition=draft`, 'edition'],
    ]) {
      const res = await t.get(`/api/v1/reports/progress?${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([field]);
    }
  });
});
