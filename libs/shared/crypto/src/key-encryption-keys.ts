/** A data key wrapped (encrypted) under one key encryption key, named by its id. */
export interface WrappedKey {
  kekId: string;
  wrapped: Buffer;
}

/**
 * Where key encryption keys live: a local key file by default, a cloud KMS behind the same port.
 * Data keys are wrapped under the current key and stored wrapped (in the key vault); the key
 * encryption keys themselves never leave this port.
 */
export interface KeyEncryptionKeys {
  /** The key new wraps are made with. */
  currentKeyId(): string;
  /** Wraps `dataKey` under the current key; `context` binds it to what it protects. */
  wrap(dataKey: Buffer, context: string): Promise<WrappedKey>;
  /** The data key inside `wrapped`, with the context it was wrapped with. */
  unwrap(wrapped: WrappedKey, context: string): Promise<Buffer>;
}

/** A wrapped key names a key encryption key this provider doesn't have (retired, or another provider's). */
export class UnknownKeyEncryptionKeyError extends Error {
  constructor(readonly kekId: string) {
    super(`key encryption key ${kekId} is not known here; it was retired or belongs to another key provider`);
    this.name = 'UnknownKeyEncryptionKeyError';
  }
}

/**
 * The same data key wrapped under the current key encryption key: what rotation does to each
 * stored data key. The data it protects is not touched.
 */
export async function rewrap(keys: KeyEncryptionKeys, wrapped: WrappedKey, context: string): Promise<WrappedKey> {
  if (wrapped.kekId === keys.currentKeyId()) return wrapped;
  const dataKey = await keys.unwrap(wrapped, context);
  try {
    return await keys.wrap(dataKey, context);
  } finally {
    dataKey.fill(0);
  }
}
