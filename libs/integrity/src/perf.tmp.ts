import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBundle, writeBundle } from './bundle';
import { generateSigningKey } from './checkpoint';
import { canonicalBody } from './event-hash';
import { hashedBodyOf, verifyLog, VerifiableEvent } from './log-verifier';
import { checkpointsOf, rechain } from './testing/sample-log';

jest.setTimeout(600_000);
it('1M events', async () => {
  const N = 1_000_000;
  const key = generateSigningKey();
  let t = Date.now();
  const raw: VerifiableEvent[] = Array.from({ length: N }, (_, i) => ({
    eventId: `0190c3a2-7d4e-7000-8000-${String(i).padStart(12, '0')}`, type: 'InvestmentSigned', stream: `investment-${i % 5000}`, revision: 0, position: String(i + 1),
    data: { projectName: `项目${i}`, amount: { CNY: 123456789 + i }, sector: 'auto-parts', village: 'v-12', signedOn: '2025-03-01' },
    metadata: { commandId: `c${i}`, actor: { userId: 'u1', role: 'clerk' }, recordedAt: '2025-03-01T00:00:00.000Z', occurredOn: '2025-03-01', correlationId: `c${i}`, causationId: `c${i}`, schemaVersion: 1, prevHash: '', hash: '' },
  }));
  const counts = new Map<string, number>();
  for (const e of raw) { const r = counts.get(e.stream) ?? 0; e.revision = r; counts.set(e.stream, r + 1); }
  const log = rechain(raw).map((e) => ({ ...e, canonical: canonicalBody(hashedBodyOf(e)) }));
  console.log('build', Date.now() - t);
  const cps = checkpointsOf(log, [N / 2, N], key.privateKeyPem, 'sunshine-ledger/x');
  t = Date.now();
  let r = verifyLog(log, { checkpoints: cps, publicKey: key.publicKeyPem });
  console.log('verify with canonical', Date.now() - t, r.ok);
  t = Date.now();
  r = verifyLog(log.map(({ canonical: _c, ...e }) => e), { checkpoints: cps, publicKey: key.publicKeyPem });
  console.log('verify re-canonicalising', Date.now() - t, r.ok);
  const dir = mkdtempSync(join(tmpdir(), 'perf-'));
  const path = join(dir, 'b.ndjson');
  t = Date.now();
  await writeBundle(path, log, cps, { origin: 'sunshine-ledger/x', exportedAt: 'now', events: N });
  console.log('write bundle', Date.now() - t, statSync(path).size);
  const before = process.memoryUsage().heapUsed;
  t = Date.now();
  const b = await verifyBundle(path, key.publicKeyPem);
  console.log('verify bundle', Date.now() - t, b.ok, 'heap delta MB', (process.memoryUsage().heapUsed - before) / 1e6);
  rmSync(dir, { recursive: true });
});
