import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * scrypt's cost: N = 2^15, r = 8, p = 1 takes 32 MiB of memory and about 0.1 s of one core per
 * guess, the OWASP Password Storage Cheat Sheet's recommendation for scrypt. The parameters are
 * written into every stored hash, so they can be raised later without invalidating old ones.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const PREFIX = 'scrypt';

/**
 * At most this many hashes at once. scrypt runs on libuv's thread pool (4 threads), where the
 * event store's fdatasync runs too: a flood of sign-ins must queue here, not hold every thread
 * and stall the durable commits of every clerk's records.
 */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

const derive = async (
  password: string,
  salt: Buffer,
  options: { N: number; r: number; p: number },
): Promise<Buffer> => {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await new Promise((resolve, reject) => {
      // maxmem must exceed 128 * N * r bytes; twice that leaves room for larger parameters.
      const scryptOptions: ScryptOptions = { ...options, maxmem: 256 * options.N * options.r };
      scrypt(password.normalize('NFC'), salt, KEY_BYTES, scryptOptions, (error, key) =>
        error ? reject(error) : resolve(key),
      );
    });
  } finally {
    running--;
    waiting.shift()?.();
  }
};

/**
 * A new salted scrypt hash of a password, self-describing:
 * `scrypt$<N>$<r>$<p>$<salt base64url>$<key base64url>`. Runs on libuv's thread pool.
 */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return [PREFIX, COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
};

const parse = (stored: string) => {
  const [prefix, n, r, p, salt, key] = stored.split('$');
  const numbers = [n, r, p].map(Number);
  if (prefix !== PREFIX || !salt || !key || numbers.some((x) => !Number.isSafeInteger(x) || x < 1)) return undefined;
  return {
    N: numbers[0],
    r: numbers[1],
    p: numbers[2],
    salt: Buffer.from(salt, 'base64url'),
    key: Buffer.from(key, 'base64url'),
  };
};

/** Whether the password matches a stored hash; compared in constant time. */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
};

/**
 * A hash no password matches, made once, verified against when the user id is unknown or has no
 * password: every failed sign-in then costs the same time, so timing tells no one which ids exist.
 */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(randomBytes(32).toString('base64url')));
