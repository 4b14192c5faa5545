import crypto from 'node:crypto';
import { decoyHash, hashPassword, verifyPassword } from './password-hash';

// Each hash costs about 0.1 s of a core by design; on a busy machine a handful take longer than Jest's 5 s.
jest.setTimeout(30_000);

describe('password hashes', () => {
  it('verifies the password it was made from and no other', async () => {
    const stored = await hashPassword('李家庄村会计2026');
    expect(await verifyPassword('李家庄村会计2026', stored)).toBe(true);
    expect(await verifyPassword('李家庄村会计2025', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash and writes the scrypt parameters into it, never the password', async () => {
    const [first, second] = [await hashPassword('correct horse'), await hashPassword('correct horse')];
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toContain('correct horse');
  });

  it('treats the same characters in composed and decomposed Unicode as one password', async () => {
    const stored = await hashPassword('caf\u00e9-password');
    expect(await verifyPassword('cafe\u0301-password', stored)).toBe(true);
  });

  it('refuses a stored hash that is altered or not a hash at all', async () => {
    const stored = await hashPassword('a long password');
    const parts = stored.split('$');
    parts[5] = Buffer.alloc(32).toString('base64url');
    expect(await verifyPassword('a long password', parts.join('$'))).toBe(false);
    expect(await verifyPassword('a long password', 'plain text')).toBe(false);
    expect(await verifyPassword('a long password', 'scrypt$0$8$1$AAAA$AAAA')).toBe(false);
  });

  it('hashes at most two at a time, leaving the rest of the thread pool to the disk', async () => {
    let running = 0;
    let most = 0;
    const original = crypto.scrypt;
    const spy = jest.spyOn(crypto, 'scrypt').mockImplementation(((...args: unknown[]) => {
      const done = args.pop() as (error: Error | null, key: Buffer) => void;
      most = Math.max(most, ++running);
      (original as (...a: unknown[]) => void)(...args, (error: Error | null, key: Buffer) => {
        running--;
        done(error, key);
      });
    }) as typeof crypto.scrypt);
    const hashes = await Promise.all(Array.from({ length: 6 }, (_, i) => hashPassword(`password number ${i}`)));
    spy.mockRestore();
    expect(most).toBe(2);
    expect(new Set(hashes).size).toBe(6);
    for (const [i, stored] of hashes.entries()) expect(await verifyPassword(`password number ${i}`, stored)).toBe(true);
  });

  it('keeps one decoy that no password matches', async () => {
    expect(await decoyHash()).toBe(await decoyHash());
    expect(await verifyPassword('', await decoyHash())).toBe(false);
  });
});
