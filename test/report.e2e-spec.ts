import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ADMIN_USER_ID, importCommands } from '@sunshine/application';
import type { TermSummary } from '@sunshine/projections';
import { resolveFigurePath } from '@sunshine/projections/term-summary/evidence';
import { APPENDIX_TITLE, formatCount, formatDate, formatMoney, formatMoneyInUnits } from '@sunshine/reports';
import { docxText, htmlText, spacesBesideDigits } from '@sunshine/reports/testing/report-text';
import { generateTownship } from '../bench/generator/township';
import { binary } from './support/binary';
import { ADMIN_TOKEN, nextCommandId, startTestApp, TestApp } from './support/test-app';

const SUNSHINE = join(__dirname, '../bin/sunshine');
const TERM_ID = '2021-2026';
const TITLE = '示范镇第八届镇人民政府任期工作总结';
/** The generated term records Party-building and clean-government prose, honours, difficulties and next steps. */
const HEADINGS = [
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
];

async function* asLines(envelopes: Iterable<object>) {
  for (const e of envelopes) yield JSON.stringify(e);
}

/** The footnotes of the evidence edition in Markdown: number → [figure path, figure text, evidence]. */
const footnotesOf = (markdown: string) =>
  [...markdown.matchAll(/^\[\^(\d+)\]: `([^`]+)` (.+?)；依据事件：(.+)$/gm)].map(([, n, path, text, evidence]) => ({
    n: Number(n),
    path,
    text,
    evidence,
  }));

/** A summary figure's value at a dotted path. */
const valueAt = (summary: TermSummary, path: string): unknown =>
  (resolveFigurePath(summary, path) ?? []).reduce<unknown>(
    (node, key) => (node as Record<string, unknown>)[key],
    summary,
  );

describe('the term-end work summary (工作总结), generated from the log', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-report-'));
  let now = new Date('2026-11-28T04:00:00Z');
  let t: TestApp;
  let summary: TermSummary;
  let clean: string;
  let evidence: string;
  beforeAll(async () => {
    t = await startTestApp({ dataDir, clock: () => now });
    const envelopes = [...generateTownship({ seed: 7 })];
    for await (const line of importCommands(asLines(envelopes), {
      onError: 'stop',
      language: 'en',
      actor: { userId: ADMIN_USER_ID, role: 'admin' },
      submit: (envelope, actor) => t.runtime.commands.submit(envelope, actor),
    }))
      if ('summary' in line) expect(line.summary).toEqual({ applied: envelopes.length, duplicates: 0, failed: 0 });
    summary = (await t.get(`/api/v1/terms/${TERM_ID}/summary`).expect(200)).body;
    clean = (await t.get(`/api/v1/terms/${TERM_ID}/report?format=markdown`).expect(200)).text;
    evidence = (await t.get(`/api/v1/terms/${TERM_ID}/report?format=markdown&edition=evidence`).expect(200)).text;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('the clean edition (the default): the document a township hands in', () => {
    it('is served as UTF-8 Markdown with the title and every section of the term, in order', async () => {
      const res = await t.get(`/api/v1/terms/${TERM_ID}/report?format=markdown`).expect(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^inline; filename="work-summary-2021-2026\.md"; filename\*=UTF-8''%E7%A4%BA%E8%8C%83%E9%95%87/,
      );
      expect(clean.startsWith(`# ${TITLE}\n\n（2021年10月1日—2026年9月30日）\n`)).toBe(true);
      expect(clean.match(/^## .+$/gm)).toEqual(HEADINGS.map((h) => `## ${h}`));
    });

    it('states the figures of the JSON summary, the Chinese way, without a note marker', () => {
      const s = summary;
      expect(clean).not.toMatch(/\[\^\d+\]/);
      expect(clean).not.toContain(APPENDIX_TITLE);
      expect(clean).toContain(
        `本届共签约招商引资项目${formatCount(s.investment.signings)}个，协议引进内资${formatMoney(s.investment.signed.domestic.CNY)}`,
      );
      expect(clean).toContain(`本届共登记建设项目${s.projects.registered}个，其中`);
      expect(clean).toContain(`累计完成投资${formatMoney(s.projects.investedToDate.CNY)}。`);
      expect(clean).toContain(
        `本届共受理矛盾纠纷${s.disputes.registered}件，其中调解成功${s.disputes.resolvedByMediation}件`,
      );
      expect(clean).toContain(`本届共开展审计${s.audits.opened}项`);
      expect(clean).toContain(
        `共登记收入${formatMoney(s.villageFinance.receipts.CNY)}、支出${formatMoney(s.villageFinance.expenditures.CNY)}`,
      );
      const income = s.indicators['farmer-net-income'];
      expect(clean).toContain(
        `农民人均纯收入由${income.first!.period}年的${formatMoneyInUnits(income.first!.value)}增加到${income.last!.period}年的${formatMoneyInUnits(income.last!.value)}`,
      );
    });

    it('states growth by hand arithmetic, and a share’s change in 百分点', () => {
      const gdp = summary.indicators.gdp;
      // last ÷ first − 1 as a percentage to one decimal (below +100 %), on integers: half-up tenths
      const [first, last] = [BigInt(gdp.first!.value), BigInt(gdp.last!.value)];
      const tenths = ((last - first) * 2000n + first) / (2n * first);
      const percent = `${tenths / 10n}${tenths % 10n === 0n ? '' : `.${tenths % 10n}`}`;
      expect(gdp.last!.value / gdp.first!.value).toBeLessThan(2);
      expect(clean).toContain(
        `地区生产总值由${gdp.first!.period}年的${formatMoney(gdp.first!.value)}增加到${gdp.last!.period}年的${formatMoney(gdp.last!.value)}，增长${percent}%`,
      );
      const share = summary.indicators['primary-industry-share'];
      const points = Math.round((share.first!.value - share.last!.value) * 10) / 10;
      expect(clean).toContain(
        `第一产业比重由${share.first!.period}年的${share.first!.value}%下降到${share.last!.period}年的${share.last!.value}%，下降${points}个百分点`,
      );
    });

    it('names the key project marked with MarkKeyProject, with its investment', () => {
      expect(clean).toMatch(/重点项目\d+个：[^。]*县乡供水一体化工程（计划投资6\.5亿元，累计完成投资[\d.]+[万亿]元/);
    });

    it('ends with the provenance stamp: the log position, the tree and the signed checkpoint', async () => {
      const stamp = clean.slice(clean.indexOf('**数据来源说明**'));
      expect(clean.indexOf('示范镇人民政府')).toBeLessThan(clean.indexOf('**数据来源说明**'));
      expect(stamp).toContain(`数据截至日志位置${summary.position}。`);
      const size = Number(summary.position);
      const proof = (await t.get(`/api/v1/integrity/proofs/consistency?from=${size}&to=${size}`).expect(200)).body;
      expect(stamp).toContain(`日志默克尔树：树大小${size}，根哈希：${proof.toRoot}。`);
      const note: string = (await t.get('/api/v1/integrity/checkpoints/latest').expect(200)).text;
      const [, treeSize, rootBase64] = note.split('\n');
      expect(stamp).toContain(
        `最近签名检查点：树大小${treeSize}，根哈希：${Buffer.from(rootBase64, 'base64').toString('hex')}，签名于`,
      );
      expect(stamp).toContain(`Ed25519签名：${note.trim().split(' ').at(-1)}`);
    });
  });

  describe('the evidence edition', () => {
    it('gives every figure a footnote; a summary figure’s text is the summary’s value', () => {
      const footnotes = footnotesOf(evidence);
      expect(footnotes.length).toBeGreaterThan(60);
      expect(footnotes.map((f) => f.n)).toEqual(footnotes.map((_, i) => i + 1));
      const body = evidence.split(`## ${APPENDIX_TITLE}`)[0];
      for (const f of footnotes) {
        // The note after a section's prose names the section; the prose itself ends the paragraph before it.
        if (f.path.startsWith('details.prose.')) expect(body).toMatch(new RegExp(`。\\[\\^${f.n}\\]\n`));
        else expect(body).toContain(`${f.text}[^${f.n}]`);
        if (f.path.startsWith('details.')) continue;
        const value = valueAt(summary, f.path);
        expect(value).toBeDefined();
        // Money maps end in a currency; `investment.unbanded.<currency>` counts signings in it.
        if (/\.(CNY|USD)$/.test(f.path) && !f.path.startsWith('investment.unbanded.'))
          expect(f.text).toBe(formatMoney(value as number, f.path.slice(-3)));
        if (f.path.startsWith('investment.unbanded.')) expect(f.text).toBe(`${value}个`);
        if (f.path === 'from' || f.path === 'to') expect(f.text).toBe(formatDate(value as string));
        if (
          /^(investment|projects|disputes|audits)\.[a-zA-Z]+$/.test(f.path) &&
          typeof value === 'number' &&
          f.path !== 'disputes.mediationSuccessRate'
        )
          expect(f.text).toMatch(new RegExp(`^${value}[个件项]$`));
      }
    });

    it('names in each footnote the events the evidence endpoint gives for that figure', async () => {
      for (const path of [
        'investment.signings',
        'disputes.mediationSuccessRate',
        'villageFinance.receipts.CNY',
        'indicators.gdp.ratio',
      ]) {
        const answer = (await t.get(`/api/v1/terms/${TERM_ID}/summary/evidence?figure=${path}`).expect(200)).body;
        const footnote = footnotesOf(evidence).find((f) => f.path === path)!;
        const listed = answer.events
          .slice(0, 10)
          .map((e: { stream: string; revision: number }) => `${e.stream}@${e.revision}`)
          .join('、');
        expect(answer.events.length).toBeGreaterThan(0);
        expect(footnote.evidence).toBe(
          answer.events.length > 10
            ? `${listed}等共${answer.events.length}条记录`
            : `${listed}（共${answer.events.length}条记录）`,
        );
      }
    });
  });

  describe('as HTML and as a Word document, in both editions', () => {
    it('has no space beside a digit anywhere, and no note marker in the clean edition', async () => {
      for (const edition of ['clean', 'evidence']) {
        const html = (await t.get(`/api/v1/terms/${TERM_ID}/report?format=html&edition=${edition}`).expect(200)).text;
        const docx = (
          await t
            .get(`/api/v1/terms/${TERM_ID}/report?format=docx&edition=${edition}`)
            .buffer(true)
            .parse(binary)
            .expect(200)
        ).body as Buffer;
        const markdown = edition === 'clean' ? clean : evidence;
        const texts = { markdown, html: htmlText(html), docx: docxText(docx) };
        for (const [format, text] of Object.entries(texts)) {
          expect(text).toContain('县乡供水一体化工程');
          expect({ edition, format, spaces: spacesBesideDigits(text) }).toEqual({ edition, format, spaces: [] });
          if (edition === 'clean')
            expect({ format, markers: text.match(/\[\^?\d+\]/g) }).toEqual({ format, markers: null });
        }
        for (const heading of HEADINGS) expect(html).toContain(`<h2>${heading}</h2>`);
      }
    });

    it('serves a .docx as an attachment named for its edition', async () => {
      const res = await t
        .get(`/api/v1/terms/${TERM_ID}/report?format=docx&edition=evidence`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="work-summary-2021-2026-evidence.docx"; filename*=UTF-8''${encodeURIComponent('示范镇任期工作总结-2021-2026（附数据来源）.docx').replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      );
      expect(docxText(res.body as Buffer)).toContain(APPENDIX_TITLE);
    });
  });

  describe('who may ask, and how', () => {
    it('refuses a format or an edition it does not make, or none, as a validation problem', async () => {
      for (const [query, field] of [
        ['format=pdf', 'format'],
        ['', 'format'],
        ['format=html&edition=draft', 'edition'],
      ]) {
        const res = await t.get(`/api/v1/terms/${TERM_ID}/report?${query}`).expect(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({ status: 400, errors: [{ path: field }] });
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
      const sentence = (n: number) => `本届共签约招商引资项目${n}个，`;
      expect((await t.get(`/api/v1/terms/${TERM_ID}/report?format=markdown`).expect(200)).text).toContain(
        sentence(before + 1),
      );
      const asKnown = (
        await t.get(`/api/v1/terms/${TERM_ID}/report?format=markdown&knownAt=2026-11-28T05:00:00Z`).expect(200)
      ).text;
      expect(asKnown).toContain(sentence(before));
      expect(asKnown).toContain('按2026年11月28日13时00分（北京时间）时已记录的事件统计');
    });
  });

  describe('from the command line, while the server holds the store', () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [SUNSHINE, ...args], {
        env: { ...process.env, SUNSHINE_DATA_DIR: dataDir, SUNSHINE_ADMIN_TOKEN: ADMIN_TOKEN },
        encoding: 'utf8',
      });

    it('writes the HTML report to a file, read-only beside the server', () => {
      const file = join(dataDir, '工作总结.html');
      const run = cli('report', TERM_ID, '--format', 'html', '-o', file);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(file);
      const html = readFileSync(file, 'utf8');
      expect(html).toContain(`<title>${TITLE}</title>`);
      expect(html).toContain(`本届共签约招商引资项目${summary.investment.signings + 1}个`);
      expect(html).not.toContain('<sup');
    });

    it('exits 2 on bad usage, 1 for a term that does not exist', () => {
      expect(cli('report', TERM_ID, '--format', 'html').status).toBe(2);
      expect(cli('report', TERM_ID, '--format', 'pdf', '-o', join(dataDir, 'x.pdf')).status).toBe(2);
      expect(cli('report', TERM_ID, '-o', join(dataDir, 'x.md')).status).toBe(2);
      expect(
        cli('report', TERM_ID, '--format', 'markdown', '-o', join(dataDir, 'x.md'), '--edition', 'draft').status,
      ).toBe(2);
      expect(
        cli('report', TERM_ID, '--format', 'markdown', '-o', join(dataDir, 'x.md'), '--known-at', 'soon').status,
      ).toBe(2);
      const missing = cli('report', '1999-2004', '--format', 'markdown', '-o', join(dataDir, 'x.md'));
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('届次「1999-2004」不存在');
    });
  });
});
