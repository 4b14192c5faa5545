import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBundle, writeBundle } from './bundle';
import { generateSigningKey, signCheckpoint } from './checkpoint';
import { canonicalBody, GENESIS_HASH, sha256Hex } from './event-hash';
import { verifyLog, VerifiableEvent } from './log-verifier';
import { MerkleTree } from './merkle';

jest.setTimeout(600_000);
const N = 1_000_000;
function* gen(withCanonical: boolean): Generator<VerifiableEvent> {
  const heads = new Map<string, [number, string]>();
  for (let i = 0; i < N; i++) {
    const stream = `investment-${i % 5000}`;
    const h = heads.get(stream);
    const body = {
      eventId: `0190c3a2-7d4e-7000-8000-${String(i).padStart(12, '0')}`, type: 'InvestmentSigned', stream, revision: h ? h[0] + 1 : 0,
      data: { projectName: `项目${i}`, amount: { CNY: 123456789 + i }, sector: 'auto-parts', village: 'v-12', signedOn: '2025-03-01' },
      metadata: { commandId: `c${i}`, actor: { userId: 'u1', role: 'clerk' }, recordedAt: '2025-03-01T00:00:00.000Z', occurredOn: '2025-03-01', correlationId: `c${i}`, causationId: `c${i}`, schemaVersion: 1, prevHash: h ? h[1] : GENESIS_HASH },
    };
    const canonical = canonicalBody(body);
    const hash = sha256Hex(canonical);
    heads.set(stream, [body.revision, hash]);
    yield { ...body, position: String(i + 1), metadata: { ...body.metadata, hash }, ...(withCanonical ? { canonical } : {}) };
  }
}
it('1M events', async () => {
  const key = generateSigningKey();
  let t = Date.now();
  const tree = new MerkleTree();
  for (const e of gen(false)) tree.appendEventHash(e.metadata.hash);
  console.log('generate + tree only', Date.now() - t);
  const cps = [N / 2, N].map((s) => signCheckpoint({ origin: 'sunshine-ledger/x', treeSize: s, rootHex: tree.rootAt(s) }, key.privateKeyPem));
  t = Date.now();
  let r = verifyLog(gen(true), { checkpoints: cps, publicKey: key.publicKeyPem });
  console.log('generate + verify with canonical', Date.now() - t, r.ok);
  t = Date.now();
  r = verifyLog(gen(false), { checkpoints: cps, publicKey: key.publicKeyPem });
  console.log('generate + verify re-canonicalising', Date.now() - t, r.ok);
  const dir = mkdtempSync(join(tmpdir(), 'perf-'));
  const path = join(dir, 'b.ndjson');
  t = Date.now();
  await writeBundle(path, gen(true), cps, { origin: 'sunshine-ledger/x', exportedAt: 'now', events: N });
  console.log('generate + write bundle', Date.now() - t, statSync(path).size);
  global.gc?.();
  const before = process.memoryUsage();
  t = Date.now();
  const b = await verifyBundle(path, key.publicKeyPem);
  console.log('verify bundle', Date.now() - t, b.ok, 'rss delta MB', (process.memoryUsage().rss - before.rss) / 1e6);
  t = Date.now();
  const s = await verifyBundle(path, key.publicKeyPem, { strict: true });
  console.log('verify bundle strict', Date.now() - t, s.ok);
  rmSync(dir, { recursive: true });
});
