import { DataSource } from 'typeorm';
import { TransitUnit } from '@sieve/contracts';
import { KeyEncryptionKeys, newKey } from '@sieve/crypto';
import { Coalesced } from './coalesced';
import { TransitKeyEntity } from './transit-key.entity';

/** Which transit keys to destroy: all of a brand's that match every filter given. */
export interface TransitKeySelection {
  tenantId: string;
  keyIds?: readonly string[];
  subjectId?: string;
  conversationId?: string;
}

/**
 * Transit keys in the key vault: made for the units a producer seals (again harmlessly: a unit's
 * key is made once), unwrapped for consumers, destroyed by redactions, deleted once expired. Not
 * cached: a destroyed key must stop opening at once, everywhere.
 */
export class TransitKeys {
  /** Concurrent issues (the gateway's requests, one event each) share round trips to the vault. */
  private readonly issuing = new Coalesced<TransitUnit, Buffer>(
    (units) => this.issueNow(units),
    (unit) => unit.keyId,
    // One caller's forged id fails that caller alone; an outage fails them all at once.
    (error) => error instanceof TransitKeyConflictError,
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyEncryptionKeys,
  ) {}

  /** The keys of these units, made where missing; a unit whose key was destroyed is not in the answer. */
  issue(units: readonly TransitUnit[]): Promise<Map<string, Buffer>> {
    return this.issuing.call(units);
  }

  /**
   * Stores a new key for every unit and keeps the ones stored (one round trip: producers seal new
   * content, whose units have no key yet); a unit that had one, live or destroyed, is read instead.
   */
  private async issueNow(units: readonly TransitUnit[]): Promise<Map<string, Buffer>> {
    const wanted = new Map(units.map((unit) => [unit.keyId, unit]));
    const made = [...wanted.values()].map((unit) => ({ unit, key: newKey() }));
    const wraps = await Promise.all(made.map(({ unit, key }) => this.keys.wrap(key, wrapContext(unit.tenantId, unit.keyId))));
    // Two producers of one unit at once (a redelivery racing its original): the first key stored is everyone's.
    const inserted: { key_id: string }[] = await this.dataSource.query(
      `INSERT INTO transit_keys (key_id, tenant_id, subject_id, conversation_id, kek_id, wrapped)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::bytea[])
       ON CONFLICT (key_id) DO NOTHING RETURNING key_id`,
      [made.map(({ unit }) => unit.keyId), made.map(({ unit }) => unit.tenantId), made.map(({ unit }) => unit.subjectId), made.map(({ unit }) => unit.conversationId), wraps.map(({ kekId }) => kekId), wraps.map(({ wrapped }) => wrapped)],
    );
    const ours = new Set(inserted.map(({ key_id }) => key_id));
    const keys = new Map(made.filter(({ unit }) => ours.has(unit.keyId)).map(({ unit, key }) => [unit.keyId, key]));
    const stored = [...wanted.keys()].filter((keyId) => !ours.has(keyId));
    if (stored.length > 0) for (const [keyId, key] of await this.unwrapped(await this.read(stored), (row) => wanted.get(row.keyId)!.tenantId)) keys.set(keyId, key);
    return keys;
  }

  /** The live keys among these, for a consumer opening a batch; destroyed, expired and unknown ones are left out. */
  async load(wanted: readonly { tenantId: string; keyId: string }[]): Promise<Map<string, Buffer>> {
    if (wanted.length === 0) return new Map();
    const tenants = new Map(wanted.map(({ keyId, tenantId }) => [keyId, tenantId]));
    const rows = await this.read([...tenants.keys()]);
    return this.unwrapped(rows, (row) => tenants.get(row.keyId)!);
  }

  /** Destroys the selected keys: what they sealed, in every retained copy, can't be read any more. How many were live. */
  async destroy(selection: TransitKeySelection): Promise<number> {
    const [where, parameters] = whereSelected(selection);
    const [, affected] = await this.dataSource.query(`UPDATE transit_keys SET wrapped = NULL, kek_id = NULL, destroyed_at = now() WHERE ${where} AND wrapped IS NOT NULL`, parameters);
    return affected as number;
  }

  /** How many of the selected keys are destroyed (by this or an earlier call): what a receipt reports. */
  async countDestroyed(selection: TransitKeySelection): Promise<number> {
    const [where, parameters] = whereSelected(selection);
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM transit_keys WHERE ${where} AND wrapped IS NULL`, parameters);
    return count;
  }

  /**
   * Deletes live keys made before `cutoff` (their events are past the topics' retention), a batch at
   * a time; how many. Destroyed ones stay, as tombstones: a replay of a redacted unit must find its
   * key destroyed, not make a new one.
   */
  async deleteMadeBefore(cutoff: Date, batchSize = 5_000): Promise<number> {
    let deleted = 0;
    for (;;) {
      const [, affected]: [unknown, number] = await this.dataSource.query(
        `DELETE FROM transit_keys WHERE key_id IN (SELECT key_id FROM transit_keys WHERE created_at < $1 AND wrapped IS NOT NULL LIMIT $2)`,
        [cutoff, batchSize],
      );
      deleted += affected;
      if (affected < batchSize) return deleted;
    }
  }

  /** The stored keys among these ids, in one statement with one array parameter (on every producer's and consumer's path: no ORM in between). */
  private async read(keyIds: string[]): Promise<Pick<TransitKeyEntity, 'keyId' | 'tenantId' | 'kekId' | 'wrapped'>[]> {
    const rows: { key_id: string; tenant_id: string; kek_id: string | null; wrapped: Buffer | null }[] = await this.dataSource.query(`SELECT key_id, tenant_id, kek_id, wrapped FROM transit_keys WHERE key_id = ANY($1::uuid[])`, [keyIds]);
    return rows.map((row) => ({ keyId: row.key_id, tenantId: row.tenant_id, kekId: row.kek_id, wrapped: row.wrapped }));
  }

  private async unwrapped(rows: Pick<TransitKeyEntity, 'keyId' | 'tenantId' | 'kekId' | 'wrapped'>[], tenantOf: (row: Pick<TransitKeyEntity, 'keyId'>) => string): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    for (const row of rows) {
      const tenantId = tenantOf(row);
      if (row.tenantId !== tenantId) throw new TransitKeyConflictError(row.keyId, tenantId);
      if (row.wrapped === null || row.kekId === null) continue;
      keys.set(row.keyId, await this.keys.unwrap({ kekId: row.kekId, wrapped: row.wrapped }, wrapContext(tenantId, row.keyId)));
    }
    return keys;
  }
}

/** An event names a unit (message, attachment, search id) whose transit key is another brand's: forged or corrupt, never to be sealed or opened. */
export class TransitKeyConflictError extends Error {
  constructor(
    readonly keyId: string,
    tenantId: string,
  ) {
    super(`transit key ${keyId} belongs to another brand than ${tenantId}; a message, attachment or search id belongs to one brand`);
    this.name = 'TransitKeyConflictError';
  }
}

/** The selection as SQL over transit_keys: one brand's keys, by ids (one array parameter, whatever their number), end user or conversation. */
function whereSelected({ tenantId, keyIds, subjectId, conversationId }: TransitKeySelection): [string, unknown[]] {
  const conditions = ['tenant_id = $1'];
  const parameters: unknown[] = [tenantId];
  const add = (condition: string, value: unknown) => {
    parameters.push(value);
    conditions.push(condition.replace('?', `$${parameters.length}`));
  };
  if (keyIds) add('key_id = ANY(?::uuid[])', [...keyIds]);
  if (subjectId) add('subject_id = ?', subjectId);
  if (conversationId) add('conversation_id = ?', conversationId);
  return [conditions.join(' AND '), parameters];
}

const wrapContext = (tenantId: string, keyId: string) => `tenant:${tenantId}/transit:${keyId}`;
