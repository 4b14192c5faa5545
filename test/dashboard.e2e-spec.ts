import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { shanghaiDate } from '@sunshine/domain';
import { addDays } from './support/recorder';
import { freePort, ServerProcess } from './support/server-process';
import { PARTIES } from './support/township';

const CHROMIUM = '/usr/bin/chromium';
const BUILT_SERVER = join(__dirname, '../dist/apps/api/src/main.js');
const ADMIN = 'dashboard-admin-token-0123456789';
const TOWNSHIP = '红旗镇';
const SCREENSHOT = '/tmp/dashboard.png';

const today = shanghaiDate(new Date());
const daysAgo = (days: number) => addDays(today, -days);
const TERM = { termId: 'term-current', name: '第十八届', startsOn: daysAgo(700), endsOn: addDays(today, 1100) };
const yuan = (amount: number) => ({ currency: 'CNY', minor: amount * 100 });

/** The browser globals the page functions touch (the project's tsconfig has no DOM library). */
interface PageGlobals {
  document: { querySelector(selector: string): { textContent: string | null } | null; cookie: string };
  marker?: string;
}

/**
 * The dashboard as a supervisor uses it: the built server as a real process, Chromium driving
 * the page, commands recorded over HTTP while the page watches.
 */
describe('the supervisor dashboard (监督看板) in a browser', () => {
  let dataDir: string;
  let port: number;
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let supervisorToken: string;
  let sequence = 0;
  const requested: string[] = [];
  const pageErrors: string[] = [];

  const command = async (type: string, data: object): Promise<{ position: string; token?: string }> => {
    const response = await fetch(`${server.url}/api/v1/commands`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type, commandId: `dashboard-${++sequence}`, data }),
    });
    const body = (await response.json()) as { position: string; token?: string };
    if (response.status !== 201) throw new Error(`${type} → ${response.status} ${JSON.stringify(body)}`);
    return body;
  };

  const figure = (name: string) => page.locator(`[data-figure="${name}"]`);
  const money = (name: string) => page.locator(`[data-money="${name}"]`);
  const waitForText = (selector: string, text: string) =>
    page.waitForFunction(
      ([s, t]) => (globalThis as unknown as PageGlobals).document.querySelector(s)?.textContent?.includes(t) ?? false,
      [selector, text] as const,
      { timeout: 10_000 },
    );

  const signIn = async (token: string) => {
    await page.getByLabel('访问令牌').fill(token);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { level: 1, name: TERM.name }).waitFor();
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `The dashboard test drives Chromium at ${CHROMIUM}, which is not installed. ` +
          'Install it with: apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk (.ci/run does so before npm test).',
      );
    if (!existsSync(BUILT_SERVER))
      throw new Error(`No built server at ${BUILT_SERVER}: run npm run build first (npm run test:e2e does).`);
    dataDir = mkdtempSync(join(tmpdir(), 'sunshine-dashboard-'));
    port = await freePort();
    server = new ServerProcess(dataDir, port, { SUNSHINE_ADMIN_TOKEN: ADMIN, SUNSHINE_TOWNSHIP_NAME: TOWNSHIP });
    await server.start();

    await command('OpenTerm', TERM);
    await command('RegisterVillage', { villageId: 'lijiazhuang', name: '李家庄村' });
    await command('RegisterVillage', { villageId: 'wangjiawan', name: '王家湾村' });
    const signing = { sector: 'machinery-electronics', origin: 'domestic' };
    await command('SignInvestment', {
      investmentId: 'ZS-001',
      investor: '鲁南精工机械有限公司',
      ...signing,
      amount: yuan(120_000_000),
      signedOn: daysAgo(600),
    });
    await command('SignInvestment', {
      investmentId: 'ZS-002',
      investor: '临沂华丰食品有限公司',
      ...signing,
      sector: 'agro-processing',
      amount: yuan(35_000_000),
      signedOn: daysAgo(420),
    });
    await command('SignInvestment', {
      investmentId: 'ZS-003',
      investor: 'Pacific Auto Parts Ltd.',
      sector: 'auto-parts',
      origin: 'foreign',
      amount: { currency: 'USD', minor: 800_000_000 },
      signedOn: daysAgo(300),
    });
    await command('RecordCapitalArrival', {
      investmentId: 'ZS-001',
      amount: yuan(80_000_000),
      arrivedOn: daysAgo(500),
    });
    for (const [projectId, name] of [
      ['XM-001', '李家庄村主干道硬化'],
      ['XM-002', '王家湾村小学校舍改造'],
      ['XM-003', '镇污水处理站'],
    ])
      await command('RegisterProject', {
        projectId,
        name,
        category: 'infrastructure',
        registeredOn: daysAgo(550),
        plannedInvestment: yuan(1_800_000),
      });
    await command('RecordMilestone', {
      projectId: 'XM-001',
      milestone: 'construction-started',
      reachedOn: daysAgo(500),
    });
    await command('RecordMilestone', { projectId: 'XM-001', milestone: 'completed', reachedOn: daysAgo(300) });
    await command('RecordMilestone', {
      projectId: 'XM-002',
      milestone: 'construction-started',
      reachedOn: daysAgo(200),
    });
    const parties = [{ ...PARTIES.zhangXiuying }, { ...PARTIES.liJianguo }];
    for (const disputeId of ['TJ-001', 'TJ-002', 'TJ-003'])
      await command('RegisterDispute', {
        disputeId,
        category: 'housing-homestead',
        receivedOn: daysAgo(250),
        summary: '宅基地界址争议',
        parties,
        villageId: 'lijiazhuang',
      });
    await command('RecordMediation', {
      disputeId: 'TJ-001',
      heldOn: daysAgo(240),
      mediator: '镇人民调解委员会',
      outcome: 'agreement',
    });
    await command('ResolveDispute', {
      disputeId: 'TJ-001',
      resolvedOn: daysAgo(235),
      method: 'mediation',
      agreement: '院墙后退三十公分',
    });
    await command('EscalateDispute', {
      disputeId: 'TJ-002',
      escalatedOn: daysAgo(230),
      to: 'court',
      reason: '一方坚持起诉',
    });
    await command('OpenAudit', {
      auditId: 'SJ-001',
      subject: { kind: 'village', id: 'lijiazhuang' },
      scope: 'funds',
      openedOn: daysAgo(200),
      leadAuditor: '赵明',
    });
    await command('RecordFinding', {
      auditId: 'SJ-001',
      findingId: 'F1',
      severity: 'major',
      description: '工程款以白条入账',
      amountInvolved: yuan(48_000),
      foundOn: daysAgo(190),
    });
    await command('RecordFinding', {
      auditId: 'SJ-001',
      findingId: 'F2',
      severity: 'minor',
      description: '凭证未按月装订',
      foundOn: daysAgo(190),
    });
    await command('RecordRectification', {
      auditId: 'SJ-001',
      findingId: 'F1',
      rectifiedOn: daysAgo(150),
      description: '补齐发票',
      amountRecovered: yuan(48_000),
    });
    const receipt = { category: 'fiscal-transfer', counterparty: '镇财政所' };
    await command('RecordReceipt', {
      villageId: 'lijiazhuang',
      entryId: 'R1',
      amount: yuan(1_250_000),
      ...receipt,
      voucherNo: '收-1',
      on: daysAgo(100),
    });
    await command('RecordReceipt', {
      villageId: 'wangjiawan',
      entryId: 'R2',
      amount: yuan(86_000),
      ...receipt,
      voucherNo: '收-2',
      on: daysAgo(90),
    });
    await command('RecordExpenditure', {
      villageId: 'lijiazhuang',
      entryId: 'E1',
      amount: yuan(430_000),
      category: 'public-works',
      payee: '县第二建筑公司',
      voucherNo: '付-1',
      approvalRef: '村民代表会议决议〔2025〕3号',
      on: daysAgo(80),
    });
    const year = Number(today.slice(0, 4));
    await command('ReportIndicator', {
      indicator: 'gdp',
      period: String(year - 1),
      value: 2_900_000_000_00,
      unit: 'CNY',
    });
    await command('ReportIndicator', { indicator: 'gdp', period: String(year), value: 3_150_000_000_00, unit: 'CNY' });
    await command('ReportIndicator', {
      indicator: 'fiscal-revenue',
      period: `${year}-01/${year}-01`,
      value: 5_020_000_00,
      unit: 'CNY',
    });
    await command('SetIndicatorTarget', { indicator: 'fiscal-revenue', period: String(year), target: 65_000_000_00 });
    supervisorToken = (await command('RegisterUser', { userId: 'sun-zhuren', name: '孙主任', role: 'supervisor' }))
      .token as string;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page = await context.newPage();
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on(
      'console',
      (message) =>
        message.type() === 'error' && !/401|Unauthorized/.test(message.text()) && pageErrors.push(message.text()),
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.kill('SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs the supervisor in and shows the current term, the township and its figures', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: '监督员登录' }).waitFor();
    expect(await page.locator('#township').textContent()).toBe(TOWNSHIP);
    await signIn(supervisorToken);
    expect(await page.locator('#term-dates').textContent()).toContain(`${TERM.startsOn} 至 ${TERM.endsOn}`);
    expect(await page.locator('#who').textContent()).toBe('孙主任（监督员）');
    await waitForText('#connection', '已连接');

    expect(await figure('investment.signings').textContent()).toBe('3');
    expect(await money('investment.signed').innerText()).toMatch(/^1\.55\s*亿元\s+800\.00\s*万美元$/);
    expect(await money('investment.arrived').innerText()).toMatch(/^8,000\.00\s*万元$/);
    expect(await figure('projects.registered').textContent()).toBe('3');
    expect(await page.locator('[data-status="under-construction"] .count').textContent()).toBe('1');
    expect(await page.locator('[data-status="completed"] .count').textContent()).toBe('1');
    expect(await page.locator('[data-status="registered"] .count').textContent()).toBe('1');
    expect(await figure('disputes.registered').textContent()).toBe('3');
    expect(await figure('disputes.resolved').textContent()).toBe('1');
    expect(await figure('disputes.mediationSuccessRate').textContent()).toBe('50.00%');
    expect(await figure('audits.opened').textContent()).toBe('1');
    expect(await figure('audits.findings').textContent()).toBe('2');
    expect(await figure('audits.openFindings').textContent()).toBe('1');
    expect(await money('villageFinance.receipts').innerText()).toMatch(/^133\.60\s*万元$/);
    expect(await money('villageFinance.expenditures').innerText()).toMatch(/^43\.00\s*万元$/);
    const gdp = page.locator('[data-indicator="gdp"]');
    expect(await gdp.locator('.value').textContent()).toBe('31.50 亿元');
    expect(await gdp.locator('.detail').textContent()).toBe(`为 ${Number(today.slice(0, 4)) - 1} 年的 1.09 倍`);
    expect(await page.locator('[data-indicator="fiscal-revenue"] .value').textContent()).toBe('502.00 万元');
    expect(await page.locator('[data-indicator="fiscal-revenue"] .detail').textContent()).toBe(
      `目标 6,500.00 万元（${today.slice(0, 4)} 年），已完成 7.72%`,
    );
  });

  it('keeps the session in an HttpOnly cookie the page cannot read', async () => {
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'sunshine_session', httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.value).not.toContain(supervisorToken);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.cookie)).toBe('');
  });

  it('updates the figures and the activity list live as a command is recorded, without a reload', async () => {
    await page.evaluate(() => ((globalThis as unknown as PageGlobals).marker = 'same page'));
    await command('SignInvestment', {
      investmentId: 'ZS-004',
      investor: '沂蒙新能源装备有限公司',
      sector: 'electrical-equipment',
      origin: 'domestic',
      amount: yuan(250_000_000),
      signedOn: daysAgo(10),
    });
    await waitForText('[data-figure="investment.signings"]', '4');
    await waitForText('[data-money="investment.signed"]', '4.05');
    const latest = page.locator('#activity li').first();
    expect(await latest.locator('.what').textContent()).toBe('招商引资签约');
    expect(await latest.locator('.where').textContent()).toBe('招商项目 ZS-004');
    expect(await latest.locator('.meta').textContent()).toBe(`业务日期 ${daysAgo(10)} · 管理员录入`);

    await command('RecordReceipt', {
      villageId: 'wangjiawan',
      entryId: 'R3',
      amount: yuan(4_000),
      category: 'donation',
      counterparty: '在外乡贤',
      voucherNo: '收-3',
      on: daysAgo(1),
    });
    await waitForText('[data-money="villageFinance.receipts"]', '134.00');
    expect(await page.locator('#activity li .what').allTextContents()).toEqual(['村级收入入账', '招商引资签约']);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).marker)).toBe('same page');

    // Once the highlight of the changed figures has faded.
    await page.waitForTimeout(2_000);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('shows no personal data and never puts the token in a URL', async () => {
    const text = await page.content();
    for (const party of Object.values(PARTIES))
      for (const value of Object.values(party)) expect(text).not.toContain(value);
    expect(requested.length).toBeGreaterThan(3);
    for (const url of requested) expect(url).not.toContain(supervisorToken);
    expect(requested).toContain(`${server.url}/api/v1/live`);
    expect(pageErrors).toEqual([]);
  });

  it('shows 重新连接中 while the server is away, and asks to sign in again when it comes back without the session', async () => {
    await server.kill('SIGKILL');
    await waitForText('#connection', '重新连接中');
    server = new ServerProcess(dataDir, port, { SUNSHINE_ADMIN_TOKEN: ADMIN, SUNSHINE_TOWNSHIP_NAME: TOWNSHIP });
    await server.start();
    // Sessions live in the server's memory: the browser's reconnect is refused, the page says why.
    await page.getByRole('heading', { name: '监督员登录' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#sign-in-error').textContent()).toContain('登录已失效');
    await signIn(supervisorToken);
    await waitForText('#connection', '已连接');
    await waitForText('[data-figure="investment.signings"]', '4');
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '监督员登录' }).waitFor();
    expect(await context.cookies()).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { name: '监督员登录' }).waitFor();
  });
});
