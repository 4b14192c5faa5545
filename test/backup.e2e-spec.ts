import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ServerProcess } from './support/server-process';

const SUNSHINE = join(__dirname, '../bin/sunshine');
const TOKEN = 'backup-test-admin-token-0123';

/** Runs the CLI as its own process, as an operator would, while the server goes on. */
const sunshine = (dataDir: string, ...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [SUNSHINE, ...args], {
      env: { ...process.env, SUNSHINE_DATA_DIR: dataDir, SUNSHINE_ADMIN_TOKEN: TOKEN },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });

const storedLog = (dataDir: string) => {
  const db = new Database(join(dataDir, 'events.db'), { readonly: true });
  try {
    return db.prepare('SELECT position, hash, body FROM events ORDER BY position').all() as {
      position: number;
      hash: string;
      body: string;
    }[];
  } finally {
    db.close();
  }
};

describe('sunshine backup while the server writes, sunshine restore into an empty directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'sunshine-backup-'));
  const live = join(root, 'live');
  const restored = join(root, 'restored');
  const file = join(root, 'ledger.tar.gz');
  let server: ServerProcess;
  afterAll(async () => {
    await server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('copies a consistent log that verifies after restore, holding every command acknowledged before it began', async () => {
    server = new ServerProcess(live, await freePort(), { SUNSHINE_ADMIN_TOKEN: TOKEN });
    await server.start();
    const post = (type: string, commandId: string, data: object) =>
      fetch(`${server.url}/api/v1/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type, commandId, data }),
      });
    for (const [type, data] of [
      ['OpenTerm', { termId: 'bk-term', name: '第十六届', startsOn: '2021-10-01', endsOn: '2026-09-30' }],
      ['RegisterVillage', { villageId: 'bk-v', name: '东村' }],
      [
        'RegisterDispute',
        {
          disputeId: 'bk-d1',
          category: 'neighbour',
          receivedOn: '2022-05-01',
          summary: '邻里纠纷',
          villageId: 'bk-v',
          parties: [{ subjectId: 'bk-subject', name: '张三', idNumber: '110101199003071234' }],
        },
      ],
      ['ErasePersonalData', { subjectId: 'bk-subject', reason: '当事人申请删除个人信息' }],
    ] as const)
      expect((await post(type, `bk-${type}`, data)).status).toBe(201);

    // Four writers go on while the backup runs.
    const acknowledged: { commandId: string; at: number }[] = [];
    let writing = true;
    let sequence = 0;
    const writer = async () => {
      while (writing) {
        const n = ++sequence;
        const commandId = `bk-r-${n}`;
        const response = await post('RecordReceipt', commandId, {
          villageId: 'bk-v',
          entryId: `R-${n}`,
          amount: { currency: 'CNY', minor: 100 * n },
          category: 'fiscal-transfer',
          counterparty: '镇财政所',
          voucherNo: `收-R-${n}`,
          on: '2022-06-01',
        });
        if (response.status === 201) acknowledged.push({ commandId, at: Date.now() });
      }
    };
    const writers = Promise.all([writer(), writer(), writer(), writer()]);
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 20));
    const backupStarted = Date.now();
    const backup = await sunshine(live, 'backup', file);
    writing = false;
    await writers;
    expect(backup.status).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const restore = await sunshine(restored, 'restore', file);
    expect(restore.status).toBe(0);
    const outcome = JSON.parse(restore.stdout.trim().split('\n').at(-1) as string);
    expect(outcome).toMatchObject({ ok: true });
    expect(statSync(restored).mode & 0o777).toBe(0o700);
    for (const name of ['events.db', 'secrets.db', 'checkpoints.db', 'signing-key.pem'])
      expect([name, statSync(join(restored, name)).mode & 0o777]).toEqual([name, 0o600]);

    // The restored log is the live log as it stood at one moment: a prefix of it, byte for byte.
    const before = storedLog(live);
    const after = storedLog(restored);
    expect(outcome.events).toBe(after.length);
    expect(after).toEqual(before.slice(0, after.length));
    // Every command acknowledged before the backup began is in it.
    const commands = new Set(after.map((row) => JSON.parse(row.body).metadata.commandId));
    for (const { commandId, at } of acknowledged) if (at < backupStarted) expect(commands.has(commandId)).toBe(true);

    // The erased subject stays erased: its key is gone in the restored secrets.
    const secrets = new Database(join(restored, 'secrets.db'), { readonly: true });
    const key = secrets.prepare('SELECT key FROM subject_keys WHERE subject_id = ?').get('bk-subject') as
      { key: Buffer | null } | undefined;
    secrets.close();
    expect(key).toEqual({ key: null });
  });

  it('refuses to restore into a directory that holds anything', async () => {
    const occupied = mkdtempSync(join(root, 'occupied-'));
    writeFileSync(join(occupied, 'notes.txt'), '村里的账');
    const refused = await sunshine(occupied, 'restore', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/数据目录不是空的/);
  });
});
