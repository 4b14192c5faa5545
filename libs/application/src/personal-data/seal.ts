import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM with a key per data subject. The event id and the subject id are bound in as
 * associated data, so a sealed party cannot be moved to another event or subject unnoticed.
 * Sealed text: base64 of iv (12 bytes) ‖ tag (16 bytes) ‖ ciphertext.
 */
export const seal = (key: Buffer, plaintext: string, associated: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associated, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
};

export const unseal = (key: Buffer, sealed: string, associated: string): string => {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(associated, 'utf8'));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
};

export const newSubjectKey = (): Buffer => randomBytes(32);
