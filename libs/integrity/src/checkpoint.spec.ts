import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkpointOrigin,
  generateSigningKey,
  loadOrCreateSigningKey,
  parseCheckpoint,
  publicKeyPem,
  signCheckpoint,
  verifyCheckpoint,
} from './checkpoint';
import { MalformedNote } from './signed-note';

const key = generateSigningKey();
const origin = checkpointOrigin('示范镇');
const head = { origin, treeSize: 81234, rootHex: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328' };
const note = signCheckpoint(head, key.privateKeyPem);

/** The note with the character at `index` replaced by a different one of the same class. */
const withCharChanged = (text: string, index: number): string => {
  const c = text[index];
  const replacement = c === '\n' ? ' ' : /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : c === 'A' ? 'B' : 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
};

describe('checkpoints', () => {
  it('are C2SP tlog-checkpoint notes', () => {
    expect(origin).toBe('sunshine-ledger/示范镇');
    expect(note).toMatch(
      /^sunshine-ledger\/示范镇\n81234\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz\+Nw7\/RgQyg=\n\n— sunshine-ledger\/示范镇 [A-Za-z0-9+/]{91}=\n$/u,
    );
  });

  it('round-trip through signing and verifying', () => {
    const result = verifyCheckpoint(note, key.publicKeyPem);
    expect(result).toMatchObject({ ok: true, checkpoint: head });
    expect(parseCheckpoint(note)).toMatchObject({ ...head, extensions: [] });
    expect(verifyCheckpoint(note, key.publicKeyPem, origin).ok).toBe(true);
  });

  it('sign under another key name when told', () => {
    const named = signCheckpoint(head, key.privateKeyPem, 'sunshine.example/key-2025');
    expect(verifyCheckpoint(named, key.publicKeyPem, 'sunshine.example/key-2025').ok).toBe(true);
    expect(verifyCheckpoint(named, key.publicKeyPem, origin)).toMatchObject({ ok: false, reason: 'unknown-key' });
  });

  it('fail when any character of the body changes', () => {
    const bodyLength = note.indexOf('\n\n') + 1;
    for (let i = 0; i < bodyLength; i++) {
      const result = verifyCheckpoint(withCharChanged(note, i), key.publicKeyPem);
      expect(result.ok).toBe(false);
    }
    const grown = signCheckpoint(head, key.privateKeyPem).replace('\n81234\n', '\n81235\n');
    expect(verifyCheckpoint(grown, key.publicKeyPem)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('fail when any character of the signature changes', () => {
    const signatureStart = note.lastIndexOf(' ') + 1;
    for (let i = signatureStart; i < note.length - 2; i++) {
      const result = verifyCheckpoint(withCharChanged(note, i), key.publicKeyPem);
      expect(result.ok).toBe(false);
      // The first 4 bytes (about 5 base64 characters) are the key ID; the character before the
      // padding carries spare bits, so changing it makes the base64 non-canonical (malformed).
      if (i >= signatureStart + 6 && i < note.length - 3) expect(result).toMatchObject({ reason: 'bad-signature' });
    }
  });

  it('fail under a wrong key', () => {
    const other = generateKeyPairSync('ed25519');
    expect(verifyCheckpoint(note, other.publicKey)).toMatchObject({ ok: false, reason: 'unknown-key' });
  });

  it.each([
    [
      'no blank line',
      'sunshine-ledger/x\n1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n— k AAAAAAAA\n',
      /blank line/,
    ],
    ['no signature', `${note.slice(0, note.indexOf('\n\n') + 2)}`, /at least one signature/],
    ['no final newline', note.slice(0, -1), /ends with a newline/],
    ['a hyphen for the em dash', note.replace('—', '-'), /signature line 1/],
    ['CRLF line ends', note.replace(/\n/g, '\r\n'), /control character/],
    ['a signature that is not base64', note.replace(/ [A-Za-z0-9+/]{91}=\n$/u, ' not*base64\n'), /not base64/],
    ['a leading zero in the size', note.replace('\n81234\n', '\n081234\n'), /not a tree size/],
    ['a negative size', note.replace('\n81234\n', '\n-1\n'), /not a tree size/],
    [
      'a root of 31 bytes',
      note.replace('XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=', Buffer.alloc(31).toString('base64')),
      /32 bytes/,
    ],
    ['two lines only', note.replace('\n81234\n', '\n'), /one per line/],
  ])('refuse a note with %s, saying why', (_what, malformed, why) => {
    const result = verifyCheckpoint(malformed, key.publicKeyPem);
    expect(result).toMatchObject({ ok: false, reason: 'malformed', detail: expect.stringMatching(why) });
    expect(() => parseCheckpoint(malformed)).toThrow(MalformedNote);
  });

  it('refuse to sign what is not a checkpoint', () => {
    expect(() => signCheckpoint({ ...head, rootHex: 'XY' }, key.privateKeyPem)).toThrow(MalformedNote);
    expect(() => signCheckpoint({ ...head, treeSize: -1 }, key.privateKeyPem)).toThrow(MalformedNote);
    expect(() => signCheckpoint({ ...head, origin: 'a\nb' }, key.privateKeyPem)).toThrow(MalformedNote);
    expect(() => signCheckpoint({ ...head, origin: 'has space' }, key.privateKeyPem)).toThrow(/key name/);
  });
});

describe('signing keys', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sunshine-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generate as PKCS#8 and SPKI PEM', () => {
    expect(key.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(publicKeyPem(key.privateKeyPem)).toBe(key.publicKeyPem);
  });

  it('are created once, readable by their owner only, then loaded', () => {
    const path = join(dir, 'nested', 'data', 'signing-key.pem');
    const first = loadOrCreateSigningKey(path);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const second = loadOrCreateSigningKey(path);
    expect(second.created).toBe(false);
    expect(second.publicKeyPem).toBe(first.publicKeyPem);
    expect(verifyCheckpoint(signCheckpoint(head, second.privateKey), first.publicKeyPem).ok).toBe(true);
  });

  it('are never replaced when the file holds something else', () => {
    const garbage = join(dir, 'garbage.pem');
    writeFileSync(garbage, 'not a key');
    expect(() => loadOrCreateSigningKey(garbage)).toThrow(garbage);
    const publicOnly = join(dir, 'public.pem');
    writeFileSync(publicOnly, key.publicKeyPem);
    expect(() => loadOrCreateSigningKey(publicOnly)).toThrow(/Ed25519 private key/);
    const rsa = join(dir, 'rsa.pem');
    writeFileSync(
      rsa,
      generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    expect(() => loadOrCreateSigningKey(rsa)).toThrow(/Ed25519 private key/);
    expect(readFileSync(garbage, 'utf8')).toBe('not a key');
  });
});
