import type { Readable } from 'node:stream';

/** Thrown when content is larger than the caller allowed; nothing of it is kept. */
export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The content is larger than ${maxBytes} bytes.`);
    this.name = 'BlobTooLargeError';
  }
}

export interface StoredBlob {
  key: string;
  sizeBytes: number;
  /** Hex SHA-256 of the content, for integrity checks downstream. */
  sha256: string;
}

/**
 * Where attachment bytes live, by key. Events carry the key, never the bytes. The local file
 * store is the default; an S3-compatible store implements the same four operations.
 */
export interface BlobStore {
  /** Stores the content under `key` whole or not at all (a failed or oversized write leaves nothing). */
  put(key: string, content: Readable, options: { maxBytes: number }): Promise<StoredBlob>;
  read(key: string): Readable;
  exists(key: string): Promise<boolean>;
  /** Removes the content; removing what isn't there is no error. */
  delete(key: string): Promise<void>;
}

/** Keys are paths of letters, digits, dashes and dots, so a key can never point outside the store. */
export function assertValidBlobKey(key: string): void {
  if (!/^[A-Za-z0-9-]+(?:\/[A-Za-z0-9-][A-Za-z0-9.-]*)*$/.test(key)) throw new Error(`Invalid blob key "${key}": use letters, digits, dashes and slashes.`);
}

/** All of a blob's content in memory: for content small enough to hold (attachments are at most 25 MB). */
export async function readWhole(content: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
