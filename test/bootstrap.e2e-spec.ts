import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ServerProcess } from './support/server-process';

const MAIN = join(__dirname, '../dist/apps/api/src/main.js');

describe('starting the server (real process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-boot-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a generated admin token once on a first start without SUNSHINE_ADMIN_TOKEN, and it works', async () => {
    const first = new ServerProcess(dataDir, await freePort(), { SUNSHINE_ADMIN_TOKEN: '' });
    await first.start();
    await new Promise((r) => setTimeout(r, 100));
    const token = /admin token, shown once: (\S+)/.exec(first.output)?.[1];
    expect(token).toBeDefined();
    const terms = await fetch(`${first.url}/api/v1/terms`, { headers: { authorization: `Bearer ${token}` } });
    expect(terms.status).toBe(200);
    await first.kill('SIGTERM');

    const second = new ServerProcess(dataDir, await freePort(), { SUNSHINE_ADMIN_TOKEN: '' });
    await second.start();
    await new Promise((r) => setTimeout(r, 100));
    expect(second.output).not.toMatch(/shown once/);
    expect((await fetch(`${second.url}/api/v1/terms`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      200,
    );
    await second.kill('SIGTERM');
  });

  it('creates the signing key on a first start, readable only by its owner', () => {
    const { statSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    expect(statSync(join(dataDir, 'signing-key.pem')).mode & 0o777).toBe(0o600);
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ SUNSHINE_EVENT_STORE: 'kurrentdb' }, /^KURRENTDB_CONNECTION_STRING: /],
    [{ SUNSHINE_READ_STORE: 'mongodb' }, /^MONGODB_URI: /],
    [{ SUNSHINE_SIGNING_KEY: '/dev/null' }, /^SUNSHINE_SIGNING_KEY: /],
  ])('stops with one line naming the variable for %j', (env, line) => {
    const result = spawnSync(process.execPath, [MAIN], {
      env: { ...process.env, SUNSHINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'sunshine-bad-')), ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(line);
  });
});
