import { EntityManager } from 'typeorm';
import { seal, unseal } from '@sieve/crypto';
import { DataKeyDestroyedError, DataKeys } from './data-keys';

/** Whose data key seals a value: personal data is sealed with its end user's key. */
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

/** Every sealed value of a brand that its live keys still open, as text: what an audit (or a proof of redaction) reads. */
export async function openableValuesOf(manager: EntityManager, personalData: PersonalData, tenantId: string): Promise<string[]> {
  const values: string[] = [];
  for (const { table, column, field, rowId, owner } of SEALED_COLUMNS) {
    const rows: { id: string; owner: string; sealed: Buffer }[] = await manager.query(`SELECT ${rowId} AS id, ${owner} AS owner, ${column} AS sealed FROM ${table} WHERE tenant_id = $1 AND ${column} IS NOT NULL`, [tenantId]);
    for (const row of rows) {
      const opened = await personalData.open({ tenantId, endUserId: row.owner }, field, row.id, row.sealed);
      if (opened !== SHREDDED) values.push(opened.toString('utf8'));
    }
  }
  return values;
}

/** A value whose data key was destroyed: it can't be read any more, by anyone. */
export const SHREDDED = Symbol('shredded');

/**
 * Seals and opens personal data with its end user's data key. Each value is bound to its field and
 * row, so a sealed value copied to another row or column does not open.
 */
export class PersonalData {
  constructor(private readonly dataKeys: DataKeys) {}

  /** Gets the data keys of a batch's end users ready in a few statements, before sealing its values one by one. */
  prepare(owners: readonly DataOwner[]): Promise<void> {
    return this.dataKeys.prefetch(owners.map(({ tenantId, endUserId }) => ({ tenantId, subjectId: endUserId })));
  }

  /** Within a writing transaction: these owners' keys are live, and stay so until it ends (see `DataKeys.assertLive`). */
  assertLive(manager: EntityManager, owners: readonly DataOwner[]): Promise<void> {
    return this.dataKeys.assertLive(manager, owners.map(({ tenantId, endUserId }) => ({ tenantId, subjectId: endUserId })));
  }

  async seal(owner: DataOwner, field: SealedField, rowId: string, plaintext: Buffer | string): Promise<Buffer> {
    return seal(plaintext, await this.dataKeys.keyOf(owner.tenantId, owner.endUserId), `${field}:${rowId}`);
  }

  /** The plaintext, or SHREDDED once the end user's data key was destroyed. */
  async open(owner: DataOwner, field: SealedField, rowId: string, sealed: Buffer): Promise<Buffer | typeof SHREDDED> {
    let key: Buffer;
    try {
      key = await this.dataKeys.keyOf(owner.tenantId, owner.endUserId);
    } catch (error) {
      if (error instanceof DataKeyDestroyedError) return SHREDDED;
      throw error;
    }
    return unseal(sealed, key, `${field}:${rowId}`);
  }
}
