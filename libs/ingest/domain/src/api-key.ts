import { createHash, randomBytes } from 'node:crypto';

const KEY_PREFIX = 'sieve_ak_';

/** A new SDK API key: 256 random bits. Shown once to the brand; only its hash is stored. */
export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** SHA-256 suffices for high-entropy random keys (a slow password hash would only slow the door). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
