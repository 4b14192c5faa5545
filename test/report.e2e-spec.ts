import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ADMIN_USER_ID, importCommands } from '@sunshine/application';
import type { TermSummary } from '@sunshine/projections';
import { resolveFigurePath } from '@sunshine/projections/term-summary/evidence';
import {
  APPENDIX_TITLE,
  formatCount,
  formatDate,
  formatGrowth,
  formatMoney,
  formatMoneyInUnits,
  formatPercent,
  formatQuantity,
} from '@sunshine/reports';
import { zipEntries } from '@sunshine/reports/testing/zip-entries';
import { generateTownship } from '../bench/generator/township';
import { ADMIN_TOKEN, nextCommandId, startTestApp, TestApp } from './support/test-app';

const SUNSHINE = join(__dirname, '../bin/sunshine');
const TERM_ID = '2021-2026';
const TITLE = '示范镇第八届镇人民政府任期工作总结';
const HEADINGS = [
  '一、招商引资成效显著',
  '二、项目建设扎实推进',
  '三、矛盾纠纷调处化解',
  '四、审计监督与整改',
  '五、村级财务规范管理',
  '六、主要经济指标',
];

async function* asLines(envelopes: Iterable<object>) {
  for (const e of envelopes) yield JSON.stringify(e);
}

/** A binary answer as a Buffer (supertest only buffers text and JSON by itself). */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The footnotes of the Markdown report: number → [figure path, figure text, evidence]. */
const footnotesOf = (markdown: string) =>
  [...markdown.matchAll(/^\[\^(\d+)\]: `([^`]+)` (.+?)；依据事件：(.+)$/gm)].map(([, n, path, text, evidence]) => ({
    n: Number(n),
    path,
    text,
    evidence,
  }));

/**
 * What the report must print for a figure of the JSON summary, formatted here from the summary's
 * own value with the report's formatters: the number in the text is the number in the summary.
 */
const expectedText = (summary: TermSummary, path: string): RegExp | string => {
  const keys = resolveFigurePath(summary, path);
  if (!keys) throw new Error(`the summary has no figure ${path}`);
  const value = keys.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], summary) as number & string;
  const last = keys[keys.length - 1];
  if (path === 'from' || path === 'to') return formatDate(value);
  if (keys[0] === 'indicators') {
    if (last === 'ratio') return formatGrowth(value);
    if (last === 'completion') return formatPercent(value);
    const unit = summary.indicators[keys[1]].unit;
    return unit === 'CNY-per-capita' ? formatMoneyInUnits(value) : formatMoney(value, 'CNY');
  }
  if (/^[A-Z]{3}$/.test(last)) return formatMoney(value, last);
  if (last === 'mediationSuccessRate') return formatPercent(value);
  if (keys[1] === 'outputs') return new RegExp(`^${formatQuantity(value).replace('.', '\\.')}( |$)`);
  return new RegExp(`^${formatCount(value)} [个件项]$`);
};

describe('the term-end work summary (工作总结), generated from the log', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-report-'));
  let now = new Date('2026-11-28T04:00:00Z');
  let t: TestApp;
  let serving = false;
  let summary: TermSummary;
  let markdown: string;
  beforeAll(async () => {
    t = await startTestApp({ dataDir, clock: () => now });
    serving = true;
    const envelopes = [...generateTownship({ seed: 7 })];
    for await (const line of importCommands(asLines(envelopes), {
      onError: 'stop',
      language: 'en',
      actor: { userId: ADMIN_USER_ID, role: 'admin' },
      submit: (envelope, actor) => t.runtime.commands.submit(envelope, actor),
    }))
      if ('summary' in line) expect(line.summary).toEqual({ applied: envelopes.length, duplicates: 0, failed: 0 });
    summary = (await t.get(`/api/v1/terms/${TERM_ID}/summary`).expect(200)).body;
    markdown = (await t.get(`/api/v1/terms/${TERM_ID}/report?format=markdown`).expect(200)).text;
  });
  afterAll(async () => {
    if (serving) await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('as Markdown', () => {
    it('is served as UTF-8 Markdown with the title, the six sections and the appendix', async () => {
      const res = await t.get(`/api/v1/terms/${TERM_ID}/report?format=markdown`).expect(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^inline; filename="work-summary-2021-2026\.md"; filename\*=UTF-8''%E7%A4%BA%E8%8C%83%E9%95%87/,
      );
      expect(markdown.startsWith(`# ${TITLE}\n\n（2021年10月1日—2026年9月30日）\n`)).toBe(true);
      expect(markdown.match(/^## .+$/gm)).toEqual([...HEADINGS, APPENDIX_TITLE].map((h) => `## ${h}`));
    });

    it('states the figures of the JSON summary, formatted the Chinese way', () => {
      const s = summary;
      const text = markdown.replace(/\[\^\d+\]/g, '');
      expect(s.investment.signings).toBeGreaterThan(10);
      expect(text).toContain(
        `本届共签约招商引资项目 ${formatCount(s.investment.signings)} 个，协议引进内资 ${formatMoney(s.investment.signed.domestic.CNY)}`,
      );
      if (s.investment.signed.foreign.USD)
        expect(text).toContain(`外资 ${formatMoney(s.investment.signed.foreign.USD, 'USD')}`);
      expect(text).toContain(
        `1 亿元以上的项目 ${s.investment.bands.atLeast100mCny} 个，5000 万元以上的 ${s.investment.bands.atLeast50mCny} 个，1000 万元以上的 ${s.investment.bands.atLeast10mCny} 个`,
      );
      expect(text).toContain(`本届共登记建设项目 ${s.projects.registered} 个。`);
      expect(text).toContain(`累计完成投资 ${formatMoney(s.projects.investedToDate.CNY)}。`);
      expect(text).toContain(`新建改建农村公路 ${formatQuantity(s.projects.outputs['rural-road-km'])} 公里`);
      expect(text).toContain(
        `本届共受理矛盾纠纷 ${s.disputes.registered} 件，其中调解成功 ${s.disputes.resolvedByMediation} 件`,
      );
      expect(text).toContain(`调解成功率 ${formatPercent(s.disputes.mediationSuccessRate as number)}`);
      expect(text).toContain(
        `本届共开展审计 ${s.audits.opened} 项，已完结 ${s.audits.closed} 项；发现问题 ${s.audits.findings} 个`,
      );
      expect(text).toContain(
        `本届各村集体账目共登记收入 ${formatMoney(s.villageFinance.receipts.CNY)}、支出 ${formatMoney(s.villageFinance.expenditures.CNY)}`,
      );
      const gdp = s.indicators.gdp;
      expect(text).toContain(
        `地区生产总值由 ${gdp.first!.period}年的 ${formatMoney(gdp.first!.value)}增加到 ${gdp.last!.period}年的 ${formatMoney(gdp.last!.value)}，${formatGrowth(gdp.ratio as number)}。`,
      );
    });

    it('gives every figure a footnote whose text is the summary figure at its path', () => {
      const footnotes = footnotesOf(markdown);
      expect(footnotes.length).toBeGreaterThan(40);
      expect(footnotes.map((f) => f.n)).toEqual(footnotes.map((_, i) => i + 1));
      const body = markdown.split(`## ${APPENDIX_TITLE}`)[0];
      for (const f of footnotes) {
        expect(body).toContain(`${f.text}[^${f.n}]`);
        const expected = expectedText(summary, f.path);
        if (typeof expected === 'string') expect(f.text).toBe(expected);
        else expect(f.text).toMatch(expected);
      }
    });

    it('names in each footnote the events the evidence endpoint gives for that figure', async () => {
      for (const path of [
        'investment.signings',
        'disputes.mediationSuccessRate',
        'villageFinance.receipts.CNY',
        'indicators.gdp.ratio',
      ]) {
        const evidence = (await t.get(`/api/v1/terms/${TERM_ID}/summary/evidence?figure=${path}`).expect(200)).body;
        const footnote = footnotesOf(markdown).find((f) => f.path === path)!;
        const listed = evidence.events
          .slice(0, 10)
          .map((e: { stream: string; revision: number }) => `${e.stream}@${e.revision}`)
          .join('、');
        expect(evidence.events.length).toBeGreaterThan(0);
        expect(footnote.evidence).toBe(
          evidence.events.length > 10
            ? `${listed} 等共 ${evidence.events.length} 条记录`
            : `${listed}（共 ${evidence.events.length} 条记录）`,
        );
      }
    });
  });

  describe('as HTML and as a Word document', () => {
    it('serves a self-contained UTF-8 page whose figures link to the appendix of evidence', async () => {
      const res = await t.get(`/api/v1/terms/${TERM_ID}/report?format=html`).expect(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const html = res.text;
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).toContain(`<h1>${TITLE}</h1>`);
      for (const heading of [...HEADINGS, APPENDIX_TITLE]) expect(html).toContain(`<h2>${heading}</h2>`);
      const footnotes = footnotesOf(markdown);
      for (const f of footnotes) {
        const first = html.indexOf(`<span class="figure" data-figure="${f.path}" id="ref-${f.n}">`);
        expect(first).toBeGreaterThan(0);
        const reference = html.slice(first, html.indexOf('</sup>', first));
        expect(reference).toContain(`<a href="#evidence-${f.n}"`);
        expect(reference.replace(/<[^>]+>/g, '')).toBe(`${f.text}[${f.n}]`);
        expect(html).toContain(`<tr id="evidence-${f.n}" data-figure="${f.path}">`);
      }
      expect(html.match(/<tr id="evidence-/g)).toHaveLength(footnotes.length);
    });

    it('serves a .docx as an attachment: a zip holding the Chinese document and its appendix table', async () => {
      const res = await t.get(`/api/v1/terms/${TERM_ID}/report?format=docx`).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="work-summary-2021-2026.docx"; filename*=UTF-8''${encodeURIComponent('示范镇任期工作总结-2021-2026.docx')}`,
      );
      const docx = res.body as Buffer;
      expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
      const xml = zipEntries(docx).get('word/document.xml')!.toString('utf8');
      expect(xml).toContain(TITLE);
      for (const heading of [...HEADINGS, APPENDIX_TITLE]) expect(xml).toContain(heading);
      expect(xml).toContain(formatMoney(summary.investment.signed.domestic.CNY));
      expect(xml.match(/<w:tr[ >]/g)).toHaveLength(footnotesOf(markdown).length + 1);
    });
  });

  describe('who may ask, and how', () => {
    it('refuses a format it does not make, or none, as a validation problem', async () => {
      for (const query of ['format=pdf', '']) {
        const res = await t.get(`/api/v1/terms/${TERM_ID}/report?${query}`).expect(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({ status: 400, errors: [{ path: 'format' }] });
      }
      await t.get(`/api/v1/terms/${TERM_ID}/report?format=markdown&knownAt=yesterday`).expect(400);
      await t.get(`/api/v1/terms/${TERM_ID}/report?format=markdown&colour=red`).expect(400);
    });

    it('answers 404 for a term that does not exist, 401 without a token, and serves every reader role', async () => {
      const missing = await t.get('/api/v1/terms/1999-2004/report?format=html').expect(404);
      expect(missing.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      await request(t.app.getHttpServer()).get(`/api/v1/terms/${TERM_ID}/report?format=markdown`).expect(401);
      const registered = await t
        .command({
          type: 'RegisterUser',
          commandId: nextCommandId(),
          data: { userId: 'report-supervisor', name: '纪检监督员', role: 'supervisor' },
        })
        .expect(201);
      await t.get(`/api/v1/terms/${TERM_ID}/report?format=markdown`, registered.body.token).expect(200);
    });

    it('states the figures as known at an earlier instant', async () => {
      const before = summary.investment.signings;
      now = new Date('2026-11-28T06:00:00Z');
      await t
        .command({
          type: 'SignInvestment',
          commandId: nextCommandId(),
          data: {
            investmentId: 'ZS-REPORT-1',
            investor: '后补录入的投资方',
            sector: 'services',
            origin: 'domestic',
            amount: { currency: 'CNY', minor: 500_000_000 },
            signedOn: '2026-09-01',
          },
        })
        .expect(201);
      const sentence = (n: number) => `本届共签约招商引资项目 ${n} 个[^`;
      expect((await t.get(`/api/v1/terms/${TERM_ID}/report?format=markdown`).expect(200)).text).toContain(
        sentence(before + 1),
      );
      const asKnown = (
        await t.get(`/api/v1/terms/${TERM_ID}/report?format=markdown&knownAt=2026-11-28T05:00:00Z`).expect(200)
      ).text;
      expect(asKnown).toContain(sentence(before));
      expect(asKnown).toContain('按 2026年11月28日 13:00（北京时间）时已记录的事件');
    });
  });

  describe('from the command line', () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [SUNSHINE, ...args], {
        env: { ...process.env, SUNSHINE_DATA_DIR: dataDir, SUNSHINE_ADMIN_TOKEN: ADMIN_TOKEN },
        encoding: 'utf8',
      });

    beforeAll(async () => {
      // The CLI opens the embedded store itself: the server lets go of it first.
      await t.close();
      serving = false;
    });

    it('writes the HTML report to a file', () => {
      const file = join(dataDir, '工作总结.html');
      const run = cli('report', TERM_ID, '--format', 'html', '-o', file);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(file);
      const html = readFileSync(file, 'utf8');
      expect(html).toContain(`<title>${TITLE}</title>`);
      expect(html).toContain(
        `data-figure="investment.signings" id="ref-3"><span class="w">${summary.investment.signings + 1}</span> <span class="w">个<sup`,
      );
      expect(html.match(/<tr id="evidence-/g)!.length).toBeGreaterThan(40);
    });

    it('exits 2 on bad usage, 1 for a term that does not exist', () => {
      expect(cli('report', TERM_ID, '--format', 'html').status).toBe(2);
      expect(cli('report', TERM_ID, '--format', 'pdf', '-o', join(dataDir, 'x.pdf')).status).toBe(2);
      expect(cli('report', TERM_ID, '-o', join(dataDir, 'x.md')).status).toBe(2);
      expect(
        cli('report', TERM_ID, '--format', 'markdown', '-o', join(dataDir, 'x.md'), '--known-at', 'soon').status,
      ).toBe(2);
      const missing = cli('report', '1999-2004', '--format', 'markdown', '-o', join(dataDir, 'x.md'));
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('届次「1999-2004」不存在');
    });
  });
});
