import { decoyHash, hashPassword, verifyPassword } from './password-hash';

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

  it('keeps one decoy that no password matches', async () => {
    expect(await decoyHash()).toBe(await decoyHash());
    expect(await verifyPassword('', await decoyHash())).toBe(false);
  });
});
