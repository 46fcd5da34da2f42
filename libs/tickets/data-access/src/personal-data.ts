import { EntityManager } from 'typeorm';
import { seal, unseal } from '@sieve/crypto';
import { DataKeyDestroyedError, DataKeys } from '@sieve/key-vault';

/** Whose a sealed value is: every data key belongs to one end user, and an erasure destroys all of theirs. */
export interface DataOwner {
  tenantId: string;
  endUserId: string;
}

/** The personal fields sealed at rest; each names the table and column its values live in. */
export type SealedField = 'messages.body' | 'end_users.name' | 'end_users.email' | 'attachments.file_name' | 'attachments.bytes' | 'faq_searches.query' | 'outbox.event' | 'conversations.custom_fields';

/**
 * Where each sealed field's values are stored: the table and column, the column a value is bound
 * to (its row id), and the column naming the end user whose key seals it. For tools that must
 * visit every sealed value (an audit that opens them all, say).
 */
export const SEALED_COLUMNS: readonly { field: SealedField; table: string; column: string; rowId: string; owner: string }[] = [
  { field: 'messages.body', table: 'messages', column: 'body_sealed', rowId: 'id', owner: 'end_user_id' },
  { field: 'end_users.name', table: 'end_users', column: 'name_sealed', rowId: 'id', owner: 'id' },
  { field: 'end_users.email', table: 'end_users', column: 'email_sealed', rowId: 'id', owner: 'id' },
  { field: 'attachments.file_name', table: 'attachments', column: 'file_name_sealed', rowId: 'id', owner: 'end_user_id' },
  { field: 'faq_searches.query', table: 'faq_searches', column: 'query_sealed', rowId: 'id', owner: 'end_user_id' },
  { field: 'conversations.custom_fields', table: 'conversations', column: 'custom_fields_sealed', rowId: 'id', owner: 'end_user_id' },
  { field: 'outbox.event', table: 'outbox', column: 'event_sealed', rowId: 'id', owner: 'end_user_id' },
];

/** A sealed value as stored: whose, which field and row, and the sealed bytes. */
export interface StoredSealedValue {
  owner: DataOwner;
  field: SealedField;
  rowId: string;
  sealed: Buffer;
}

/** Every sealed value of a brand in the ticket database, as stored: what a backup of it holds. */
export async function sealedValuesOf(manager: EntityManager, tenantId: string): Promise<StoredSealedValue[]> {
  const values: StoredSealedValue[] = [];
  for (const { table, column, field, rowId, owner } of SEALED_COLUMNS) {
    const rows: { id: string; owner: string; sealed: Buffer }[] = await manager.query(`SELECT ${rowId} AS id, ${owner} AS owner, ${column} AS sealed FROM ${table} WHERE tenant_id = $1 AND ${column} IS NOT NULL`, [tenantId]);
    values.push(...rows.map((row) => ({ owner: { tenantId, endUserId: row.owner }, field, rowId: row.id, sealed: row.sealed })));
  }
  return values;
}

/** The plaintext of those of these values the live keys still open: what an audit (or a proof of redaction) reads. */
export async function openableOf(personalData: PersonalData, values: readonly StoredSealedValue[]): Promise<string[]> {
  await personalData.prepareToOpen(values);
  const opened = await Promise.all(values.map(({ owner, field, rowId, sealed }) => personalData.open(owner, field, rowId, sealed)));
  return opened.flatMap((value) => (value === SHREDDED ? [] : [value.toString('utf8')]));
}

/** A value whose data key was destroyed: it can't be read any more, by anyone. */
export const SHREDDED = Symbol('shredded');

/** A value to seal: whose, which field, which row. */
export interface SealTarget {
  owner: DataOwner;
  field: SealedField;
  rowId: string;
}

/**
 * What each field is sealed per: the fields a redaction removes by themselves have a key per
 * message, attachment or conversation (redacting one destroys its key); the rest go only with
 * their end user, and share the end user's own key.
 */
const KEYED_BY_ROW: ReadonlySet<SealedField> = new Set(['messages.body', 'attachments.file_name', 'attachments.bytes', 'conversations.custom_fields']);
const unitOf = (owner: DataOwner, field: SealedField, rowId: string) => (KEYED_BY_ROW.has(field) ? rowId : owner.endUserId);

/**
 * A stored value names the key that sealed it: a format byte, the key id, then the sealed box.
 * Values sealed before keys were per unit are the bare box, under their end user's own key.
 */
const KEY_NAMED = 0x02;
const KEY_ID_BYTES = 16;

function keyIdOf(owner: DataOwner, stored: Buffer): { keyId: string; box: Buffer } {
  if (stored[0] !== KEY_NAMED) return { keyId: owner.endUserId, box: stored };
  const hex = stored.subarray(1, 1 + KEY_ID_BYTES).toString('hex');
  return { keyId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, box: stored.subarray(1 + KEY_ID_BYTES) };
}

const withKeyId = (keyId: string, box: Buffer) => Buffer.concat([Buffer.of(KEY_NAMED), Buffer.from(keyId.replace(/-/g, ''), 'hex'), box]);

/**
 * Seals and opens personal data with data keys from the key vault: each value with the key of its
 * unit (see `KEYED_BY_ROW`), and bound to its field and row, so a sealed value copied to another
 * row or column does not open.
 */
export class PersonalData {
  constructor(private readonly dataKeys: DataKeys) {}

  /** Gets the keys for sealing these values ready in a few statements (made where missing), before sealing them one by one. */
  async prepare(targets: readonly SealTarget[]): Promise<void> {
    const units = new Map<string, { tenantId: string; ownerId: string; unitId: string }>();
    for (const { owner, field, rowId } of targets) {
      const ownerId = owner.endUserId;
      // The end user's own key too: it is what `whileLive` locks, and an erasure destroys.
      units.set(ownerId, { tenantId: owner.tenantId, ownerId, unitId: ownerId });
      units.set(unitOf(owner, field, rowId), { tenantId: owner.tenantId, ownerId, unitId: unitOf(owner, field, rowId) });
    }
    await this.dataKeys.issue([...units.values()]);
  }

  /** Gets the keys of these stored values ready in one statement, before opening them one by one. */
  async prepareToOpen(values: readonly { owner: DataOwner; sealed: Buffer | null | undefined }[]): Promise<void> {
    const refs = new Map<string, { tenantId: string; ownerId: string; keyId: string }>();
    for (const { owner, sealed } of values) {
      if (!sealed) continue;
      const { keyId } = keyIdOf(owner, sealed);
      refs.set(keyId, { tenantId: owner.tenantId, ownerId: owner.endUserId, keyId });
    }
    await this.dataKeys.load([...refs.values()]);
  }

  /**
   * Runs `work` (a transaction writing end users' data) with a check it calls: these end users
   * are not erased, and can't be until `work` ends (see `DataKeys.whileLive`).
   */
  whileLive<T>(work: (assertLive: (owners: readonly DataOwner[]) => Promise<void>) => Promise<T>): Promise<T> {
    return this.dataKeys.whileLive((assertLive) => work((owners) => assertLive(owners.map(({ tenantId, endUserId }) => ({ tenantId, ownerId: endUserId })))));
  }

  /** The value sealed with its unit's key; `DataKeyDestroyedError` if that key (or its end user) was destroyed. */
  async seal(owner: DataOwner, field: SealedField, rowId: string, plaintext: Buffer | string): Promise<Buffer> {
    const unitId = unitOf(owner, field, rowId);
    const key = (await this.dataKeys.issue([{ tenantId: owner.tenantId, ownerId: owner.endUserId, unitId }])).get(unitId);
    if (!key) throw new DataKeyDestroyedError(unitId);
    return withKeyId(unitId, seal(plaintext, key, `${field}:${rowId}`));
  }

  /**
   * The value sealed with a new key of its unit, for content stored again without a part a
   * redaction removed: the key that sealed the whole is then destroyed (`keyIdsIn` tells which to keep).
   */
  async sealWithNewKey(owner: DataOwner, field: SealedField, rowId: string, plaintext: Buffer | string): Promise<Buffer> {
    const { keyId, key } = await this.dataKeys.replace({ tenantId: owner.tenantId, ownerId: owner.endUserId, unitId: unitOf(owner, field, rowId) });
    return withKeyId(keyId, seal(plaintext, key, `${field}:${rowId}`));
  }

  /** The plaintext, or SHREDDED once the key that sealed it was destroyed. */
  async open(owner: DataOwner, field: SealedField, rowId: string, sealed: Buffer): Promise<Buffer | typeof SHREDDED> {
    const { keyId, box } = keyIdOf(owner, sealed);
    const key = (await this.dataKeys.load([{ tenantId: owner.tenantId, ownerId: owner.endUserId, keyId }])).get(keyId);
    return key ? unseal(box, key, `${field}:${rowId}`) : SHREDDED;
  }
}

/** The ids of the keys that sealed these stored values (of one end user). */
export const keyIdsIn = (owner: DataOwner, values: readonly Buffer[]): string[] => [...new Set(values.map((sealed) => keyIdOf(owner, sealed).keyId))];
