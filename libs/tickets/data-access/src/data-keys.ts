import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { KeyEncryptionKeys, newKey, rewrap, UnknownKeyEncryptionKeyError, UnsealError, WrappedKey } from '@sieve/crypto';
import { DataKeyEntity } from './entities/data-key.entity';

/** The end user's data key was destroyed (redaction or erasure): what it encrypted is gone for good. */
export class DataKeyDestroyedError extends Error {
  constructor(readonly subjectId: string) {
    super(`the data key of ${subjectId} was destroyed; what it encrypted can no longer be read`);
    this.name = 'DataKeyDestroyedError';
  }
}

export interface DataKeyCacheOptions {
  /** How long an unwrapped key is kept in memory: a destroyed key may be used this long by other instances. */
  ttlMs: number;
  maxEntries: number;
}

interface Cached {
  key: Buffer;
  until: number;
}

/**
 * Per end user AES-256 data keys, stored wrapped by the key provider's current key encryption key
 * and unwrapped on use (kept in memory briefly: unwrapping may be a KMS round trip). A wrap is bound
 * to its tenant and end user, so a wrapped key copied to another row does not open.
 */
export class DataKeys {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyEncryptionKeys,
    private readonly cacheOptions: DataKeyCacheOptions = { ttlMs: 60_000, maxEntries: 10_000 },
  ) {}

  /** The end user's data key, made on first use; `DataKeyDestroyedError` once destroyed. */
  async keyOf(tenantId: string, subjectId: string): Promise<Buffer> {
    const key = (await this.load([{ tenantId, subjectId }])).get(cacheKey(tenantId, subjectId));
    if (!key) throw new DataKeyDestroyedError(subjectId);
    return key;
  }

  /**
   * Makes sure the keys of these end users are at hand (made where missing), in a few statements
   * for all of them: what a consumer does before sealing a batch. Destroyed keys stay destroyed.
   */
  async prefetch(owners: readonly { tenantId: string; subjectId: string }[]): Promise<void> {
    await this.load(owners);
  }

  /** The live keys of these end users by cache key, from memory or the database (made where missing). */
  private async load(owners: readonly { tenantId: string; subjectId: string }[]): Promise<Map<string, Buffer>> {
    const now = Date.now();
    const keys = new Map<string, Buffer>();
    const missing = new Map<string, string>();
    for (const { tenantId, subjectId } of owners) {
      const cached = this.cache.get(cacheKey(tenantId, subjectId));
      if (cached && cached.until > now) keys.set(cacheKey(tenantId, subjectId), cached.key);
      else missing.set(subjectId, tenantId);
    }
    if (missing.size === 0) return keys;
    const repository = this.dataSource.getRepository(DataKeyEntity);
    const read = () => repository.findBy({ subjectId: In([...missing.keys()]) });
    let rows = await read();
    const absent = [...missing].filter(([subjectId]) => !rows.some((row) => row.subjectId === subjectId));
    if (absent.length > 0) {
      const made = await Promise.all(
        absent.map(async ([subjectId, tenantId]) => ({ subjectId, tenantId, ...(await this.keys.wrap(newKey(), wrapContext(tenantId, subjectId))) })),
      );
      // Racing writers may make the same end user's key at once: the first one stored is everyone's.
      await repository.createQueryBuilder().insert().values(made).orIgnore().execute();
      rows = await read();
    }
    for (const row of rows) {
      const tenantId = missing.get(row.subjectId)!;
      if (row.tenantId !== tenantId) throw new Error(`end user ${row.subjectId} has a data key under another brand than ${tenantId}; an end user belongs to one brand`);
      if (row.wrapped === null || row.kekId === null) continue;
      const key = await this.keys.unwrap({ kekId: row.kekId, wrapped: row.wrapped }, wrapContext(tenantId, row.subjectId));
      keys.set(cacheKey(tenantId, row.subjectId), key);
      this.remember(cacheKey(tenantId, row.subjectId), key);
    }
    return keys;
  }

  /**
   * Inside a transaction that writes these end users' data: fails with `DataKeyDestroyedError` if
   * one's key is destroyed, and share-locks the live ones until the transaction ends. A destroy
   * waits for such writers, and writers after it see it, whatever key another instance still has
   * in memory: nothing of an erased end user is stored after their erasure began.
   */
  async assertLive(manager: EntityManager, owners: readonly { tenantId: string; subjectId: string }[]): Promise<void> {
    const wanted = [...new Set(owners.map(({ subjectId }) => subjectId))].sort();
    if (wanted.length === 0) return;
    const rows: { subject_id: string; tenant_id: string; live: boolean }[] = await manager.query(
      `SELECT subject_id, tenant_id, wrapped IS NOT NULL AS live FROM data_keys WHERE subject_id = ANY($1::uuid[]) ORDER BY subject_id FOR SHARE`,
      [wanted],
    );
    const destroyed = rows.find(({ live }) => !live);
    if (destroyed) {
      this.forget(destroyed.tenant_id, destroyed.subject_id);
      throw new DataKeyDestroyedError(destroyed.subject_id);
    }
  }

  /**
   * Destroys the end user's data key: everything it encrypted, in every copy, becomes unreadable.
   * A later `keyOf` fails rather than making a new key. True if there was a key to destroy.
   */
  async destroy(tenantId: string, subjectId: string): Promise<boolean> {
    this.forget(tenantId, subjectId);
    const result = await this.dataSource
      .getRepository(DataKeyEntity)
      .update({ subjectId, tenantId, wrapped: Not(IsNull()) }, { wrapped: null, kekId: null, destroyedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Rewraps every data key not yet under the current key encryption key (after a rotation), a
   * batch at a time; the data they encrypt is not touched. A key whose key encryption key is not
   * known (retired too early, or lost) can't be rewrapped: it is reported, and the rest go on.
   */
  async rewrapAll({ tenantId, batchSize = 500 }: { tenantId?: string; batchSize?: number } = {}): Promise<{ rewrapped: number; unreadable: string[] }> {
    const repository = this.dataSource.getRepository(DataKeyEntity);
    const current = this.keys.currentKeyId();
    const outcome = { rewrapped: 0, unreadable: [] as string[] };
    for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
      const query = repository
        .createQueryBuilder('key')
        .where('key.kek_id <> :current AND key.wrapped IS NOT NULL AND key.subject_id > :after', { current, after })
        .orderBy('key.subject_id')
        .take(batchSize);
      // One brand's keys first, if asked (say, a brand that wants its keys off a compromised key).
      if (tenantId) query.andWhere('key.tenant_id = :tenantId', { tenantId });
      const rows = await query.getMany();
      if (rows.length === 0) return outcome;
      after = rows[rows.length - 1].subjectId;
      for (const row of rows) {
        let next: WrappedKey;
        try {
          next = await rewrap(this.keys, { kekId: row.kekId!, wrapped: row.wrapped! }, wrapContext(row.tenantId, row.subjectId));
        } catch (error) {
          if (!(error instanceof UnknownKeyEncryptionKeyError || error instanceof UnsealError)) throw error;
          outcome.unreadable.push(row.subjectId);
          continue;
        }
        // Only if it is still as read: a key destroyed meanwhile stays destroyed.
        const result = await repository.update({ subjectId: row.subjectId, kekId: row.kekId! }, { kekId: next.kekId, wrapped: next.wrapped });
        outcome.rewrapped += result.affected ?? 0;
      }
    }
  }

  /** Drops a key from this instance's memory (destroying does; the redaction worker's purge will). */
  forget(tenantId: string, subjectId: string): void {
    this.cache.delete(cacheKey(tenantId, subjectId));
  }

  private remember(key: string, dataKey: Buffer): void {
    this.cache.delete(key);
    this.cache.set(key, { key: dataKey, until: Date.now() + this.cacheOptions.ttlMs });
    // A Map iterates in insertion order: the first entry is the least recently stored.
    while (this.cache.size > this.cacheOptions.maxEntries) this.cache.delete(this.cache.keys().next().value!);
  }
}

const cacheKey = (tenantId: string, subjectId: string) => `${tenantId}/${subjectId}`;
const wrapContext = (tenantId: string, subjectId: string) => `tenant:${tenantId}/end-user:${subjectId}`;
