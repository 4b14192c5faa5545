import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { investmentTermLines } from './support/investment-term';
import { freePort, ServerProcess } from './support/server-process';

const SUNSHINE = join(__dirname, '../bin/sunshine');
const TOKEN = 'cli-test-admin-token-01234';

describe('the sunshine command line (real processes on a real data directory)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-cli-'));
  const file = join(dataDir, 'term.ndjson');
  writeFileSync(file, investmentTermLines(30, 'cli').join('\n'));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [SUNSHINE, ...args], {
      env: { ...process.env, SUNSHINE_DATA_DIR: dataDir, SUNSHINE_ADMIN_TOKEN: TOKEN },
      encoding: 'utf8',
    });
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports a file, then says every command of it was already applied', () => {
    const first = run('import', file, '--quiet');
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout.trim().split('\n').at(-1) as string)).toEqual({
      summary: { applied: 47, duplicates: 0, failed: 0 },
    });
    const again = run('import', file, '--quiet');
    expect(JSON.parse(again.stdout.trim().split('\n').at(-1) as string)).toEqual({
      summary: { applied: 0, duplicates: 47, failed: 0 },
    });
  });

  it('prints the summary of a term, and exits 1 for an unknown term', () => {
    const summary = run('summary', 'cli-2008-2013');
    expect(summary.status).toBe(0);
    expect(JSON.parse(summary.stdout).investment.signings).toBe(30);
    const missing = run('summary', 'no-such-term');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/不存在/);
  });

  it('rebuilds the read models from the log to the same summary', () => {
    const before = JSON.parse(run('summary', 'cli-2008-2013').stdout);
    const rebuilt = run('rebuild-projections');
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stderr).toMatch(/读模型已重建/);
    expect(JSON.parse(run('summary', 'cli-2008-2013').stdout)).toEqual(before);
  });

  it('replays the log as known at an instant without touching the read models', () => {
    const replayed = run('replay', '--known-at', '2000-01-01T00:00:00Z');
    expect(replayed.status).toBe(0);
    expect(JSON.parse(replayed.stdout)).toMatchObject({ events: 0, position: null });
    const all = JSON.parse(run('replay').stdout);
    expect(all.events).toBe(47);
    expect(all.byType).toEqual({ TermOpened: 1, VillageRegistered: 1, InvestmentSigned: 30, CapitalArrived: 15 });
  });

  it('exits 2 on bad usage', () => {
    expect(run('import').status).toBe(2);
    expect(run('no-such-command').status).toBe(2);
    expect(run('ledger', 'cli-dongcun', '--as-of', '2010-02-30').status).toBe(2);
    expect(run('import', join(dataDir, 'missing.ndjson')).status).toBe(2);
  });

  it('refuses to write the store a server holds, and goes through the server with --url', async () => {
    server = new ServerProcess(dataDir, await freePort(), { SUNSHINE_ADMIN_TOKEN: TOKEN });
    await server.start();
    const refused = run('import', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/正由进程 \d+ 使用/);
    expect(refused.stderr).toMatch(/--url/);
    const through = run('import', file, '--quiet', '--url', server.url, '--token', TOKEN);
    expect(through.status).toBe(0);
    expect(JSON.parse(through.stdout.trim().split('\n').at(-1) as string)).toEqual({
      summary: { applied: 0, duplicates: 47, failed: 0 },
    });
  });
});
