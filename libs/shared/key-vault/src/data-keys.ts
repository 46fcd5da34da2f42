import { randomUUID } from 'node:crypto';
import { DataSource, QueryRunner } from 'typeorm';
import { KeyEncryptionKeys, newKey, rewrap, UnknownKeyEncryptionKeyError, UnsealError, WrappedKey } from '@sieve/crypto';
import { DataKeyEntity } from './data-key.entity';

/** A key was destroyed (redaction or erasure): what it sealed is gone for good. */
export class DataKeyDestroyedError extends Error {
  constructor(readonly keyId: string) {
    super(`data key ${keyId} was destroyed; what it sealed can no longer be read`);
    this.name = 'DataKeyDestroyedError';
  }
}

/** A key is asked for on behalf of another brand or end user than the one it belongs to: forged or corrupt ids, never to be used. */
export class DataKeyConflictError extends Error {
  constructor(readonly keyId: string) {
    super(`data key ${keyId} belongs to another brand or end user; a message, attachment or conversation id belongs to one end user`);
    this.name = 'DataKeyConflictError';
  }
}

/** Whose key, by id: the brand and end user it must belong to. */
export interface DataKeyRef {
  tenantId: string;
  ownerId: string;
  keyId: string;
}

/** What to destroy: one brand's keys of an end user (all of them), or of units (except the keys still in use). */
export type DataKeySelection = { tenantId: string; ownerId: string } | { tenantId: string; unitIds: readonly string[]; keep?: readonly string[] };

export interface DataKeyCacheOptions {
  /** How long an unwrapped key is kept in memory: a destroyed key may be used this long by other instances. */
  ttlMs: number;
  maxEntries: number;
}

interface Cached {
  key: Buffer;
  tenantId: string;
  ownerId: string;
  until: number;
}

/**
 * Data keys in the key vault, stored wrapped by the ticket store's key encryption key and
 * unwrapped on use (kept in memory briefly: unwrapping may be a KMS round trip). A wrap is bound
 * to its brand, end user and key id, so a wrapped key copied to another row does not open.
 */
export class DataKeys {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyEncryptionKeys,
    private readonly cacheOptions: DataKeyCacheOptions = { ttlMs: 60_000, maxEntries: 10_000 },
  ) {}

  /**
   * The first keys of these units (a unit's first key has its id), made where missing, in a few
   * statements for all of them. A destroyed key is left out of the answer: it is never made again.
   */
  async issue(units: readonly { tenantId: string; ownerId: string; unitId: string }[]): Promise<Map<string, Buffer>> {
    return this.fetch(
      units.map(({ tenantId, ownerId, unitId }) => ({ tenantId, ownerId, keyId: unitId })),
      true,
    );
  }

  /** The live keys among these, from memory or the vault; destroyed and unknown ones are left out. */
  async load(refs: readonly DataKeyRef[]): Promise<Map<string, Buffer>> {
    return this.fetch(refs, false);
  }

  /** A new key for a unit whose content is sealed again without a part (the old key is destroyed once the new content is stored). */
  async replace(unit: { tenantId: string; ownerId: string; unitId: string }): Promise<{ keyId: string; key: Buffer }> {
    const keyId = randomUUID();
    const key = newKey();
    await this.dataSource.getRepository(DataKeyEntity).insert({ ...unit, keyId, ...(await this.keys.wrap(key, wrapContext(unit.tenantId, unit.ownerId, keyId))) });
    this.remember(keyId, { key, tenantId: unit.tenantId, ownerId: unit.ownerId });
    return { keyId, key };
  }

  private async fetch(refs: readonly DataKeyRef[], make: boolean): Promise<Map<string, Buffer>> {
    const now = Date.now();
    const keys = new Map<string, Buffer>();
    const missing = new Map<string, DataKeyRef>();
    for (const ref of refs) {
      const cached = this.cache.get(ref.keyId);
      if (!cached || cached.until <= now) missing.set(ref.keyId, ref);
      else if (cached.tenantId !== ref.tenantId || cached.ownerId !== ref.ownerId) throw new DataKeyConflictError(ref.keyId);
      else keys.set(ref.keyId, cached.key);
    }
    if (missing.size === 0) return keys;
    // When making keys, their owners' own keys are read too: nothing is made for an erased end user.
    const wanted = new Set([...missing.keys(), ...(make ? [...missing.values()].map(({ ownerId }) => ownerId) : [])]);
    const rows = await this.read([...wanted]);
    const byId = new Map(rows.map((row) => [row.keyId, row]));
    const erased = (ownerId: string) => byId.get(ownerId)?.wrapped === null;
    const absent = make ? [...missing.values()].filter(({ keyId, ownerId }) => !byId.has(keyId) && !erased(ownerId)) : [];
    if (absent.length > 0) {
      const made = absent.map((ref) => ({ ref, key: newKey() }));
      const wraps = await Promise.all(made.map(({ ref: { tenantId, ownerId, keyId }, key }) => this.keys.wrap(key, wrapContext(tenantId, ownerId, keyId))));
      // Racing writers may make the same unit's key at once: the first one stored is everyone's.
      const inserted: { key_id: string }[] = await this.dataSource.query(
        `INSERT INTO data_keys (key_id, tenant_id, owner_id, unit_id, kek_id, wrapped)
         SELECT k.id, k.tenant_id, k.owner_id, k.id, k.kek_id, k.wrapped FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::bytea[]) AS k(id, tenant_id, owner_id, kek_id, wrapped)
         ON CONFLICT (key_id) DO NOTHING RETURNING key_id`,
        [made.map(({ ref }) => ref.keyId), made.map(({ ref }) => ref.tenantId), made.map(({ ref }) => ref.ownerId), wraps.map(({ kekId }) => kekId), wraps.map(({ wrapped }) => wrapped)],
      );
      const ours = new Set(inserted.map(({ key_id }) => key_id));
      for (const { ref, key } of made) {
        if (!ours.has(ref.keyId)) continue;
        keys.set(ref.keyId, key);
        this.remember(ref.keyId, { key, tenantId: ref.tenantId, ownerId: ref.ownerId });
      }
      const theirs = made.filter(({ ref }) => !ours.has(ref.keyId)).map(({ ref }) => ref.keyId);
      if (theirs.length > 0) rows.push(...(await this.read(theirs)));
    }
    for (const row of rows) {
      const ref = missing.get(row.keyId);
      // An owner's own key read only to see whether they were erased.
      if (!ref) continue;
      if (row.tenantId !== ref.tenantId || row.ownerId !== ref.ownerId) throw new DataKeyConflictError(row.keyId);
      if (row.wrapped === null || row.kekId === null) continue;
      const key = await this.keys.unwrap({ kekId: row.kekId, wrapped: row.wrapped }, wrapContext(ref.tenantId, ref.ownerId, row.keyId));
      keys.set(row.keyId, key);
      this.remember(row.keyId, { key, tenantId: ref.tenantId, ownerId: ref.ownerId });
    }
    return keys;
  }

  /** The stored keys among these ids (one array parameter, whatever their number). */
  private async read(keyIds: string[]): Promise<Pick<DataKeyEntity, 'keyId' | 'tenantId' | 'ownerId' | 'kekId' | 'wrapped'>[]> {
    const rows: { key_id: string; tenant_id: string; owner_id: string; kek_id: string | null; wrapped: Buffer | null }[] = await this.dataSource.query(
      `SELECT key_id, tenant_id, owner_id, kek_id, wrapped FROM data_keys WHERE key_id = ANY($1::uuid[])`,
      [keyIds],
    );
    return rows.map((row) => ({ keyId: row.key_id, tenantId: row.tenant_id, ownerId: row.owner_id, kekId: row.kek_id, wrapped: row.wrapped }));
  }

  /**
   * Runs `work` (a transaction writing end users' data elsewhere) with a check it calls: the
   * end users' own keys are live, and share-locked in the vault until `work` has ended. An erasure
   * destroys them only after such writers end, and writers after it see the keys destroyed,
   * whatever key another instance still has in memory: nothing of an erased end user is stored
   * after their erasure began. The check throws `DataKeyDestroyedError` for a destroyed key.
   */
  async whileLive<T>(work: (assertLive: (owners: readonly { tenantId: string; ownerId: string }[]) => Promise<void>) => Promise<T>): Promise<T> {
    let locks: QueryRunner | undefined;
    const assertLive = async (owners: readonly { tenantId: string; ownerId: string }[]) => {
      const wanted = [...new Set(owners.map(({ ownerId }) => ownerId))].sort();
      if (wanted.length === 0) return;
      if (!locks) {
        locks = this.dataSource.createQueryRunner();
        await locks.connect();
        await locks.startTransaction();
      }
      // In key order: two writers lock in the same order, and never wait on each other in a circle.
      const rows: { key_id: string; live: boolean }[] = await locks.query(`SELECT key_id, wrapped IS NOT NULL AS live FROM data_keys WHERE key_id = ANY($1::uuid[]) ORDER BY key_id FOR SHARE`, [wanted]);
      const destroyed = rows.find(({ live }) => !live);
      if (destroyed) {
        this.forget(destroyed.key_id);
        throw new DataKeyDestroyedError(destroyed.key_id);
      }
    };
    try {
      return await work(assertLive);
    } finally {
      // Only locks were taken: ending the transaction either way just releases them.
      if (locks) await locks.rollbackTransaction().catch(() => undefined);
      await locks?.release();
    }
  }

  /**
   * Destroys the selected keys: everything they sealed, in every copy, becomes unreadable. How many
   * were live. An end user's own key is destroyed even if it was never made, so none is made later.
   */
  async destroy(selection: DataKeySelection): Promise<number> {
    const [where, parameters] = whereSelected(selection);
    if ('ownerId' in selection) {
      await this.dataSource.query(`INSERT INTO data_keys (key_id, tenant_id, owner_id, unit_id, destroyed_at) VALUES ($2, $1, $2, $2, now()) ON CONFLICT (key_id) DO NOTHING`, [selection.tenantId, selection.ownerId]);
    }
    const [rows, affected]: [{ key_id: string }[], number] = await this.dataSource.query(
      `UPDATE data_keys SET wrapped = NULL, kek_id = NULL, destroyed_at = now() WHERE ${where} AND wrapped IS NOT NULL RETURNING key_id`,
      parameters,
    );
    for (const { key_id } of rows) this.forget(key_id);
    return affected;
  }

  /** How many of the selected keys are destroyed (by this or an earlier call): what a receipt reports. */
  async countDestroyed(selection: DataKeySelection): Promise<number> {
    const [where, parameters] = whereSelected(selection);
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM data_keys WHERE ${where} AND wrapped IS NULL`, parameters);
    return count;
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
        .where('key.kek_id <> :current AND key.wrapped IS NOT NULL AND key.key_id > :after', { current, after })
        .orderBy('key.key_id')
        .take(batchSize);
      // One brand's keys first, if asked (say, a brand that wants its keys off a compromised key).
      if (tenantId) query.andWhere('key.tenant_id = :tenantId', { tenantId });
      const rows = await query.getMany();
      if (rows.length === 0) return outcome;
      after = rows[rows.length - 1].keyId;
      for (const row of rows) {
        let next: WrappedKey;
        try {
          next = await rewrap(this.keys, { kekId: row.kekId!, wrapped: row.wrapped! }, wrapContext(row.tenantId, row.ownerId, row.keyId));
        } catch (error) {
          if (!(error instanceof UnknownKeyEncryptionKeyError || error instanceof UnsealError)) throw error;
          outcome.unreadable.push(row.keyId);
          continue;
        }
        // Only if it is still as read: a key destroyed meanwhile stays destroyed.
        const result = await repository.update({ keyId: row.keyId, kekId: row.kekId! }, { kekId: next.kekId, wrapped: next.wrapped });
        outcome.rewrapped += result.affected ?? 0;
      }
    }
  }

  /** How many live keys are still wrapped under this key encryption key (one can't be retired while any are). */
  countWrappedUnder(kekId: string): Promise<number> {
    return this.dataSource.getRepository(DataKeyEntity).countBy({ kekId });
  }

  /** Drops a key from this instance's memory. */
  private forget(keyId: string): void {
    this.cache.delete(keyId);
  }

  private remember(keyId: string, entry: Omit<Cached, 'until'>): void {
    this.cache.delete(keyId);
    this.cache.set(keyId, { ...entry, until: Date.now() + this.cacheOptions.ttlMs });
    // A Map iterates in insertion order: the first entry is the least recently stored.
    while (this.cache.size > this.cacheOptions.maxEntries) this.cache.delete(this.cache.keys().next().value!);
  }
}

/** The selection as SQL over data_keys (array parameters, whatever the number of units). */
function whereSelected(selection: DataKeySelection): [string, unknown[]] {
  if ('ownerId' in selection) return ['tenant_id = $1 AND owner_id = $2', [selection.tenantId, selection.ownerId]];
  return ['tenant_id = $1 AND unit_id = ANY($2::uuid[]) AND NOT key_id = ANY($3::uuid[])', [selection.tenantId, [...selection.unitIds], [...(selection.keep ?? [])]]];
}

/** An end user's own key (its id is theirs) keeps the context keys were first wrapped with, when they lived in the ticket database. */
const wrapContext = (tenantId: string, ownerId: string, keyId: string) => `tenant:${tenantId}/end-user:${ownerId}${keyId === ownerId ? '' : `/key:${keyId}`}`;
