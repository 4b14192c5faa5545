import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { ed25519KeyId, isValidKeyName, parseNote, signNote, verifyNote } from './signed-note';

// The reference note of golang.org/x/mod/sumdb/note: byte-for-byte agreement with it is what
// lets any Go-ecosystem verifier read our checkpoints.
const GO_SEED = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
const GO_PUBLIC = Buffer.from('ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'base64').subarray(1);
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

const goPrivateKey = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), GO_SEED]),
  format: 'der',
  type: 'pkcs8',
});
const goPublicKey = createPublicKey({
  key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), GO_PUBLIC]),
  format: 'der',
  type: 'spki',
});

describe('signed notes', () => {
  it('derive the key ID the Go reference implementation derives', () => {
    expect(ed25519KeyId('PeterNeumann', goPublicKey).toString(16)).toBe('c74f20a3');
  });

  it('sign the Go reference note byte for byte', () => {
    expect(signNote(GO_TEXT, goPrivateKey, 'PeterNeumann')).toBe(GO_NOTE);
  });

  it('verify the Go reference note', () => {
    const result = verifyNote(GO_NOTE, goPublicKey);
    expect(result).toMatchObject({ ok: true, keyName: 'PeterNeumann', note: { text: GO_TEXT } });
  });

  it('ignore signatures by other keys but need one by the given key', () => {
    const other = generateKeyPairSync('ed25519');
    const cosigned = GO_NOTE + signNote(GO_TEXT, other.privateKey, 'witness.example/w1').slice(GO_TEXT.length + 1);
    expect(parseNote(cosigned).signatures.map((s) => s.keyName)).toEqual(['PeterNeumann', 'witness.example/w1']);
    expect(verifyNote(cosigned, goPublicKey).ok).toBe(true);
    expect(verifyNote(cosigned, other.publicKey).ok).toBe(true);
    expect(verifyNote(GO_NOTE, other.publicKey)).toMatchObject({ ok: false, reason: 'unknown-key' });
    expect(verifyNote(GO_NOTE, goPublicKey, 'SomeoneElse')).toMatchObject({ ok: false, reason: 'unknown-key' });
  });

  it('keep the text apart from the signatures at the last blank line', () => {
    const text = 'first paragraph\n\nsecond paragraph\n';
    const note = signNote(text, goPrivateKey, 'PeterNeumann');
    expect(verifyNote(note, goPublicKey)).toMatchObject({ ok: true, note: { text } });
  });

  it('refuse key names with spaces or plus signs', () => {
    expect(isValidKeyName('sunshine-ledger/示范镇')).toBe(true);
    expect(isValidKeyName('a b')).toBe(false);
    expect(isValidKeyName('a\u3000b')).toBe(false);
    expect(isValidKeyName('a+b')).toBe(false);
    expect(() => signNote(GO_TEXT, goPrivateKey, 'Peter Neumann')).toThrow(/key name/);
  });
});
