import { hash } from 'node:crypto';

/**
 * The global Merkle tree over the log, as RFC 6962 §2.1 defines it (also RFC 9162 §2.1):
 * leaf i is the i-th event in log order, its leaf hash SHA-256(0x00 ‖ the 32 bytes of the
 * event's hash), an inner node SHA-256(0x01 ‖ left ‖ right), and the root of n leaves splits
 * at the largest power of two below n.
 *
 * Hashes cross this module's boundary as lowercase hex strings (the project's spelling of a
 * hash everywhere: events, JSON answers, checkpoints converted back from base64). Verifiers
 * also accept raw bytes, so that test vectors and wire formats need no conversion.
 *
 * Sizes and indexes are JavaScript numbers below 2^32 (four billion events): the bit
 * arithmetic uses 32-bit unsigned operators.
 */

/** A hash given to a verifier: lowercase (or uppercase) hex, or raw bytes. */
export type HashInput = string | Uint8Array;

const HASH_BYTES = 32;
const MAX_SIZE = 2 ** 32 - 1;

/** The root of the empty tree: SHA-256 of nothing. */
export const EMPTY_TREE_ROOT = hash('sha256', '', 'hex');

// One scratch buffer per hash shape: node's one-shot hash copies its input, so reuse is safe
// and spares an allocation per node on million-event logs.
const leafScratch = Buffer.alloc(1 + HASH_BYTES);
const nodeScratch = Buffer.alloc(1 + 2 * HASH_BYTES);
nodeScratch[0] = 0x01;

const HEX_64 = /^[0-9a-f]{64}$/;

/** SHA-256(0x00 ‖ the 32 raw bytes of the event's hex hash): the leaf an event becomes. */
export const leafHashOfEventHash = (eventHashHex: string): Buffer => {
  if (!HEX_64.test(eventHashHex))
    throw new TypeError(`an event hash is 64 lowercase hex digits, got "${eventHashHex}"`);
  leafScratch[0] = 0x00;
  leafScratch.write(eventHashHex, 1, 'hex');
  return hash('sha256', leafScratch, 'buffer');
};

/** SHA-256(0x01 ‖ left ‖ right). */
export const hashChildren = (left: Uint8Array, right: Uint8Array): Buffer => {
  if (left.length === HASH_BYTES && right.length === HASH_BYTES) {
    nodeScratch.set(left, 1);
    nodeScratch.set(right, 1 + HASH_BYTES);
    return hash('sha256', nodeScratch, 'buffer');
  }
  // Only verifiers fed odd-length input reach this: hash it faithfully and let the root differ.
  return hash('sha256', Buffer.concat([nodeScratch.subarray(0, 1), left, right]), 'buffer');
};

const HASHES_PER_CHUNK = 32768; // 1 MiB

/**
 * 32-byte hashes packed in 1 MiB chunks: 32 bytes per entry, no object per entry, and no
 * copy of the whole array as it grows (the first chunk starts small and doubles, so that a
 * small tree stays small).
 */
class HashArray {
  private readonly chunks: Buffer[] = [Buffer.alloc(HASH_BYTES * 64)];
  length = 0;

  push(hash: Uint8Array): void {
    const offset = (this.length % HASHES_PER_CHUNK) * HASH_BYTES;
    let last = this.chunks[this.chunks.length - 1];
    if (offset === 0 && this.length > 0) {
      last = Buffer.alloc(HASHES_PER_CHUNK * HASH_BYTES);
      this.chunks.push(last);
    } else if (offset + HASH_BYTES > last.length) {
      const grown = Buffer.alloc(Math.min(last.length * 2, HASHES_PER_CHUNK * HASH_BYTES));
      last.copy(grown);
      this.chunks[this.chunks.length - 1] = last = grown;
    }
    last.set(hash, offset);
    this.length++;
  }

  /** A view, not a copy: callers must not write to it. */
  at(index: number): Buffer {
    const offset = (index % HASHES_PER_CHUNK) * HASH_BYTES;
    return this.chunks[Math.floor(index / HASHES_PER_CHUNK)].subarray(offset, offset + HASH_BYTES);
  }
}

/** The largest power of two strictly below n (n ≥ 2). */
const splitPoint = (n: number): number => {
  let k = 2 ** (31 - Math.clz32(n));
  if (k === n) k /= 2;
  return k;
};

const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

/**
 * Perfect subtrees of 2^CACHED_LEVEL leaves and larger are remembered as they complete, so a
 * root or proof at any size costs O(log n) lookups plus at most 2^CACHED_LEVEL hashes
 * instead of rehashing every leaf. Costs about 1 byte per leaf on top of the 32 of the leaf.
 */
const CACHED_LEVEL = 6;

/**
 * An append-only RFC 6962 Merkle tree. Keeps every leaf hash (32 bytes per leaf, in one
 * buffer), the right frontier (so `root()` is O(log n)) and the hashes of completed perfect
 * subtrees of 64 leaves and up (so `rootAt`, `inclusionProof` and `consistencyProof` of any
 * earlier size cost O(log n) hashes plus a few dozen).
 */
export class MerkleTree {
  private readonly leaves = new HashArray();
  /** Roots of the perfect subtrees the current size decomposes into, largest (leftmost) first. */
  private readonly frontier: Buffer[] = [];
  /** levels[k][j]: root of the perfect subtree of leaves [j·2^k, (j+1)·2^k), for k ≥ CACHED_LEVEL. */
  private readonly levels: HashArray[] = [];

  /** The number of leaves. */
  get size(): number {
    return this.leaves.length;
  }

  /** Appends the leaf for an event, given the event's hash (64 lowercase hex digits). */
  appendEventHash(eventHashHex: string): void {
    this.appendLeafHash(leafHashOfEventHash(eventHashHex));
  }

  /** Appends an already computed leaf hash (32 bytes). */
  appendLeafHash(leafHash: Uint8Array): void {
    if (leafHash.length !== HASH_BYTES)
      throw new TypeError(`a leaf hash is ${HASH_BYTES} bytes, got ${leafHash.length}`);
    if (this.size >= MAX_SIZE) throw new RangeError('the tree is full (2^32 - 1 leaves)');
    this.leaves.push(leafHash);
    // Each trailing 1 bit of the old size is a perfect subtree the new leaf completes.
    let node: Buffer = Buffer.from(leafHash);
    let level = 0;
    for (let n = this.size - 1; n & 1; n >>>= 1) {
      node = hashChildren(this.frontier.pop()!, node);
      level++;
      if (level >= CACHED_LEVEL) (this.levels[level] ??= new HashArray()).push(node);
    }
    this.frontier.push(node);
  }

  /** The leaf hash at an index, as hex. */
  leafHash(index: number): string {
    this.checkIndex(index, this.size);
    return this.leaves.at(index).toString('hex');
  }

  /** The root of the whole tree, O(log n). */
  root(): string {
    if (this.frontier.length === 0) return EMPTY_TREE_ROOT;
    let node = this.frontier[this.frontier.length - 1];
    for (let i = this.frontier.length - 2; i >= 0; i--) node = hashChildren(this.frontier[i], node);
    return node.toString('hex');
  }

  /** The root the tree had when it held `size` leaves (0 ≤ size ≤ this.size). */
  rootAt(size: number): string {
    this.checkSize(size);
    if (size === this.size) return this.root();
    if (size === 0) return EMPTY_TREE_ROOT;
    return this.subtree(0, size).toString('hex');
  }

  /**
   * The audit path of leaf `index` in the tree of `treeSize` leaves (RFC 6962 §2.1.1 PATH),
   * sibling hashes from the leaf upwards, as hex.
   */
  inclusionProof(index: number, treeSize: number): string[] {
    this.checkSize(treeSize);
    this.checkIndex(index, treeSize);
    const proof: Buffer[] = [];
    // Walk down from the root, collecting siblings; they are then read leaf-first.
    let start = 0;
    let end = treeSize;
    while (end - start > 1) {
      const k = splitPoint(end - start);
      if (index < start + k) {
        proof.push(this.subtree(start + k, end));
        end = start + k;
      } else {
        proof.push(this.subtree(start, start + k));
        start += k;
      }
    }
    return proof.reverse().map((h) => h.toString('hex'));
  }

  /**
   * The proof that the tree of `toSize` leaves extends the tree of `fromSize` leaves
   * (RFC 6962 §2.1.2 PROOF), as hex. Requires 0 < fromSize ≤ toSize ≤ size; empty when the
   * sizes are equal.
   */
  consistencyProof(fromSize: number, toSize: number): string[] {
    this.checkSize(toSize);
    if (!Number.isInteger(fromSize) || fromSize < 1 || fromSize > toSize)
      throw new RangeError(`a consistency proof needs 0 < fromSize ≤ toSize, got ${fromSize} and ${toSize}`);
    const proof: Buffer[] = [];
    // SUBPROOF(m, D[start:end], b), unrolled: every step descends into one half.
    let m = fromSize;
    let start = 0;
    let end = toSize;
    let wholeOldTree = true;
    while (m !== end - start) {
      const k = splitPoint(end - start);
      if (m <= k) {
        proof.push(this.subtree(start + k, end));
        end = start + k;
      } else {
        proof.push(this.subtree(start, start + k));
        start += k;
        m -= k;
        wholeOldTree = false;
      }
    }
    if (!wholeOldTree) proof.push(this.subtree(start, end));
    return proof.reverse().map((h) => h.toString('hex'));
  }

  /** MTH(D[start:end]), answered from the cache of perfect subtrees wherever it can. */
  private subtree(start: number, end: number): Buffer {
    const n = end - start;
    if (n === 1) return this.leaves.at(start);
    if (isPowerOfTwo(n) && start % n === 0) {
      const level = 31 - Math.clz32(n);
      if (level >= CACHED_LEVEL) return this.levels[level].at(start / n);
    }
    const k = splitPoint(n);
    return hashChildren(this.subtree(start, start + k), this.subtree(start + k, end));
  }

  private checkSize(size: number): void {
    if (!Number.isInteger(size) || size < 0 || size > this.size)
      throw new RangeError(`tree size ${size} is outside 0..${this.size}`);
  }

  private checkIndex(index: number, size: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= size)
      throw new RangeError(`leaf index ${index} is outside 0..${size - 1}`);
  }
}

// ---- verifiers: pure functions of their arguments (RFC 9162 §2.1.3.2 and §2.1.4.2) ----

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** Bytes of a hash input, or undefined when a string is not hex. */
const bytesOf = (input: HashInput): Buffer | undefined => {
  if (typeof input === 'string') return HEX.test(input) ? Buffer.from(input, 'hex') : undefined;
  return input instanceof Uint8Array ? Buffer.from(input.buffer, input.byteOffset, input.byteLength) : undefined;
};

const hashesOf = (inputs: readonly HashInput[] | null | undefined): Buffer[] | undefined => {
  if (inputs == null) return [];
  if (!Array.isArray(inputs)) return undefined;
  const out: Buffer[] = [];
  for (const input of inputs) {
    const bytes = bytesOf(input);
    if (bytes?.length !== HASH_BYTES) return undefined;
    out.push(bytes);
  }
  return out;
};

const isSize = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_SIZE;

/**
 * Whether `proof` (an audit path, leaf-first, as `inclusionProof` returns it) proves that
 * the leaf with `leafHash` sits at `index` in the tree of `treeSize` leaves whose root is
 * `root`. Malformed input (bad sizes, hashes that are not 32 bytes) is simply not a proof.
 */
export const verifyInclusion = (
  leafHash: HashInput,
  index: number,
  treeSize: number,
  proof: readonly HashInput[] | null | undefined,
  root: HashInput,
): boolean => {
  if (!isSize(index) || !isSize(treeSize) || index >= treeSize) return false;
  const leaf = bytesOf(leafHash);
  const expected = bytesOf(root);
  const path = hashesOf(proof);
  if (leaf?.length !== HASH_BYTES || !expected || !path) return false;

  let fn = index;
  let sn = treeSize - 1;
  let r: Buffer = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      r = hashChildren(p, r);
      // A right-border node with no right sibling: climb until the path turns again.
      while (!(fn & 1) && fn !== 0) {
        fn >>>= 1;
        sn >>>= 1;
      }
    } else {
      r = hashChildren(r, p);
    }
    fn >>>= 1;
    sn >>>= 1;
  }
  return sn === 0 && r.equals(expected);
};

/**
 * Whether `proof` (as `consistencyProof` returns it) proves that the tree of `size2` leaves
 * with root `root2` is an append-only extension of the tree of `size1` leaves with root
 * `root1`. A proof from the empty tree proves nothing and is refused; equal sizes need an
 * empty proof and equal roots.
 */
export const verifyConsistency = (
  size1: number,
  size2: number,
  proof: readonly HashInput[] | null | undefined,
  root1: HashInput,
  root2: HashInput,
): boolean => {
  if (!isSize(size1) || !isSize(size2) || size1 === 0 || size2 < size1) return false;
  const first = bytesOf(root1);
  const second = bytesOf(root2);
  const path = hashesOf(proof);
  if (!first || !second || !path) return false;
  if (size1 === size2) return path.length === 0 && first.equals(second);
  if (path.length === 0 || first.length !== HASH_BYTES) return false;

  // When the old tree is a perfect left subtree, its root is the proof's implicit first node.
  if (isPowerOfTwo(size1)) path.unshift(first);
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn & 1) {
    fn >>>= 1;
    sn >>>= 1;
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!(fn & 1) && fn !== 0) {
        fn >>>= 1;
        sn >>>= 1;
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn >>>= 1;
    sn >>>= 1;
  }
  return sn === 0 && fr.equals(first) && sr.equals(second);
};
