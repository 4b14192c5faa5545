// `npm run screenshots`: every page of the web app at 1440×900, as a township PC shows it,
// against a server loaded with the demo term, written to docs/screenshots/*.png.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './browser';

const ROOT = join(__dirname, '../..');
const OUT = join(ROOT, 'docs/screenshots');
const ADMIN_TOKEN = 'screenshots-admin-token-0123456789';
const PASSWORD = '示范镇监督办公室2026';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

const waitUntilReady = async (url: string, server: ChildProcess) => {
  for (let tries = 0; tries < 300; tries++) {
    if (server.exitCode !== null) throw new Error('the server stopped');
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not become ready');
};

const api = async (url: string, path: string, token: string, method: string, body: object) => {
  const response = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>);
};

/** Waits until fonts, charts and transitions have settled, then writes the page. */
const shoot = async (page: Page, name: string) => {
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
};

const main = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-screenshots-'));
  const port = Number(process.env.SCREENSHOTS_PORT ?? (await freePort()));
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, SUNSHINE_DATA_DIR: dataDir, SUNSHINE_ADMIN_TOKEN: ADMIN_TOKEN, PORT: String(port) };
  execFileSync(
    process.execPath,
    [join(ROOT, 'bin/sunshine'), 'import', join(ROOT, 'demo/demo-term.ndjson'), '--quiet'],
    {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const server = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], { env, stdio: 'ignore' });
  const chromium = await launchChromium();
  try {
    await waitUntilReady(url, server);
    mkdirSync(OUT, { recursive: true });
    const registered = await api(url, '/commands', ADMIN_TOKEN, 'POST', {
      type: 'RegisterUser',
      commandId: 'screenshots-supervisor',
      data: { userId: 'sun-zhuren', name: '孙主任', role: 'supervisor' },
    });
    const context = await chromium.newContext();
    const page = await context.newPage();

    await page.goto(`${url}/login`);
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    await shoot(page, 'login');

    await page.getByRole('tab', { name: '令牌登录' }).click();
    await page.getByLabel('访问令牌').fill(String(registered?.token));
    await page.getByRole('button', { name: '用令牌登录' }).click();
    await page.getByRole('heading', { name: '设置登录密码' }).waitFor();
    await page.getByLabel('新密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('再次输入新密码').fill(PASSWORD);
    await shoot(page, 'login-first-password');
    await page.getByRole('button', { name: '设置密码并进入' }).click();
    await page.locator('[data-figure="investment.signings"]').waitFor();
    await page.locator('.chart canvas').waitFor();
    await shoot(page, 'overview');

    await page.goto(`${url}/?term=2021-2026`);
    await page.locator('[data-figure="investment.signings"]').waitFor();
    await page.locator('.chart canvas').waitFor();
    await shoot(page, 'overview-previous-term');

    await page.goto(`${url}/login`);
    await page.getByLabel('用户名').fill('sun-zhuren');
    await page.getByLabel('密码', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('alert').waitFor();
    await shoot(page, 'login-wrong-password');
  } finally {
    await chromium.close();
    if (server.exitCode === null) await new Promise((resolve) => server.once('exit', resolve).kill('SIGTERM'));
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
