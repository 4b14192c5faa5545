import { createPrivateKey, createPublicKey, hash, KeyObject, sign, verify } from 'node:crypto';

/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 signatures: a text ending in a
 * newline, a blank line, then one or more lines `— <key name> <base64(key ID ‖ signature)>`.
 * Checkpoints (checkpoint.ts) are notes whose text has a fixed shape.
 */

export interface NoteSignature {
  keyName: string;
  /** The 4-byte key ID, big-endian. */
  keyId: number;
  /** The signature bytes after the key ID. */
  signature: Buffer;
}

export interface SignedNote {
  /** The signed text, ending in a newline. */
  text: string;
  signatures: NoteSignature[];
}

/** A note that does not follow the signed-note or checkpoint format. */
export class MalformedNote extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'MalformedNote';
  }
}

export type NoteFailureReason = 'malformed' | 'unknown-key' | 'bad-signature';

export type NoteVerification =
  { ok: true; note: SignedNote; keyName: string } | { ok: false; reason: NoteFailureReason; detail: string };

const EM_DASH = '\u2014';
const ED25519_SIGNATURE_TYPE = 0x01;
const ED25519_SIGNATURE_BYTES = 64;
// The spec asks verifiers to accept at least 16 signatures of up to ~5 kB each.
const MAX_SIGNATURES = 64;
const MAX_NOTE_LENGTH = 512 * 1024;

const FORBIDDEN_CONTROL = /[\u0000-\u0009\u000b-\u001f]/;
// In a u-flagged pattern a surrogate pair is one code point, so this finds only lone halves
// (the strings that cannot be valid UTF-8).
const LONE_SURROGATE = /\p{Cs}/u;
const SPACE_OR_PLUS = /[\p{White_Space}+]/u;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Key names are non-empty and hold no Unicode space and no plus sign. */
export const isValidKeyName = (name: string): boolean =>
  name.length > 0 && !SPACE_OR_PLUS.test(name) && !FORBIDDEN_CONTROL.test(name);

/** Standard base64 that decodes to exactly these bytes (no stray characters, canonical padding). */
export const decodeStrictBase64 = (text: string): Buffer | undefined => {
  if (!BASE64.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
};

/** An Ed25519 private key from PKCS#8 PEM (or a KeyObject, checked). */
export const toEd25519PrivateKey = (key: KeyObject | string): KeyObject => {
  const object = typeof key === 'string' ? createPrivateKey(key) : key;
  if (object.type !== 'private' || object.asymmetricKeyType !== 'ed25519')
    throw new TypeError('expected an Ed25519 private key');
  return object;
};

/** An Ed25519 public key from SPKI PEM (or a KeyObject, checked; a private key yields its public half). */
export const toEd25519PublicKey = (key: KeyObject | string): KeyObject => {
  const object = typeof key === 'string' || key.type === 'private' ? createPublicKey(key) : key;
  if (object.asymmetricKeyType !== 'ed25519') throw new TypeError('expected an Ed25519 public key');
  return object;
};

const rawPublicKey = (publicKey: KeyObject): Buffer => Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');

/** key ID = SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte Ed25519 public key)[:4], big-endian. */
export const ed25519KeyId = (keyName: string, publicKey: KeyObject | string): number => {
  const material = Buffer.concat([
    Buffer.from(`${keyName}\n`, 'utf8'),
    Buffer.from([ED25519_SIGNATURE_TYPE]),
    rawPublicKey(toEd25519PublicKey(publicKey)),
  ]);
  return hash('sha256', material, 'buffer').readUInt32BE(0);
};

const checkText = (text: string, what: string): void => {
  if (text.length > MAX_NOTE_LENGTH) throw new MalformedNote(`${what} is longer than ${MAX_NOTE_LENGTH} characters`);
  if (FORBIDDEN_CONTROL.test(text)) throw new MalformedNote(`${what} contains a control character other than newline`);
  if (LONE_SURROGATE.test(text)) throw new MalformedNote(`${what} is not valid UTF-8`);
};

/** Signs `text` (which must end in a newline) and returns the whole note. */
export const signNote = (text: string, privateKey: KeyObject | string, keyName: string): string => {
  checkText(text, 'the note text');
  if (!text.endsWith('\n')) throw new MalformedNote('the note text must end with a newline');
  if (!isValidKeyName(keyName)) throw new MalformedNote(`"${keyName}" is not a valid key name: no spaces or "+"`);
  const key = toEd25519PrivateKey(privateKey);
  const keyId = Buffer.alloc(4);
  keyId.writeUInt32BE(ed25519KeyId(keyName, key));
  const signature = sign(null, Buffer.from(text, 'utf8'), key);
  return `${text}\n${EM_DASH} ${keyName} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
};

/** Splits a note into its text and signatures, checking the format only. Throws MalformedNote. */
export const parseNote = (note: string): SignedNote => {
  if (typeof note !== 'string') throw new MalformedNote('a note is text');
  checkText(note, 'the note');
  if (!note.endsWith('\n')) throw new MalformedNote('a note ends with a newline');
  // The text is separated from the signatures by the last blank line.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new MalformedNote('a note needs a blank line between its text and its signatures');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === '') throw new MalformedNote('a note needs at least one signature line');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new MalformedNote(`a note may carry at most ${MAX_SIGNATURES} signatures`);
  const signatures = lines.map((line, i): NoteSignature => {
    const match = /^\u2014 (\S+) (\S+)$/u.exec(line);
    if (!match) throw new MalformedNote(`signature line ${i + 1} is not "— <key name> <base64 signature>"`);
    const [, keyName, encoded] = match;
    if (!isValidKeyName(keyName)) throw new MalformedNote(`signature line ${i + 1} has an invalid key name`);
    const bytes = decodeStrictBase64(encoded);
    if (!bytes || bytes.length <= 4)
      throw new MalformedNote(`signature line ${i + 1} is not base64 of a key ID and a signature`);
    return { keyName, keyId: bytes.readUInt32BE(0), signature: bytes.subarray(4) };
  });
  return { text, signatures };
};

/**
 * Verifies a note against one Ed25519 public key. Signatures by other keys are ignored, as
 * the spec requires (that is how keys rotate and witnesses cosign); a signature by this key
 * that does not verify rejects the note, and so does the absence of any.
 * With `keyName`, only signatures under that name count; without it, any name whose key ID
 * matches this public key does.
 */
export const verifyNote = (note: string, publicKey: KeyObject | string, keyName?: string): NoteVerification => {
  let parsed: SignedNote;
  try {
    parsed = parseNote(note);
  } catch (error) {
    if (error instanceof MalformedNote) return { ok: false, reason: 'malformed', detail: error.message };
    throw error;
  }
  const key = toEd25519PublicKey(publicKey);
  const ours = parsed.signatures.filter(
    (s) => (keyName === undefined || s.keyName === keyName) && s.keyId === ed25519KeyId(s.keyName, key),
  );
  if (ours.length === 0)
    return {
      ok: false,
      reason: 'unknown-key',
      detail: `the note carries no signature by ${keyName === undefined ? 'the given key' : `key "${keyName}"`}`,
    };
  const text = Buffer.from(parsed.text, 'utf8');
  for (const s of ours) {
    if (s.signature.length !== ED25519_SIGNATURE_BYTES || !verify(null, text, key, s.signature))
      return {
        ok: false,
        reason: 'bad-signature',
        detail: `the signature by "${s.keyName}" does not match the note text`,
      };
  }
  return { ok: true, note: parsed, keyName: ours[0].keyName };
};
