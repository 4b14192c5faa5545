import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium } from 'playwright-core';

const ROOT = join(__dirname, existsSync(join(__dirname, '../package.json')) ? '..' : '../..');
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Quiet, offline, reproducible: no sync, updates, first-run pages or network of its own. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * The Chromium that the npm package @sparticuz/chromium carries inside itself, unpacked once
 * into node_modules/.cache (per version). Unpacked by the package's own executablePath() in a
 * child process whose TMPDIR is a fresh folder, then moved into place whole: the package would
 * otherwise use (and trust whatever is in) the shared /tmp.
 */
const packagedChromium = (): string => {
  const pkg = join(ROOT, 'node_modules/@sparticuz/chromium');
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const cache = join(ROOT, 'node_modules/.cache/sunshine-chromium');
  const home = join(cache, version);
  const binary = join(home, 'chromium');
  if (existsSync(binary)) return binary;
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(cache, 'unpacking-'));
  try {
    const unpacked = execFileSync(
      process.execPath,
      ['-e', "require('@sparticuz/chromium').executablePath().then((path) => process.stdout.write(path))"],
      { cwd: ROOT, env: { ...process.env, TMPDIR: staging }, encoding: 'utf8' },
    );
    if (unpacked !== join(staging, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${unpacked}`);
    if (!existsSync(binary)) renameSync(staging, home);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return binary;
};

/**
 * Which Chromium to drive: SUNSHINE_CHROMIUM when set, else the system's (Debian's
 * /usr/bin/chromium), else the one an npm package ships, so that `npm test` needs nothing but
 * Node.js and npm.
 */
export const findChromium = (): { executablePath: string; from: string } => {
  const asked = process.env.SUNSHINE_CHROMIUM;
  if (asked) {
    if (!existsSync(asked)) throw new Error(`SUNSHINE_CHROMIUM=${asked}: no such file`);
    return { executablePath: asked, from: 'SUNSHINE_CHROMIUM' };
  }
  const system = SYSTEM_CHROMIUM.find((path) => existsSync(path));
  if (system) return { executablePath: system, from: 'system' };
  return { executablePath: packagedChromium(), from: '@sparticuz/chromium' };
};

/** A headless Chromium; Playwright gives it a fresh profile of its own and removes it at close. */
export interface HeadlessChromium {
  browser: Browser;
  from: string;
  /** A new page context as a township PC shows it: zh-CN, Beijing time, the given window size. */
  newContext(viewport?: { width: number; height: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export const launchChromium = async (): Promise<HeadlessChromium> => {
  const { executablePath, from } = findChromium();
  const browser = await chromium.launch({ executablePath, args: ARGS });
  return {
    browser,
    from,
    newContext: (viewport = { width: 1440, height: 900 }) =>
      browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
    close: () => browser.close(),
  };
};
