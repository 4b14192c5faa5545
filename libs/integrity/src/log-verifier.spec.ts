import { generateKeyPairSync } from 'node:crypto';
import { generateSigningKey, signCheckpoint } from './checkpoint';
import { hashEventBody, sha256Hex } from './event-hash';
import { hashedBodyOf, LogFailure, LogReport, verifyLog, verifyLogAsync, VerifiableEvent } from './log-verifier';
import { MerkleTree, verifyConsistency, verifyInclusion } from './merkle';
import { checkpointsOf, rechain, sampleLog, withCanonical } from './testing/sample-log';

const key = generateSigningKey();
const origin = 'sunshine-ledger/示范镇';

//            0    1    2    3    4    5    6    7    8    9   10   11   12   13   14   15   16   17   18   19   20   21   22   23
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

const verify = (events: VerifiableEvent[], options = {}): LogReport =>
  verifyLog(events, { checkpoints, publicKey: key.publicKeyPem, origin, ...options });

const failureOf = (report: LogReport): LogFailure => {
  if (report.ok) throw new Error('expected the log to fail verification');
  return report.firstFailure;
};

const without = (events: VerifiableEvent[], ...indexes: number[]) => events.filter((_, i) => !indexes.includes(i));
const swapped = (events: VerifiableEvent[], i: number, j: number) =>
  events.map((e, k) => (k === i ? events[j] : k === j ? events[i] : e));

describe('verifyLog', () => {
  it('passes an intact log and reports its root and latest checkpoint', () => {
    const tree = new MerkleTree();
    for (const e of log) tree.appendEventHash(e.metadata.hash);
    expect(verify(log)).toEqual({
      ok: true,
      events: 24,
      treeSize: 24,
      root: tree.root(),
      checkpoint: { origin, treeSize: 24, rootHex: tree.root() },
      eventsAfterCheckpoint: 0,
    });
  });

  it('passes an intact log given its stored canonical bytes, strict or not', () => {
    const expected = verify(log);
    expect(verify(withCanonical(log))).toEqual(expected);
    expect(verify(withCanonical(log), { strict: true })).toEqual(expected);
  });

  it('counts the events no checkpoint signs yet', () => {
    const report = verifyLog(log, { checkpoints: checkpoints.slice(0, 2), publicKey: key.publicKeyPem });
    expect(report).toMatchObject({ ok: true, checkpoint: { treeSize: 16 }, eventsAfterCheckpoint: 8 });
    expect(verifyLog(log)).toMatchObject({ ok: true, checkpoint: null, eventsAfterCheckpoint: 24 });
  });

  it('names the changed event whatever byte of it changes', () => {
    const { position, ...target } = log[12];
    const json = JSON.stringify(target);
    let parseable = 0;
    for (let i = 0; i < json.length; i++) {
      const changed = json.slice(0, i) + (json[i] === 'A' ? 'B' : 'A') + json.slice(i + 1);
      let event: VerifiableEvent;
      try {
        event = { ...JSON.parse(changed), position };
      } catch {
        continue; // not JSON any more: a bundle reader refuses it before verification
      }
      parseable++;
      const failure = failureOf(verify(log.map((e, k) => (k === 12 ? event : e))));
      expect({ at: i, index: failure.index, position: failure.position }).toEqual({ at: i, index: 12, position: '13' });
    }
    expect(parseable).toBeGreaterThan(300);
  });

  it('calls a change of content a hash mismatch', () => {
    const tampered = log.map((e, k) => (k === 12 ? { ...e, data: { amount: { CNY: 13001 }, memo: '第12笔拨款' } } : e));
    expect(failureOf(verify(tampered))).toMatchObject({
      reason: 'hash-mismatch',
      index: 12,
      stream: 'B',
      revision: 3,
      position: '13',
    });
  });

  it('finds an event re-hashed onto a wrong predecessor', () => {
    const relinked = (event: VerifiableEvent, prevHash: string): VerifiableEvent => {
      const metadata = { ...event.metadata, prevHash };
      return { ...event, metadata: { ...metadata, hash: hashEventBody(hashedBodyOf({ ...event, metadata })) } };
    };
    const skipsOne = log.map((e, k) => (k === 5 ? relinked(e, log[0].metadata.hash) : e));
    expect(failureOf(verify(skipsOne))).toMatchObject({
      reason: 'prev-hash-mismatch',
      index: 5,
      stream: 'A',
      revision: 2,
      detail: expect.stringMatching(/revision 1/),
    });
    const notFromGenesis = log.map((e, k) => (k === 3 ? relinked(e, log[1].metadata.hash) : e));
    expect(failureOf(verify(notFromGenesis))).toMatchObject({
      reason: 'prev-hash-mismatch',
      index: 3,
      stream: 'C',
      revision: 0,
      detail: expect.stringMatching(/genesis/),
    });
  });

  it('finds a deleted event at the next event of its stream', () => {
    expect(failureOf(verify(without(log, 2)))).toMatchObject({
      reason: 'revision-gap',
      index: 4,
      stream: 'A',
      revision: 2,
      position: '6',
    });
  });

  it('finds a deleted event at the next checkpoint when that comes before its stream goes on', () => {
    // D's revision 1 sits at index 13; D goes on at index 17, after the checkpoint at 16.
    const failure = failureOf(verify(without(log, 13)));
    expect(failure).toMatchObject({
      reason: 'checkpoint-mismatch',
      index: 15,
      stream: 'B',
      revision: 4,
      position: '17',
    });
    expect(failure.detail).toContain('among events 8..15');
  });

  it('finds two events of one stream swapped at the first of them', () => {
    expect(failureOf(verify(swapped(log, 5, 7)))).toMatchObject({
      reason: 'revision-gap',
      index: 5,
      stream: 'A',
      revision: 3,
      position: '8',
    });
  });

  it('finds two events of different streams swapped at the checkpoint covering them', () => {
    const failure = failureOf(verify(swapped(log, 9, 10)));
    expect(failure).toMatchObject({
      reason: 'checkpoint-mismatch',
      index: 15,
      stream: 'A',
      revision: 5,
      position: '16',
    });
  });

  it('finds a dropped stream at the first checkpoint covering one of its events', () => {
    const dropped = log.filter((e) => e.stream !== 'C');
    expect(failureOf(verify(dropped))).toMatchObject({
      reason: 'checkpoint-mismatch',
      index: 7,
      stream: 'D',
      revision: 0,
      position: '11',
    });
  });

  it('finds a cut tail at the last event left', () => {
    expect(failureOf(verify(log.slice(0, 20)))).toMatchObject({
      reason: 'log-truncated',
      index: 19,
      stream: 'C',
      revision: 4,
      position: '20',
    });
    expect(failureOf(verify([]))).toMatchObject({
      reason: 'log-truncated',
      index: null,
      stream: null,
      revision: null,
      position: null,
    });
  });

  it('finds history rewritten with fresh hashes at the checkpoint covering it', () => {
    const rewritten = rechain(log.map((e, k) => (k === 10 ? { ...e, data: { amount: { CNY: 1 }, memo: '改过' } } : e)));
    const failure = failureOf(verify(rewritten));
    expect(failure).toMatchObject({ reason: 'checkpoint-mismatch', index: 15, position: '16' });
    expect(verifyLog(rewritten)).toMatchObject({ ok: true }); // without checkpoints, a rewrite is invisible
  });

  it('refuses checkpoints that are forged, signed by another key or of another log', () => {
    const forged = checkpoints[1].replace('\n16\n', '\n17\n');
    const byOther = checkpointsOf(
      log,
      [8],
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      origin,
    );
    const otherLog = checkpointsOf(log, [8], key.privateKeyPem, 'sunshine-ledger/other');
    const nothing = { index: null, stream: null, revision: null, position: null };
    expect(failureOf(verify(log, { checkpoints: [checkpoints[0], forged] }))).toMatchObject({
      reason: 'checkpoint-invalid',
      ...nothing,
      detail: expect.stringMatching(/checkpoint 2: bad-signature/),
    });
    expect(failureOf(verify(log, { checkpoints: byOther }))).toMatchObject({
      reason: 'checkpoint-invalid',
      detail: expect.stringMatching(/unknown-key/),
    });
    expect(failureOf(verify(log, { checkpoints: otherLog }))).toMatchObject({
      reason: 'checkpoint-invalid',
      detail: expect.stringMatching(/other/),
    });
  });

  it('proves the log extends a checkpoint verified before', () => {
    const [earlier] = checkpointsOf(log, [10], key.privateKeyPem, origin);
    const report = verify(log, { since: earlier });
    if (!report.ok) throw new Error(report.firstFailure.detail);
    const tree = new MerkleTree();
    for (const e of log) tree.appendEventHash(e.metadata.hash);
    expect(report.consistency).toMatchObject({ fromSize: 10, toSize: 24 });
    expect(verifyConsistency(10, 24, report.consistency!.proof, tree.rootAt(10), report.root)).toBe(true);
  });

  it('refuses a log that forks from a checkpoint verified before', () => {
    const fork = sampleLog(['A', 'B', 'A', 'C', 'B', 'X', 'X', 'X', 'X', 'X']);
    const [ofFork] = checkpointsOf(fork, [10], key.privateKeyPem, origin);
    expect(failureOf(verify(log, { since: ofFork }))).toMatchObject({
      reason: 'since-inconsistent',
      index: 9,
      position: '10',
    });
    const [later] = checkpointsOf(sampleLog([...PLAN, 'A']), [25], key.privateKeyPem, origin);
    expect(failureOf(verify(log, { since: later }))).toMatchObject({ reason: 'log-truncated', index: 23 });
  });

  it('in strict mode, refuses stored bytes that are not the canonical form of the event', () => {
    const [event] = sampleLog(['A']);
    const { hash: _hash, ...metadata } = event.metadata;
    const loose = JSON.stringify(
      { type: event.type, eventId: event.eventId, stream: event.stream, revision: 0, data: event.data, metadata },
      null,
      1,
    );
    const looseEvent = { ...event, canonical: loose, metadata: { ...event.metadata, hash: sha256Hex(loose) } };
    expect(verifyLog([looseEvent])).toMatchObject({ ok: true });
    expect(failureOf(verifyLog([looseEvent], { strict: true }))).toMatchObject({ reason: 'not-canonical', index: 0 });

    const [stored] = withCanonical([event]);
    const objectTampered = { ...stored, data: { amount: { CNY: 1 } } };
    expect(failureOf(verifyLog([objectTampered], { strict: true }))).toMatchObject({
      reason: 'not-canonical',
      index: 0,
    });
  });

  it('names a malformed event', () => {
    const broken = { ...log[3], metadata: { ...log[3].metadata, prevHash: 'zz' } };
    expect(failureOf(verify(log.map((e, k) => (k === 3 ? broken : e))))).toMatchObject({
      reason: 'malformed-event',
      index: 3,
      position: '4',
    });
  });

  it('builds the tree it is given, ready to prove inclusion under a checkpoint', () => {
    const tree = new MerkleTree();
    expect(verify(log, { tree }).ok).toBe(true);
    const proof = tree.inclusionProof(5, 16);
    expect(verifyInclusion(tree.leafHash(5), 5, 16, proof, tree.rootAt(16))).toBe(true);
    expect(() => verify(log, { tree })).toThrow(/start empty/);
  });

  it('verifies a log read asynchronously the same way', async () => {
    async function* pages() {
      for (let i = 0; i < log.length; i += 5) yield* log.slice(i, i + 5);
    }
    expect(await verifyLogAsync(pages(), { checkpoints, publicKey: key.publicKeyPem })).toEqual(verify(log));
    async function* cut() {
      yield* without(log, 2);
    }
    expect(await verifyLogAsync(cut(), { checkpoints, publicKey: key.publicKeyPem })).toMatchObject({
      ok: false,
      firstFailure: { index: 4 },
    });
  });

  it('checks a checkpoint of the empty log', () => {
    const empty = signCheckpoint({ origin, treeSize: 0, rootHex: new MerkleTree().root() }, key.privateKeyPem);
    expect(verifyLog(log, { checkpoints: [empty], publicKey: key.publicKeyPem })).toMatchObject({ ok: true });
    const wrongEmpty = signCheckpoint({ origin, treeSize: 0, rootHex: 'ab'.repeat(32) }, key.privateKeyPem);
    expect(verifyLog(log, { checkpoints: [wrongEmpty], publicKey: key.publicKeyPem })).toMatchObject({
      ok: false,
      firstFailure: { reason: 'checkpoint-mismatch', index: null },
    });
  });
});
