import { hash as digestOf } from 'node:crypto';

/**
 * A UUID (version 5 layout) derived from its inputs, so a retried SDK request produces the same
 * conversation, message and event ids and every downstream sink recognises it.
 */
export function deterministicUuid(...parts: string[]): string {
  // The one-shot digest: the gateway derives ids per event, and a Hash object costs more than the hashing.
  const hash = digestOf('sha1', parts.join('\u0000'), 'buffer');
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Sieve's profile id for the end user of an app install: the same for every event of that install, in every service. */
export const endUserIdOf = (tenantId: string, appId: string, installId: string) => deterministicUuid(tenantId, appId, installId, 'end-user');
