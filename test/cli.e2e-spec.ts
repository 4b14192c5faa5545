import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  describe('while the server runs', () => {
    const get = async (path: string) => {
      const response = await fetch(`${server!.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      return response;
    };

    it('reads the summary, a ledger and a replay beside it, as the server answers them', async () => {
      const summary = run('summary', 'cli-2008-2013');
      expect(summary.stderr).toBe('');
      expect(summary.status).toBe(0);
      expect(JSON.parse(summary.stdout)).toEqual(await (await get('/api/v1/terms/cli-2008-2013/summary')).json());
      const ledger = run('ledger', 'cli-dongcun', '--as-of', '2013-09-30');
      expect(ledger.status).toBe(0);
      expect(JSON.parse(ledger.stdout).villageId).toBe('cli-dongcun');
      const replayed = run('replay');
      expect(replayed.status).toBe(0);
      expect(JSON.parse(replayed.stdout).events).toBe(47);
    });

    it('writes the work summary and a progress report beside it', () => {
      const report = join(dataDir, 'report.md');
      const term = run('report', 'cli-2008-2013', '--format', 'markdown', '-o', report);
      expect(term.stderr).toBe('');
      expect(term.status).toBe(0);
      const markdown = readFileSync(report, 'utf8');
      expect(markdown).toContain('本届共签约招商引资项目30个');
      expect(markdown).toContain('数据截至日志位置47。');
      expect(markdown).toContain('日志默克尔树：树大小47，根哈希：');
      const progress = run('report', '--from', '2010-01-01', '--to', '2010-12-31', '--format', 'json');
      expect(progress.status).toBe(0);
      expect(JSON.parse(progress.stdout)).toMatchObject({ from: '2010-01-01', to: '2010-12-31', position: '47' });
      const text = run('report', '--from', '2010-01-01', '--to', '2010-12-31');
      expect(text.status).toBe(0);
      expect(text.stdout.startsWith('# 示范镇2010年工作总结\n')).toBe(true);
      expect(run('report', '--from', '2010-12-31', '--to', '2010-01-01').status).toBe(2);
      expect(run('report', '--from', '2010-02-30', '--to', '2010-12-31').status).toBe(2);
      expect(run('report', '--from', '2010-01-01', '--to', '2010-12-31', '--format', 'docx').status).toBe(2);
    });

    it('exports through the server with --url, a bundle that verifies with the public key alone', async () => {
      const bundle = join(dataDir, 'through-server.ndjson');
      expect(run('export', bundle).status).toBe(1); // the store is the server's
      const exported = run('export', bundle, '--url', server!.url, '--token', TOKEN);
      expect(exported.stderr).toMatch(/已导出 47 个事件/);
      expect(exported.status).toBe(0);
      expect(JSON.parse(exported.stdout)).toMatchObject({
        bundle,
        events: 47,
        checkpoint: expect.stringContaining('\n47\n'),
      });
      const publicKey = join(dataDir, 'public-key.pem');
      writeFileSync(publicKey, await (await get('/api/v1/integrity/public-key')).text());
      const verified = run('verify', bundle, '--public-key', publicKey);
      expect(verified.status).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, events: 47 });
      expect(run('export', bundle, '--url', server!.url, '--token', 'not-the-token').status).toBe(1);
    });
  });
});
