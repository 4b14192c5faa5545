import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/config';
import { openRuntime } from '../runtime';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the data directory and its files', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sunshine-modes-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const open = (dataDir: string) =>
    openRuntime(loadConfig({ SUNSHINE_DATA_DIR: dataDir, SUNSHINE_ADMIN_TOKEN: 'modes-admin-token-0123' }), {
      projections: [],
      follow: false,
    });

  const files = ['events.db', 'read-models.db', 'secrets.db', 'checkpoints.db', 'signing-key.pem'];

  it("are readable by the server's user only when created", async () => {
    const dataDir = join(root, 'new');
    const runtime = await open(dataDir);
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      for (const file of files) expect([file, modeOf(join(dataDir, file))]).toEqual([file, 0o600]);
      // SQLite's companions of a WAL database, while it is open.
      for (const file of ['events.db-wal', 'events.db-shm', 'secrets.db-wal'])
        expect([file, modeOf(join(dataDir, file))]).toEqual([file, 0o600]);
    } finally {
      await runtime.close();
    }
  });

  it('are made so again when they were left readable by others', async () => {
    const dataDir = join(root, 'loose');
    await (await open(dataDir)).close();
    chmodSync(dataDir, 0o755);
    for (const file of files) chmodSync(join(dataDir, file), 0o644);
    writeFileSync(join(dataDir, 'events.db-wal'), '');
    chmodSync(join(dataDir, 'events.db-wal'), 0o666);
    const runtime = await open(dataDir);
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      for (const file of [...files, 'events.db-wal'])
        expect([file, modeOf(join(dataDir, file))]).toEqual([file, 0o600]);
    } finally {
      await runtime.close();
    }
  });
});
