import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EMPTY_TREE_ROOT, leafHashOfEventHash, MerkleTree, verifyConsistency, verifyInclusion } from './merkle';

// transparency-dev/merkle's vectors, kept in the repository (origin and licence in its README).
const VECTORS = join(__dirname, 'testdata/rfc6962');

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

const jsonFilesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFilesUnder(path);
    return name.endsWith('.json') ? [path] : [];
  });

const loadVectors = <T>(kind: 'inclusion' | 'consistency'): [string, T][] => {
  const dir = join(VECTORS, kind);
  // A missing folder must fail the suite: skipping would let a broken verifier pass.
  if (!existsSync(dir))
    throw new Error(`RFC 6962 test vectors not found at ${dir}: they belong to the repository, restore them`);
  return jsonFilesUnder(dir).map((file) => [relative(VECTORS, file), JSON.parse(readFileSync(file, 'utf8')) as T]);
};

const b64 = (s: string): Buffer => Buffer.from(s, 'base64');
const hex = (s: string): string => b64(s).toString('hex');

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest();
};

/** MTH straight from RFC 6962 §2.1, recursive and slow: the reference the tree must match. */
const referenceRoot = (leaves: Buffer[]): string => {
  const mth = (d: Buffer[]): Buffer => {
    if (d.length === 1) return d[0];
    let k = 1;
    while (k * 2 < d.length) k *= 2;
    return sha256(Buffer.from([1]), mth(d.slice(0, k)), mth(d.slice(k)));
  };
  return leaves.length === 0 ? EMPTY_TREE_ROOT : mth(leaves).toString('hex');
};

/** The eight leaves of the RFC 6962 reference tree the vectors are computed over. */
const RFC_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((data) => sha256(Buffer.from([0]), Buffer.from(data, 'hex')));

const treeOf = (leafHashes: Buffer[]): MerkleTree => {
  const tree = new MerkleTree();
  for (const leaf of leafHashes) tree.appendLeafHash(leaf);
  return tree;
};

const eventHashes = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => sha256(Buffer.from(`event ${i}`)).toString('hex'));

const flipBit = (h: string): string => {
  const bytes = Buffer.from(h, 'hex');
  bytes[bytes.length - 1] ^= 1;
  return bytes.toString('hex');
};

describe('RFC 6962 inclusion test vectors', () => {
  const vectors = loadVectors<InclusionVector>('inclusion');

  it('are all there', () => {
    expect(vectors.length).toBe(98);
    expect(vectors.filter(([, v]) => !v.wantErr).length).toBeGreaterThanOrEqual(6);
  });

  it.each(vectors)('%s', (_file, v) => {
    const proof = v.proof === null ? null : v.proof.map(b64);
    expect(verifyInclusion(b64(v.leafHash), v.leafIdx, v.treeSize, proof, b64(v.root))).toBe(!v.wantErr);
  });
});

describe('RFC 6962 consistency test vectors', () => {
  const vectors = loadVectors<ConsistencyVector>('consistency');

  it('are all there', () => {
    expect(vectors.length).toBe(98);
    expect(vectors.filter(([, v]) => !v.wantErr).length).toBeGreaterThanOrEqual(6);
  });

  it.each(vectors)('%s', (_file, v) => {
    const proof = v.proof === null ? null : v.proof.map(b64);
    expect(verifyConsistency(v.size1, v.size2, proof, b64(v.root1), b64(v.root2))).toBe(!v.wantErr);
  });
});

describe('MerkleTree', () => {
  it('reproduces the proofs of every happy-path vector over the RFC reference tree', () => {
    const tree = treeOf(RFC_LEAVES);
    const happy = (kind: 'inclusion' | 'consistency') =>
      loadVectors<InclusionVector & ConsistencyVector>(kind).filter(([f]) => f.endsWith('happy-path.json'));
    for (const [, v] of happy('inclusion')) {
      expect(tree.rootAt(v.treeSize)).toBe(hex(v.root));
      expect(tree.leafHash(v.leafIdx)).toBe(hex(v.leafHash));
      expect(tree.inclusionProof(v.leafIdx, v.treeSize)).toEqual((v.proof ?? []).map(hex));
    }
    for (const [, v] of happy('consistency')) {
      expect([tree.rootAt(v.size1), tree.rootAt(v.size2)]).toEqual([hex(v.root1), hex(v.root2)]);
      expect(tree.consistencyProof(v.size1, v.size2)).toEqual((v.proof ?? []).map(hex));
    }
  });

  it('has the empty root when empty', () => {
    const tree = new MerkleTree();
    expect(tree.root()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(tree.rootAt(0)).toBe(EMPTY_TREE_ROOT);
  });

  it('makes a leaf of 0x00 ‖ the raw bytes of the event hash', () => {
    const eventHash = 'ab'.repeat(32);
    expect(leafHashOfEventHash(eventHash).toString('hex')).toBe(
      sha256(Buffer.from([0]), Buffer.from(eventHash, 'hex')).toString('hex'),
    );
    expect(() => leafHashOfEventHash('AB'.repeat(32))).toThrow(TypeError);
    expect(() => leafHashOfEventHash('ab'.repeat(31))).toThrow(TypeError);
  });

  it('matches the reference root after every append and at every earlier size, past the subtree cache', () => {
    const hashes = eventHashes(300);
    const leaves = hashes.map(leafHashOfEventHash);
    const tree = new MerkleTree();
    const roots: string[] = [EMPTY_TREE_ROOT];
    for (let n = 1; n <= hashes.length; n++) {
      tree.appendEventHash(hashes[n - 1]);
      roots.push(referenceRoot(leaves.slice(0, n)));
      expect(tree.root()).toBe(roots[n]);
    }
    for (let n = 0; n <= hashes.length; n++) expect(tree.rootAt(n)).toBe(roots[n]);
  });

  it('proves every leaf in every tree of 1..64 leaves, and no leaf at a wrong index or under a wrong root', () => {
    const tree = new MerkleTree();
    for (const h of eventHashes(64)) tree.appendEventHash(h);
    for (let size = 1; size <= 64; size++) {
      const root = tree.rootAt(size);
      for (let index = 0; index < size; index++) {
        const leaf = tree.leafHash(index);
        const proof = tree.inclusionProof(index, size);
        expect(verifyInclusion(leaf, index, size, proof, root)).toBe(true);
        if (index + 1 < size) expect(verifyInclusion(leaf, index + 1, size, proof, root)).toBe(false);
        expect(verifyInclusion(leaf, index, size, proof, flipBit(root))).toBe(false);
        if (proof.length > 0)
          expect(verifyInclusion(leaf, index, size, [flipBit(proof[0]), ...proof.slice(1)], root)).toBe(false);
      }
    }
  });

  it('proves every tree of 1..64 leaves consistent with each of its prefixes, and refuses a tampered proof', () => {
    const tree = new MerkleTree();
    for (const h of eventHashes(64)) tree.appendEventHash(h);
    for (let size2 = 1; size2 <= 64; size2++) {
      const root2 = tree.rootAt(size2);
      for (let size1 = 1; size1 <= size2; size1++) {
        const root1 = tree.rootAt(size1);
        const proof = tree.consistencyProof(size1, size2);
        expect(verifyConsistency(size1, size2, proof, root1, root2)).toBe(true);
        if (size1 < size2) {
          expect(verifyConsistency(size1, size2, proof, flipBit(root1), root2)).toBe(false);
          expect(verifyConsistency(size1, size2, proof.slice(0, -1), root1, root2)).toBe(false);
          for (let i = 0; i < proof.length; i++) {
            const tampered = proof.map((p, j) => (j === i ? flipBit(p) : p));
            expect(verifyConsistency(size1, size2, tampered, root1, root2)).toBe(false);
          }
        }
      }
    }
  });

  it('answers proofs past the subtree cache that verify against the roots', () => {
    const tree = new MerkleTree();
    for (const h of eventHashes(1000)) tree.appendEventHash(h);
    for (const [index, size] of [
      [0, 1000],
      [999, 1000],
      [517, 640],
      [64, 129],
      [127, 128],
    ]) {
      expect(
        verifyInclusion(tree.leafHash(index), index, size, tree.inclusionProof(index, size), tree.rootAt(size)),
      ).toBe(true);
    }
    for (const [size1, size2] of [
      [1, 1000],
      [64, 1000],
      [65, 513],
      [511, 512],
      [999, 1000],
      [300, 777],
    ]) {
      expect(
        verifyConsistency(size1, size2, tree.consistencyProof(size1, size2), tree.rootAt(size1), tree.rootAt(size2)),
      ).toBe(true);
    }
  });

  it('keeps its leaves whole across storage chunks', () => {
    const leaves = Array.from({ length: 70_000 }, (_, i) => sha256(Buffer.from([0]), Buffer.from(`leaf ${i}`)));
    const tree = treeOf(leaves);
    for (const size of [32_767, 32_768, 32_769, 65_537, 70_000])
      expect(tree.rootAt(size)).toBe(referenceRoot(leaves.slice(0, size)));
    for (const index of [32_767, 32_768, 65_536, 69_999]) {
      expect(tree.leafHash(index)).toBe(leaves[index].toString('hex'));
      expect(verifyInclusion(leaves[index], index, 70_000, tree.inclusionProof(index, 70_000), tree.root())).toBe(true);
    }
    expect(
      verifyConsistency(32_768, 70_000, tree.consistencyProof(32_768, 70_000), tree.rootAt(32_768), tree.root()),
    ).toBe(true);
  });

  it('refuses to prove what it does not hold', () => {
    const tree = treeOf(RFC_LEAVES);
    expect(() => tree.rootAt(9)).toThrow(RangeError);
    expect(() => tree.inclusionProof(8, 8)).toThrow(RangeError);
    expect(() => tree.inclusionProof(0, 9)).toThrow(RangeError);
    expect(() => tree.consistencyProof(0, 8)).toThrow(RangeError);
    expect(() => tree.consistencyProof(5, 4)).toThrow(RangeError);
    expect(() => tree.appendLeafHash(Buffer.alloc(31))).toThrow(TypeError);
  });

  it('verifies hex as well as bytes, and treats non-hex text as no proof', () => {
    const tree = treeOf(RFC_LEAVES);
    const proof = tree.inclusionProof(2, 8);
    expect(verifyInclusion(tree.leafHash(2), 2, 8, proof, tree.root())).toBe(true);
    expect(
      verifyInclusion(
        tree.leafHash(2),
        2,
        8,
        proof.map((p) => Buffer.from(p, 'hex')),
        Buffer.from(tree.root(), 'hex'),
      ),
    ).toBe(true);
    expect(verifyInclusion('zz'.repeat(32), 2, 8, proof, tree.root())).toBe(false);
    expect(verifyInclusion(tree.leafHash(2), 2, 8, proof, tree.root() + '0')).toBe(false);
    expect(verifyInclusion(tree.leafHash(2), 2.5, 8, proof, tree.root())).toBe(false);
  });
});
