import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { HeadlessChromium, launchChromium } from '../scripts/browser';
import { freePort, ServerProcess } from './support/server-process';
import { PARTIES } from './support/township';
import {
  CURRENT_TERM,
  daysAgo,
  PREVIOUS_TERM,
  recordWatchedTownship,
  THIS_YEAR,
  yuan,
} from './support/watched-township';

const BUILT_SERVER = join(__dirname, '../dist/apps/api/src/main.js');
const ADMIN = 'web-admin-token-0123456789';
const TOWNSHIP = '红旗镇';
const PASSWORD = '李家庄村会计2026春';
const dateText = (date: string) =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`;

/**
 * The web app as township staff use it: the built server as a real process, a real Chromium (the
 * system's, else the one an npm package ships) driving the page, records landing over HTTP
 * while the page watches.
 */
describe('the web app in a browser', () => {
  let dataDir: string;
  let server: ServerProcess;
  let chromium: HeadlessChromium;
  let context: BrowserContext;
  let page: Page;
  let clerkToken: string;
  let supervisorToken: string;
  let sequence = 0;
  const requested: string[] = [];
  const pageErrors: string[] = [];

  const api = async (method: string, path: string, body: object, token = ADMIN) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
    return response.status === 204 ? {} : ((await response.json()) as { position: string; token?: string });
  };
  const record = (type: string, data: object) =>
    api('POST', '/commands', { type, commandId: `web-${++sequence}`, data }) as Promise<{
      position: string;
      token?: string;
    }>;

  const figure = (path: string) => page.locator(`[data-figure="${path}"]`);
  const money = (path: string) => page.locator(`[data-money="${path}"] .money-line`);
  /** Fills the sign-in form and submits it; the server's answer once it has come. */
  const signInWithPassword = async (userId: string, password: string) => {
    await page.getByLabel('用户名').fill(userId);
    await page.getByLabel('密码', { exact: true }).fill(password);
    const answered = page.waitForResponse(
      (response) => response.url() === `${server.url}/api/v1/session` && response.request().method() === 'POST',
    );
    await page.getByRole('button', { name: '登录', exact: true }).click();
    return answered;
  };
  const overviewShown = () => page.getByRole('heading', { level: 1, name: CURRENT_TERM.name }).waitFor();

  beforeAll(async () => {
    if (!existsSync(BUILT_SERVER))
      throw new Error(`No built server at ${BUILT_SERVER}: run npm run build first (npm run test:e2e does).`);
    dataDir = mkdtempSync(join(tmpdir(), 'sunshine-web-'));
    server = new ServerProcess(dataDir, await freePort(), {
      SUNSHINE_ADMIN_TOKEN: ADMIN,
      SUNSHINE_TOWNSHIP_NAME: TOWNSHIP,
    });
    await server.start();
    await recordWatchedTownship(record);
    clerkToken = (await record('RegisterUser', { userId: 'wang-kuaiji', name: '王会计', role: 'clerk' }))
      .token as string;
    await api('PUT', '/users/me/password', { password: PASSWORD }, clerkToken);
    supervisorToken = (await record('RegisterUser', { userId: 'sun-zhuren', name: '孙主任', role: 'supervisor' }))
      .token as string;

    chromium = await launchChromium();
    context = await chromium.newContext();
    page = await context.newPage();
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // A refusal the page showed (a short password, a wrong one, a lock) is no error; anything else on the console is.
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of (400|401|429)/.test(message.text()))
        pageErrors.push(message.text());
    });
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.kill('SIGTERM');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows a wrong password as a Chinese message and signs nobody in', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(`${server.url}/login`);
    expect(await page.locator('[data-test="township"]').textContent()).toBe(TOWNSHIP);
    expect((await signInWithPassword('wang-kuaiji', 'not the password')).status()).toBe(401);
    await page.getByRole('alert').filter({ hasText: '用户名或密码不正确，或账号已停用' }).waitFor();
    expect(await context.cookies()).toEqual([]);
  });

  it('signs a clerk in with a password and shows the current term, the township and its figures', async () => {
    await signInWithPassword('wang-kuaiji', PASSWORD);
    await overviewShown();
    expect(page.url()).toBe(`${server.url}/`);
    expect(await page.locator('[data-test="term-dates"]').textContent()).toBe(
      `任期 ${dateText(CURRENT_TERM.startsOn)}至${dateText(CURRENT_TERM.endsOn)}`,
    );
    expect((await page.locator('[data-test="who"]').textContent())?.trim()).toBe('王会计（录入员）');
    expect(await page.locator('.navbar [data-test="township"]').textContent()).toBe(TOWNSHIP);
    await page.locator('[data-test="connection"]', { hasText: '实时更新中' }).waitFor();

    expect(await figure('investment.signings').textContent()).toBe('3');
    expect(await money('investment.signed').allTextContents()).toEqual(['1.55亿元', '800万美元']);
    expect(await money('investment.arrived').allTextContents()).toEqual(['8000万元']);
    expect(await figure('projects.registered').textContent()).toBe('3');
    for (const [status, count] of [
      ['under-construction', '1'],
      ['completed', '1'],
      ['registered', '1'],
      ['accepted', '0'],
    ])
      expect(await page.locator(`[data-status="${status}"] .count`).textContent()).toBe(count);
    expect(await figure('disputes.registered').textContent()).toBe('3');
    expect(await figure('disputes.resolved').textContent()).toBe('1');
    expect(await figure('disputes.mediationSuccessRate').textContent()).toBe('50%');
    expect(await figure('audits.opened').textContent()).toBe('1');
    expect(await figure('audits.findings').textContent()).toBe('2');
    expect(await figure('audits.openFindings').textContent()).toBe('1');
    expect(await money('villageFinance.receipts').allTextContents()).toEqual(['133.6万元']);
    expect(await money('villageFinance.expenditures').allTextContents()).toEqual(['43万元']);
    const gdp = page.locator('[data-indicator="gdp"]');
    expect(await gdp.locator('.value').textContent()).toBe('31.5亿元');
    expect(await gdp.locator('.detail').allTextContents()).toEqual([`比${THIS_YEAR - 1}年增长8.6%`]);
    const fiscal = page.locator('[data-indicator="fiscal-revenue"]');
    expect(await fiscal.locator('.value').textContent()).toBe('502万元');
    expect(await fiscal.locator('.detail').allTextContents()).toEqual([`目标6500万元（${THIS_YEAR}年），已完成7.7%`]);
  });

  it('renders Chinese with its own web font, served by this server, with no system font needed', async () => {
    await page.locator('.chart canvas').waitFor();
    await page.evaluate('document.fonts.ready');
    const loaded = await page.evaluate(
      `[...document.fonts].filter((f) => f.family.includes('Noto Sans SC') && f.status === 'loaded').length`,
    );
    expect(loaded).toBeGreaterThan(0);
    expect(await page.evaluate(`document.fonts.check('16px "Noto Sans SC Variable"', '阳光台账招商引资')`)).toBe(true);
    expect(requested.some((url) => url.startsWith(`${server.url}/assets/`) && url.endsWith('.woff2'))).toBe(true);
    expect(requested.filter((url) => !url.startsWith(server.url))).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'sunshine-web-overview.png'), fullPage: true });
  });

  it('keeps the session in an HttpOnly cookie the page cannot read', async () => {
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'sunshine_session', httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.value).not.toContain(clerkToken);
    expect(await page.evaluate('document.cookie')).toBe('');
  });

  it('updates the figures and the activity list live as records land, without a reload', async () => {
    await page.evaluate('window.marker = "same page"');
    await record('SignInvestment', {
      investmentId: 'ZS-004',
      investor: '沂蒙新能源装备有限公司',
      sector: 'electrical-equipment',
      origin: 'domestic',
      amount: yuan(250_000_000),
      signedOn: daysAgo(10),
    });
    await page.locator('[data-figure="investment.signings"]', { hasText: '4' }).waitFor();
    await page.locator('[data-money="investment.signed"] .money-line', { hasText: '4.05亿元' }).waitFor();
    const latest = page.locator('[data-test="activity"] li').first();
    expect(await latest.locator('.what').textContent()).toBe('招商引资签约');
    expect(await latest.locator('.where').textContent()).toBe('招商项目 ZS-004');
    expect((await latest.locator('.meta').textContent())?.trim()).toBe(`业务日期${dateText(daysAgo(10))} · 管理员录入`);

    await record('RecordReceipt', {
      villageId: 'wangjiawan',
      entryId: 'R3',
      amount: yuan(4_000),
      category: 'donation',
      counterparty: '在外乡贤',
      voucherNo: '收-3',
      on: daysAgo(1),
    });
    await page.locator('[data-money="villageFinance.receipts"] .money-line', { hasText: '134万元' }).waitFor();
    expect(await page.locator('[data-test="activity"] li .what').allTextContents()).toEqual([
      '村级收入入账',
      '招商引资签约',
    ]);
    expect(await page.evaluate('window.marker')).toBe('same page');
  });

  it('lists every term, the current one chosen, and opens another by its shareable address', async () => {
    await page.locator('[data-test="term-select"]').click();
    const options = page.locator('.el-select-dropdown__item');
    expect(await options.allTextContents()).toEqual([
      `${CURRENT_TERM.name}（${CURRENT_TERM.startsOn.slice(0, 4)}—${CURRENT_TERM.endsOn.slice(0, 4)}） · 本届`,
      `${PREVIOUS_TERM.name}（${PREVIOUS_TERM.startsOn.slice(0, 4)}—${PREVIOUS_TERM.endsOn.slice(0, 4)}）`,
    ]);
    await options.filter({ hasText: PREVIOUS_TERM.name }).click();
    await page.getByRole('heading', { level: 1, name: PREVIOUS_TERM.name }).waitFor();
    expect(page.url()).toBe(`${server.url}/?term=${PREVIOUS_TERM.termId}`);
    await page.locator('[data-figure="investment.signings"]', { hasText: '1' }).waitFor();
    expect(await money('investment.signed').allTextContents()).toEqual(['900万元']);

    await page.goto(`${server.url}/?term=${PREVIOUS_TERM.termId}`);
    await page.getByRole('heading', { level: 1, name: PREVIOUS_TERM.name }).waitFor();
    await page.goto(`${server.url}/`);
    await overviewShown();
  });

  it('shows no personal data and never puts a token in a URL', async () => {
    const text = await page.content();
    for (const party of Object.values(PARTIES))
      for (const value of Object.values(party)) expect(text).not.toContain(value);
    expect(requested.length).toBeGreaterThan(3);
    for (const url of requested) for (const token of [clerkToken, supervisorToken]) expect(url).not.toContain(token);
    expect(requested).toContain(`${server.url}/api/v1/live?termId=${CURRENT_TERM.termId}`);
    expect(pageErrors).toEqual([]);
  });

  it('asks to sign in again when the server comes back without the session', async () => {
    await server.kill('SIGKILL');
    await page.locator('[data-test="connection"]', { hasText: '重新连接中' }).waitFor();
    server = new ServerProcess(dataDir, server.port, { SUNSHINE_ADMIN_TOKEN: ADMIN, SUNSHINE_TOWNSHIP_NAME: TOWNSHIP });
    await server.start();
    // Sessions live in the server's memory: the stream is refused, the page says why.
    await page.waitForURL(/\/login\?expired=1/, { timeout: 15_000 });
    expect(await page.locator('.el-alert').first().textContent()).toContain('登录已失效');
    await signInWithPassword('wang-kuaiji', PASSWORD);
    await overviewShown();
    await page.locator('[data-figure="investment.signings"]', { hasText: '4' }).waitFor();
    // The browser said the connection broke while the server was away; that was the point.
    const broken = pageErrors.splice(0);
    expect(
      broken.every((error) =>
        /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_INCOMPLETE_CHUNKED_ENCODING/.test(error),
      ),
    ).toBe(true);
  });

  it('signs out', async () => {
    await page.locator('[data-test="who"]').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);
    expect(await context.cookies()).toEqual([]);
    await page.reload();
    await page.getByRole('tab', { name: '密码登录' }).waitFor();
    await page.goto(`${server.url}/`);
    await page.waitForURL(`${server.url}/login`);
  });

  it('lets a new user sign in with the registration token and set a first password there', async () => {
    await page.getByRole('tab', { name: '令牌登录' }).click();
    await page.getByLabel('访问令牌').fill(supervisorToken);
    await page.getByRole('button', { name: '用令牌登录' }).click();
    await page.getByRole('heading', { name: '设置登录密码' }).waitFor();
    await page.getByLabel('新密码', { exact: true }).fill('短密码');
    await page.getByLabel('再次输入新密码').fill('短密码');
    await page.getByRole('button', { name: '设置密码并进入' }).click();
    expect(await page.locator('[data-field="password"] .el-form-item__error').textContent()).toContain(
      '至少需要 10 个字符',
    );
    await page.getByLabel('新密码', { exact: true }).fill('孙主任的长密码2026');
    await page.getByLabel('再次输入新密码').fill('孙主任的长密码2026');
    await page.getByRole('button', { name: '设置密码并进入' }).click();
    await overviewShown();
    expect((await page.locator('[data-test="who"]').textContent())?.trim()).toBe('孙主任（监督员）');
  });

  it('locks a user id after 5 failed sign-ins, and says for how long', async () => {
    await context.clearCookies();
    await page.goto(`${server.url}/login`);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await signInWithPassword('sun-zhuren', `wrong guess ${attempt}`)).status()).toBe(401);
      await page.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).waitFor();
    }
    expect((await signInWithPassword('sun-zhuren', '孙主任的长密码2026')).status()).toBe(429);
    await page
      .getByRole('alert')
      .filter({ hasText: '该账号连续登录失败次数过多，已暂时锁定，请 15 分钟后再试' })
      .waitFor();
    expect(await context.cookies()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
