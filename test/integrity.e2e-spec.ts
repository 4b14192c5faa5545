import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_USER_ID, importCommands } from '@sunshine/application';
import { investmentTermLines } from './support/investment-term';
import { ADMIN_TOKEN, nextCommandId, startTestApp, TestApp } from './support/test-app';

const SUNSHINE = join(__dirname, '../bin/sunshine');

async function* asLines(lines: string[]) {
  yield* lines;
}

/** A log of ~50 events over many streams, with a signed checkpoint covering it. */
const recordTownship = async (t: TestApp) => {
  for await (const _ of importCommands(asLines(investmentTermLines(24, 'int')), {
    onError: 'stop',
    language: 'en',
    actor: { userId: ADMIN_USER_ID, role: 'admin' },
    submit: (envelope, actor) => t.runtime.commands.submit(envelope, actor),
  }));
  await t.runtime.integrity.seal();
};

const verifyOverHttp = async (dataDir: string, query = '') => {
  const t = await startTestApp({ dataDir });
  try {
    return (await t.get(`/api/v1/integrity/verify${query}`).expect(200)).body;
  } finally {
    await t.close();
  }
};

const cli = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [SUNSHINE, ...args], {
    env: { ...process.env, SUNSHINE_DATA_DIR: dataDir, SUNSHINE_ADMIN_TOKEN: ADMIN_TOKEN },
    encoding: 'utf8',
  });

/** Each tampering applied to a copy of the stored log. */
const tamper = (dataDir: string, sql: (db: Database.Database) => void) => {
  const copy = mkdtempSync(join(tmpdir(), 'sunshine-tampered-'));
  cpSync(dataDir, copy, { recursive: true });
  rmSync(join(copy, '.lock'), { force: true });
  const db = new Database(join(copy, 'events.db'));
  sql(db);
  db.close();
  return copy;
};

describe('integrity an auditor can prove', () => {
  let dataDir: string;
  let publicKeyFile: string;
  let bundle: string;
  let lines: string[];
  let events: number;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sunshine-integrity-'));
    const t = await startTestApp({ dataDir });
    await recordTownship(t);
    publicKeyFile = join(dataDir, 'public-key.pem');
    writeFileSync(publicKeyFile, (await t.get('/api/v1/integrity/public-key').expect(200)).text);
    await t.close();
    bundle = join(dataDir, 'bundle.ndjson');
    const exported = cli(dataDir, 'export', bundle);
    expect(exported.status).toBe(0);
    lines = readFileSync(bundle, 'utf8').trimEnd().split('\n');
    events = JSON.parse(lines[0]).events;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('verifies an intact log over HTTP and offline', async () => {
    const report = await verifyOverHttp(dataDir);
    expect(report).toMatchObject({ ok: true, events, checkpoint: { treeSize: events }, eventsAfterCheckpoint: 0 });
    expect(await verifyOverHttp(dataDir, '?strict=true')).toMatchObject({ ok: true, events });
    const offline = cli(dataDir, 'verify', bundle, '--public-key', publicKeyFile);
    expect(offline.status).toBe(0);
    expect(JSON.parse(offline.stdout)).toMatchObject({ ok: true, events });
  });

  it('serves the latest checkpoint and proofs that the CLI checks against the signed checkpoint', async () => {
    const t = await startTestApp({ dataDir });
    try {
      const note = (await t.get('/api/v1/integrity/checkpoints/latest').expect(200)).text;
      expect(note).toMatch(/^sunshine-ledger\/示范镇\n\d+\n[A-Za-z0-9+/=]+\n\n— /);
      const [event] = await t.runtime.events.readStream('investment-int-ZS-3');
      const inclusion = (await t.get(`/api/v1/integrity/proofs/inclusion?eventId=${event.eventId}`).expect(200)).body;
      expect(inclusion).toMatchObject({ eventId: event.eventId, treeSize: events, verified: true, checkpoint: note });
      const proofFile = join(dataDir, 'inclusion.json');
      writeFileSync(proofFile, JSON.stringify(inclusion));
      expect(cli(dataDir, 'check-proof', proofFile, '--public-key', publicKeyFile).status).toBe(0);
      writeFileSync(proofFile, JSON.stringify({ ...inclusion, leafIndex: inclusion.leafIndex + 1 }));
      expect(cli(dataDir, 'check-proof', proofFile, '--public-key', publicKeyFile).status).toBe(1);

      // The log grows, a new checkpoint is sealed, and the new tree provably extends the old one.
      await t
        .command({
          type: 'RegisterVillage',
          commandId: nextCommandId(),
          data: { villageId: 'int-xicun', name: '西村' },
        })
        .expect(201);
      await t.runtime.integrity.seal();
      const consistency = (await t.get(`/api/v1/integrity/proofs/consistency?from=${events}`).expect(200)).body;
      expect(consistency).toMatchObject({ fromSize: events, toSize: events + 1 });
      writeFileSync(proofFile, JSON.stringify(consistency));
      expect(cli(dataDir, 'check-proof', proofFile, '--public-key', publicKeyFile).status).toBe(0);
      await t.get('/api/v1/integrity/proofs/consistency?from=0').expect(400);
      await t.get(`/api/v1/integrity/proofs/inclusion?eventId=no-such-event`).expect(404);
    } finally {
      await t.close();
    }
  });

  describe.each([
    [
      'a changed byte in a stored event',
      (db: Database.Database) =>
        db.prepare(`UPDATE events SET body = replace(body, '"minor":', '"minor":9') WHERE position = 8`).run(),
      (f: Failure) => expect(f).toMatchObject({ position: '8', reason: 'hash-mismatch' }),
    ],
    [
      'a deleted event',
      (db: Database.Database) =>
        db.prepare("DELETE FROM events WHERE stream = 'investment-int-ZS-0' AND revision = 0").run(),
      (f: Failure) => expect(f).toMatchObject({ stream: 'investment-int-ZS-0', revision: 1, reason: 'revision-gap' }),
    ],
    [
      'two events swapped in the log order',
      (db: Database.Database) => {
        db.prepare('UPDATE events SET position = -1 WHERE position = 10').run();
        db.prepare('UPDATE events SET position = 10 WHERE position = 11').run();
        db.prepare('UPDATE events SET position = 11 WHERE position = -1').run();
      },
      (f: Failure) => expect(f.reason).toMatch(/checkpoint-mismatch|revision-gap|prev-hash-mismatch/),
    ],
    [
      'a whole stream dropped',
      (db: Database.Database) => db.prepare("DELETE FROM events WHERE stream = 'investment-int-ZS-7'").run(),
      (f: Failure) => expect(f.reason).toMatch(/checkpoint-mismatch|log-truncated/),
    ],
    [
      'the tail cut off',
      (db: Database.Database) =>
        db.prepare('DELETE FROM events WHERE position > (SELECT MAX(position) - 5 FROM events)').run(),
      (f: Failure) => expect(f.reason).toBe('log-truncated'),
    ],
  ])('%s', (_, change, expectFailure) => {
    it('is found by the API, naming the first broken event', async () => {
      const copy = tamper(dataDir, change);
      try {
        for (const query of ['', '?strict=true']) {
          const report = await verifyOverHttp(copy, query);
          expect(report.ok).toBe(false);
          expectFailure(report.firstFailure);
        }
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });
  });

  describe.each([
    [
      'a changed byte',
      (l: string[]) => l.map((line, i) => (i === 12 ? line.replace('投资方', '投姿方') : line)),
      'hash-mismatch',
    ],
    [
      'a deleted event',
      (l: string[]) => l.filter((_, i) => i !== 12),
      /revision-gap|checkpoint-mismatch|log-truncated/,
    ],
    [
      'two events swapped',
      (l: string[]) => l.map((line, i) => (i === 12 ? l[13] : i === 13 ? l[12] : line)),
      /checkpoint-mismatch|prev-hash-mismatch|revision-gap/,
    ],
    [
      'a whole stream dropped',
      (l: string[]) => l.filter((line) => !line.includes('"stream":"investment-int-ZS-7"')),
      /checkpoint-mismatch|log-truncated/,
    ],
    ['the tail cut off', (l: string[]) => l.slice(0, l.length - 5), /log-truncated|bundle-malformed/],
  ])('%s in an exported bundle', (_, change, reason) => {
    it('is found offline by sunshine verify, which exits 1 naming the event', () => {
      const tampered = join(dataDir, `tampered-${Math.random()}.ndjson`);
      writeFileSync(tampered, `${change(lines).join('\n')}\n`);
      const result = cli(dataDir, 'verify', tampered, '--public-key', publicKeyFile);
      expect(result.status).toBe(1);
      const failure = JSON.parse(result.stdout).firstFailure;
      expect(failure.reason).toMatch(reason);
      rmSync(tampered);
    });
  });

  it('refuses a bundle signed by another key', () => {
    const otherKey = join(dataDir, 'other.pem');
    const generated = cli(dataDir, 'keys', 'generate', '-o', join(dataDir, 'other-private.pem'));
    expect(generated.status).toBe(0);
    writeFileSync(otherKey, generated.stdout);
    expect(cli(dataDir, 'verify', bundle, '--public-key', otherKey).status).toBe(1);
    expect(cli(dataDir, 'keys', 'generate', '-o', join(dataDir, 'other-private.pem')).status).toBe(1);
  });
});

interface Failure {
  stream: string | null;
  revision: number | null;
  position: string | null;
  reason: string;
}
