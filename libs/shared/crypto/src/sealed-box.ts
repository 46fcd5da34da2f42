import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM: a 32-byte key, a fresh 12-byte nonce per message, a 16-byte tag. */
const ALGORITHM = 'aes-256-gcm';
export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** The first byte of every sealed value, so the format can change without guessing. */
const FORMAT_V1 = 0x01;
const HEADER_BYTES = 1 + NONCE_BYTES + TAG_BYTES;

/** A sealed value could not be opened: wrong key, wrong context, or altered bytes. */
export class UnsealError extends Error {
  constructor(reason: string) {
    super(`the value could not be decrypted: ${reason}`);
    this.name = 'UnsealError';
  }
}

/** A new random key for `seal`. */
export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/**
 * Encrypts and authenticates `plaintext` under `key`. `context` (say, the table, column and row id)
 * is authenticated but not stored: a sealed value copied to another row or column does not open.
 * Layout: format byte, nonce, tag, ciphertext.
 */
export function seal(plaintext: Buffer | string, key: Buffer, context: string): Buffer {
  checkKey(key);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_V1), nonce, cipher.getAuthTag(), ciphertext]);
}

/** The plaintext of a value `seal` made with this key and context; `UnsealError` otherwise. */
export function unseal(sealed: Buffer, key: Buffer, context: string): Buffer {
  checkKey(key);
  if (sealed.length < HEADER_BYTES) throw new UnsealError(`${sealed.length} bytes is shorter than any sealed value`);
  if (sealed[0] !== FORMAT_V1) throw new UnsealError(`unknown format ${sealed[0]}`);
  const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
  const tag = sealed.subarray(1 + NONCE_BYTES, HEADER_BYTES);
  const decipher = createDecipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    throw new UnsealError('authentication failed (another key or context, or the bytes were altered)');
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`an AES-256 key has ${KEY_BYTES} bytes, not ${key.length}`);
}
