import { DataSource, In, IsNull, LessThan, Not } from 'typeorm';
import { TransitUnit } from '@sieve/contracts';
import { KeyEncryptionKeys, newKey } from '@sieve/crypto';
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
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyEncryptionKeys,
  ) {}

  /** The keys of these units, made where missing; a unit whose key was destroyed is not in the answer. */
  async issue(units: readonly TransitUnit[]): Promise<Map<string, Buffer>> {
    const wanted = new Map(units.map((unit) => [unit.keyId, unit]));
    const repository = this.dataSource.getRepository(TransitKeyEntity);
    let rows = await repository.findBy({ keyId: In([...wanted.keys()]) });
    const missing = [...wanted.values()].filter(({ keyId }) => !rows.some((row) => row.keyId === keyId));
    if (missing.length > 0) {
      const made = await Promise.all(missing.map(async (unit) => ({ ...unit, ...(await this.keys.wrap(newKey(), wrapContext(unit.tenantId, unit.keyId))) })));
      // Two producers of one unit at once (a redelivery racing its original): the first key stored is everyone's.
      await repository.createQueryBuilder().insert().values(made).orIgnore().execute();
      rows = await repository.findBy({ keyId: In([...wanted.keys()]) });
    }
    return this.unwrapped(rows, (row) => wanted.get(row.keyId)!.tenantId);
  }

  /** The live keys among these, for a consumer opening a batch; destroyed, expired and unknown ones are left out. */
  async load(wanted: readonly { tenantId: string; keyId: string }[]): Promise<Map<string, Buffer>> {
    if (wanted.length === 0) return new Map();
    const tenants = new Map(wanted.map(({ keyId, tenantId }) => [keyId, tenantId]));
    const rows = await this.dataSource.getRepository(TransitKeyEntity).findBy({ keyId: In([...tenants.keys()]) });
    return this.unwrapped(rows, (row) => tenants.get(row.keyId)!);
  }

  /** Destroys the selected keys: what they sealed, in every retained copy, can't be read any more. How many were live. */
  async destroy({ tenantId, keyIds, subjectId, conversationId }: TransitKeySelection): Promise<number> {
    if (keyIds?.length === 0) return 0;
    const result = await this.dataSource.getRepository(TransitKeyEntity).update(
      {
        tenantId,
        wrapped: Not(IsNull()),
        ...(keyIds ? { keyId: In([...keyIds]) } : {}),
        ...(subjectId ? { subjectId } : {}),
        ...(conversationId ? { conversationId } : {}),
      },
      { wrapped: null, kekId: null, destroyedAt: () => 'now()' },
    );
    return result.affected ?? 0;
  }

  /** Deletes keys made before `cutoff` (their events are past the topics' retention), a batch at a time. How many. */
  async deleteMadeBefore(cutoff: Date, batchSize = 5_000): Promise<number> {
    let deleted = 0;
    for (;;) {
      const rows = await this.dataSource.getRepository(TransitKeyEntity).find({ select: { keyId: true }, where: { createdAt: LessThan(cutoff) }, take: batchSize });
      if (rows.length === 0) return deleted;
      await this.dataSource.getRepository(TransitKeyEntity).delete({ keyId: In(rows.map(({ keyId }) => keyId)) });
      deleted += rows.length;
    }
  }

  private async unwrapped(rows: TransitKeyEntity[], tenantOf: (row: TransitKeyEntity) => string): Promise<Map<string, Buffer>> {
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

const wrapContext = (tenantId: string, keyId: string) => `tenant:${tenantId}/transit:${keyId}`;
