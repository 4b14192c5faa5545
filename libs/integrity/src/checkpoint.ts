import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  decodeStrictBase64,
  MalformedNote,
  NoteFailureReason,
  NoteSignature,
  parseNote,
  signNote,
  toEd25519PrivateKey,
  toEd25519PublicKey,
  verifyNote,
} from './signed-note';

/**
 * Signed checkpoints in the C2SP tlog-checkpoint format (c2sp.org/tlog-checkpoint): a signed
 * note whose text is
 *
 *     <origin>
 *     <tree size>
 *     <base64 root hash>
 *
 * signed with Ed25519 under a key name that, as the spec recommends, is the origin itself
 * unless told otherwise. Any Go-ecosystem tool (golang.org/x/mod/sumdb/note,
 * transparency-dev/formats) reads these checkpoints.
 */

/** A tree head: which log, how many leaves, which root. */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  /** The RFC 6962 root, lowercase hex. */
  rootHex: string;
}

export interface ParsedCheckpoint extends Checkpoint {
  /** Extension lines after the root, if a foreign signer wrote any (ours never do). */
  extensions: string[];
  signatures: NoteSignature[];
  /** The note text the signatures cover. */
  text: string;
}

export type CheckpointVerification =
  { ok: true; checkpoint: ParsedCheckpoint } | { ok: false; reason: NoteFailureReason; detail: string };

/** The PEM texts of a fresh Ed25519 key pair. */
export interface SigningKeyPair {
  /** PKCS#8 PEM: what `SUNSHINE_SIGNING_KEY` points at. */
  privateKeyPem: string;
  /** SPKI PEM: what auditors are given and `GET /integrity/public-key` answers. */
  publicKeyPem: string;
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  /** True when the file did not exist and was created now. */
  created: boolean;
}

const HEX_64 = /^[0-9a-f]{64}$/;
const TREE_SIZE = /^(0|[1-9][0-9]*)$/;
const SPACE_OR_PLUS = /[\p{White_Space}+]/gu;

/**
 * The origin line for a township's log, e.g. `sunshine-ledger/示范镇`. Spaces and plus signs,
 * which key names may not hold, become hyphens.
 */
export const checkpointOrigin = (townshipName: string): string =>
  `sunshine-ledger/${townshipName.trim().replace(SPACE_OR_PLUS, '-')}`;

/** A fresh Ed25519 key pair as PKCS#8 (private) and SPKI (public) PEM. */
export const generateSigningKey = (): SigningKeyPair => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
};

/** The SPKI PEM public key of a private key (KeyObject or PKCS#8 PEM). */
export const publicKeyPem = (privateKey: KeyObject | string): string =>
  toEd25519PublicKey(toEd25519PrivateKey(privateKey)).export({ type: 'spki', format: 'pem' }).toString();

const readSigningKey = (path: string, created: boolean): SigningKey => {
  let privateKey: KeyObject;
  try {
    privateKey = toEd25519PrivateKey(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} does not hold an Ed25519 private key in PKCS#8 PEM (${(error as Error).message})`);
  }
  return { privateKey, publicKeyPem: publicKeyPem(privateKey), created };
};

/**
 * Reads the Ed25519 signing key at `path`, or, when there is no file, creates one (mode 0600,
 * its directory 0700 if missing). Throws with the path in the message when the file exists
 * but holds no Ed25519 private key: a wrong key must stop the start, never be replaced.
 */
export const loadOrCreateSigningKey = (path: string): SigningKey => {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    try {
      // 'wx': if another process creates the key at the same moment, keep theirs.
      writeFileSync(path, generateSigningKey().privateKeyPem, { mode: 0o600, flag: 'wx' });
      return readSigningKey(path, true);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readSigningKey(path, false);
};

/** The note text of a checkpoint: origin, tree size and base64 root, one per line. */
export const checkpointText = ({ origin, treeSize, rootHex }: Checkpoint): string => {
  if (origin.length === 0 || origin.includes('\n')) throw new MalformedNote('the origin is one non-empty line');
  if (!Number.isSafeInteger(treeSize) || treeSize < 0)
    throw new MalformedNote(`tree size ${treeSize} is not a whole number ≥ 0`);
  if (!HEX_64.test(rootHex)) throw new MalformedNote('the root is 64 lowercase hex digits');
  return `${origin}\n${treeSize}\n${Buffer.from(rootHex, 'hex').toString('base64')}\n`;
};

/** Signs a checkpoint; the key name defaults to the origin. Returns the note text. */
export const signCheckpoint = (
  checkpoint: Checkpoint,
  privateKey: KeyObject | string,
  keyName: string = checkpoint.origin,
): string => signNote(checkpointText(checkpoint), privateKey, keyName);

/** Reads a checkpoint note without verifying any signature. Throws MalformedNote. */
export const parseCheckpoint = (note: string): ParsedCheckpoint => {
  const { text, signatures } = parseNote(note);
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3)
    throw new MalformedNote('a checkpoint has an origin, a tree size and a root hash, one per line');
  if (lines.some((line) => line === '')) throw new MalformedNote('a checkpoint has no empty lines in its text');
  const [origin, size, root, ...extensions] = lines;
  if (!TREE_SIZE.test(size) || !Number.isSafeInteger(Number(size)))
    throw new MalformedNote(`"${size}" is not a tree size`);
  const rootBytes = decodeStrictBase64(root);
  if (rootBytes?.length !== 32) throw new MalformedNote('the root hash is not base64 of 32 bytes');
  return { origin, treeSize: Number(size), rootHex: rootBytes.toString('hex'), extensions, signatures, text };
};

/**
 * Verifies a checkpoint note against the log's public key (SPKI PEM or KeyObject) and,
 * when given, key name. Returns the checkpoint, or why it cannot be trusted:
 * `malformed` (not a checkpoint note), `unknown-key` (not signed by this key) or
 * `bad-signature` (signed by this key, but the text or signature was altered).
 */
export const verifyCheckpoint = (
  note: string,
  publicKey: KeyObject | string,
  keyName?: string,
): CheckpointVerification => {
  // The shape is checked first so that a broken note is called malformed, not forged.
  let checkpoint: ParsedCheckpoint;
  try {
    checkpoint = parseCheckpoint(note);
  } catch (error) {
    if (error instanceof MalformedNote) return { ok: false, reason: 'malformed', detail: error.message };
    throw error;
  }
  const verified = verifyNote(note, publicKey, keyName);
  return verified.ok ? { ok: true, checkpoint } : verified;
};
