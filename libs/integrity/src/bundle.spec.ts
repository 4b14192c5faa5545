import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BundleFailure, BundleReport, verifyBundle, writeBundle } from './bundle';
import { generateSigningKey } from './checkpoint';
import { verifyLog, VerifiableEvent } from './log-verifier';
import { verifyConsistency } from './merkle';
import { checkpointsOf, rechain, sampleLog, withCanonical } from './testing/sample-log';

const key = generateSigningKey();
const origin = 'sunshine-ledger/示范镇';
const exportedAt = '2025-06-30T08:00:00.000Z';
const PLAN = [
  'A',
  'B',
  'A',
  'C',
  'B',
  'A',
  'C',
  'A',
  'B',
  'C',
  'D',
  'A',
  'B',
  'D',
  'C',
  'A',
  'B',
  'D',
  'A',
  'C',
  'B',
  'A',
  'D',
  'C',
];
const log = sampleLog(PLAN);
const checkpoints = checkpointsOf(log, [8, 16, 24], key.privateKeyPem, origin);
// Line of event i: the header, three checkpoint lines, then the events.
const lineOf = (index: number) => 5 + index;

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sunshine-bundle-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function* streamed(events: VerifiableEvent[]) {
  for (const event of events) yield event;
}

const exported = async (events = log, notes = checkpoints, name = 'export.ndjson'): Promise<string> => {
  const path = join(dir, name);
  await writeBundle(path, streamed(events), notes, { origin, exportedAt, events: events.length });
  return path;
};

const failureOf = (report: BundleReport): BundleFailure => {
  if (report.ok) throw new Error('expected the bundle to fail verification');
  return report.firstFailure;
};

const editLines = (path: string, edit: (lines: string[]) => string[]): void => {
  const lines = readFileSync(path, 'utf8').split('\n');
  writeFileSync(
    path,
    edit(lines.slice(0, -1))
      .map((l) => `${l}\n`)
      .join(''),
  );
};

describe('export bundles', () => {
  it('hold a header, the checkpoints, then one line per event', async () => {
    const lines = readFileSync(await exported(), 'utf8').split('\n');
    expect(lines).toHaveLength(1 + 3 + 24 + 1);
    expect(JSON.parse(lines[0])).toEqual({
      format: 'sunshine-ledger-bundle',
      version: 1,
      origin,
      exportedAt,
      events: 24,
      checkpoints: 3,
    });
    expect(JSON.parse(lines[1])).toEqual({ checkpoint: checkpoints[0] });
    expect(lines[4]).toMatch(/^\{"position":"1","hash":"[0-9a-f]{64}","event":\{"data":/);
    expect(lines[28]).toBe('');
  });

  it('are the same bytes whether the events carry their canonical bytes or not', async () => {
    const plain = readFileSync(await exported(log, checkpoints, 'a.ndjson'));
    const stored = readFileSync(await exported(withCanonical(log), checkpoints, 'b.ndjson'));
    expect(stored.equals(plain)).toBe(true);
  });

  it('verify when intact, with the same report as the log itself', async () => {
    const report = await verifyBundle(await exported(), key.publicKeyPem);
    const { header, ...rest } = report;
    expect(rest).toEqual(verifyLog(log, { checkpoints, publicKey: key.publicKeyPem }));
    expect(header).toMatchObject({ origin, events: 24 });
    expect(
      await verifyBundle(await exported(log, checkpoints, 'strict.ndjson'), key.publicKeyPem, { strict: true }),
    ).toMatchObject({ ok: true });
  });

  it('name the line and position of a tampered event', async () => {
    const path = await exported();
    editLines(path, (lines) =>
      lines.map((l, i) => (i + 1 === lineOf(12) ? l.replace('"CNY":13000', '"CNY":13900') : l)),
    );
    expect(failureOf(await verifyBundle(path, key.publicKeyPem))).toMatchObject({
      reason: 'hash-mismatch',
      index: 12,
      position: '13',
      stream: 'B',
      revision: 3,
      line: lineOf(12),
    });
  });

  it('name the tampered line whatever character of it changes, but its position', async () => {
    const path = await exported();
    const original = readFileSync(path, 'utf8').split('\n');
    const target = original[lineOf(12) - 1];
    const positionValue = { from: '{"position":'.length, to: '{"position":"13"'.length };
    for (let i = 0; i < target.length; i++) {
      if (i >= positionValue.from && i < positionValue.to) continue; // a locator, covered by no hash
      const changed = target.slice(0, i) + (target[i] === 'A' ? 'B' : 'A') + target.slice(i + 1);
      writeFileSync(path, original.map((l, k) => (k === lineOf(12) - 1 ? changed : l)).join('\n'));
      const failure = failureOf(await verifyBundle(path, key.publicKeyPem));
      expect({ at: i, line: failure.line, index: failure.index }).toEqual({ at: i, line: lineOf(12), index: 12 });
    }
  });

  it('name the first event a deletion or a swap of lines breaks', async () => {
    const deleted = await exported(log, checkpoints, 'deleted.ndjson');
    editLines(deleted, (lines) => lines.filter((_, i) => i + 1 !== lineOf(2)));
    // The header still announces 24 events, so the bundle ends one short; the chain breaks first.
    expect(failureOf(await verifyBundle(deleted, key.publicKeyPem))).toMatchObject({
      reason: 'revision-gap',
      index: 4,
      position: '6',
      line: lineOf(4),
    });

    const swapped = await exported(log, checkpoints, 'swapped.ndjson');
    editLines(swapped, (lines) =>
      lines.map((l, i) =>
        i + 1 === lineOf(9) ? lines[lineOf(10) - 1] : i + 1 === lineOf(10) ? lines[lineOf(9) - 1] : l,
      ),
    );
    expect(failureOf(await verifyBundle(swapped, key.publicKeyPem))).toMatchObject({
      reason: 'checkpoint-mismatch',
      index: 15,
      position: '16',
      line: lineOf(15),
    });
  });

  it('find a cut tail, by the checkpoints or by the header', async () => {
    const cut = await exported();
    editLines(cut, (lines) => lines.slice(0, lineOf(15)));
    expect(failureOf(await verifyBundle(cut, key.publicKeyPem))).toMatchObject({
      reason: 'log-truncated',
      index: 15,
      position: '16',
      line: lineOf(15),
    });

    const cutBeyondSignatures = await exported(log, checkpoints.slice(0, 2), 'unsigned-tail.ndjson');
    editLines(cutBeyondSignatures, (lines) => lines.slice(0, 1 + 2 + 19)); // header, 2 checkpoints, 19 events
    expect(failureOf(await verifyBundle(cutBeyondSignatures, key.publicKeyPem))).toMatchObject({
      reason: 'log-truncated',
      index: 18,
      stream: 'A',
      revision: 6,
      position: '19',
      line: 22,
    });
  });

  it('prove a later export consistent with a checkpoint kept from an earlier one', async () => {
    const earlier = await exported(
      log.slice(0, 10),
      checkpointsOf(log, [10], key.privateKeyPem, origin),
      'earlier.ndjson',
    );
    const earlierReport = await verifyBundle(earlier, key.publicKeyPem);
    if (!earlierReport.ok) throw new Error(earlierReport.firstFailure.detail);
    const kept = checkpointsOf(log, [10], key.privateKeyPem, origin)[0];

    const later = await exported();
    const report = await verifyBundle(later, key.publicKeyPem, { since: kept });
    if (!report.ok) throw new Error(report.firstFailure.detail);
    expect(report.consistency).toMatchObject({ fromSize: 10, toSize: 24 });
    expect(verifyConsistency(10, 24, report.consistency!.proof, earlierReport.root, report.checkpoint!.rootHex)).toBe(
      true,
    );
  });

  it('refuse a later export that rewrote what an earlier checkpoint signed', async () => {
    const kept = checkpointsOf(log, [10], key.privateKeyPem, origin)[0];
    // The insider rewrites event 4, re-chains and re-signs everything after: each checkpoint
    // in the new bundle matches, but the one the auditor kept does not.
    const rewritten = rechain(log.map((e, i) => (i === 4 ? { ...e, data: { amount: { CNY: 1 }, memo: '改过' } } : e)));
    const later = await exported(rewritten, checkpointsOf(rewritten, [8, 16, 24], key.privateKeyPem, origin));
    expect(await verifyBundle(later, key.publicKeyPem)).toMatchObject({ ok: true });
    expect(failureOf(await verifyBundle(later, key.publicKeyPem, { since: kept }))).toMatchObject({
      reason: 'since-inconsistent',
      index: 9,
      line: lineOf(9),
    });
  });

  it('refuse checkpoints under another key', async () => {
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(failureOf(await verifyBundle(await exported(), other))).toMatchObject({
      reason: 'checkpoint-invalid',
      line: null,
      index: null,
    });
  });

  it('refuse, before reading, a key that is not an Ed25519 public key', async () => {
    await expect(verifyBundle(await exported(), 'not a key')).rejects.toThrow();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    await expect(verifyBundle(await exported(log, checkpoints, 'rsa.ndjson'), rsa)).rejects.toThrow(/Ed25519/);
  });

  it('refuse what is not a bundle, or has lines past its end', async () => {
    const notBundle = join(dir, 'not.ndjson');
    writeFileSync(notBundle, 'hello\n');
    expect(failureOf(await verifyBundle(notBundle, key.publicKeyPem))).toMatchObject({
      reason: 'bundle-malformed',
      line: 1,
    });
    writeFileSync(notBundle, '');
    expect(failureOf(await verifyBundle(notBundle, key.publicKeyPem))).toMatchObject({
      reason: 'bundle-malformed',
      detail: 'the bundle is empty',
    });

    const extra = await exported();
    editLines(extra, (lines) => [...lines, lines[lines.length - 1]]);
    expect(failureOf(await verifyBundle(extra, key.publicKeyPem))).toMatchObject({
      reason: 'bundle-malformed',
      line: 29,
    });

    const missingCheckpoint = await exported(log, checkpoints, 'short.ndjson');
    editLines(missingCheckpoint, (lines) => [lines[0], lines[1]]);
    expect(failureOf(await verifyBundle(missingCheckpoint, key.publicKeyPem))).toMatchObject({
      reason: 'bundle-malformed',
      detail: expect.stringMatching(/3 checkpoints/),
    });
  });

  it('keep line separators and carriage returns inside event text intact', async () => {
    const awkward = rechain(log.map((e, i) => (i === 3 ? { ...e, data: { memo: 'a\u2028b\u2029c\r\nd\u0085e' } } : e)));
    const path = await exported(awkward, checkpointsOf(awkward, [24], key.privateKeyPem, origin));
    expect(await verifyBundle(path, key.publicKeyPem)).toMatchObject({ ok: true, events: 24 });
  });

  it('are written whole or not at all', async () => {
    const path = join(dir, 'wrong-count.ndjson');
    await expect(writeBundle(path, streamed(log), checkpoints, { origin, exportedAt, events: 25 })).rejects.toThrow(
      /24 events/,
    );
    await expect(writeBundle(path, streamed(log), checkpoints, { origin, exportedAt, events: 23 })).rejects.toThrow(
      /more than the 23/,
    );
    async function* failing() {
      yield log[0];
      throw new Error('store went away');
    }
    await expect(writeBundle(path, failing(), checkpoints, { origin, exportedAt, events: 24 })).rejects.toThrow(
      'store went away',
    );
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(path)).toBe(false);
  });

  it('report progress while verifying a long log, streaming', async () => {
    const streams = Array.from({ length: 10_000 }, (_, i) => `stream-${(i * 7) % 97}`);
    const long = sampleLog(streams);
    const path = await exported(long, checkpointsOf(long, [5_000, 10_000], key.privateKeyPem, origin), 'long.ndjson');
    const progress: [number, number][] = [];
    const report = await verifyBundle(path, key.publicKeyPem, {}, (done, total) => progress.push([done, total]));
    expect(report).toMatchObject({ ok: true, events: 10_000, checkpoint: { treeSize: 10_000 } });
    expect(progress).toEqual([
      [4096, 10_000],
      [8192, 10_000],
      [10_000, 10_000],
    ]);
  });
});
