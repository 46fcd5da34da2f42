import { DataSource } from 'typeorm';

interface LegacyKey {
  subject_id: string;
  tenant_id: string;
  kek_id: string | null;
  wrapped: Buffer | null;
  created_at: Date;
  destroyed_at: Date | null;
}

/**
 * Moves the data keys the ticket database kept (one per end user, before keys lived in the vault)
 * into the key vault, an end user's key keeping its id (theirs). The ticket database's table is
 * locked for the move, so nothing writes a key there meanwhile, and emptied only once the vault
 * holds every key; a run cut short loses nothing and the next one finishes it. A key destroyed on
 * either side stays destroyed. Two different live keys of one end user (a previous version's
 * ticket store still running made one after a first move) stop the move: nothing is deleted, and
 * the message says what to do. The ticket database's migration then drops the empty table. How
 * many keys moved.
 */
export async function moveDataKeysToVault(tickets: DataSource, vault: DataSource, batchSize = 1_000): Promise<number> {
  const [{ present }] = await tickets.query(`SELECT to_regclass('data_keys') IS NOT NULL AS present`);
  if (!present) return 0;
  return tickets.transaction(async (manager) => {
    await manager.query(`LOCK TABLE data_keys IN ACCESS EXCLUSIVE MODE`);
    let moved = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
      const rows: LegacyKey[] = await manager.query(`SELECT subject_id, tenant_id, kek_id, wrapped, created_at, destroyed_at FROM data_keys WHERE subject_id > $1 ORDER BY subject_id LIMIT $2`, [after, batchSize]);
      if (rows.length === 0) break;
      after = rows[rows.length - 1].subject_id;
      await copyToVault(vault, rows);
      moved += rows.length;
    }
    await manager.query(`DELETE FROM data_keys`);
    return moved;
  });
}

async function copyToVault(vault: DataSource, rows: LegacyKey[]): Promise<void> {
  const column = <K extends keyof LegacyKey>(name: K) => rows.map((row) => row[name]);
  // A destroyed key wins over a live copy of it, on either side.
  await vault.query(
    `INSERT INTO data_keys (key_id, tenant_id, owner_id, unit_id, kek_id, wrapped, created_at, destroyed_at)
     SELECT k.subject_id, k.tenant_id, k.subject_id, k.subject_id, k.kek_id, k.wrapped, k.created_at, k.destroyed_at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bytea[], $5::timestamptz[], $6::timestamptz[]) AS k(subject_id, tenant_id, kek_id, wrapped, created_at, destroyed_at)
     ON CONFLICT (key_id) DO UPDATE SET wrapped = NULL, kek_id = NULL, destroyed_at = coalesce(data_keys.destroyed_at, EXCLUDED.destroyed_at)
       WHERE EXCLUDED.wrapped IS NULL AND data_keys.wrapped IS NOT NULL`,
    [column('subject_id'), column('tenant_id'), column('kek_id'), column('wrapped'), column('created_at'), column('destroyed_at')],
  );
  const inVault = new Map<string, Buffer | null>(
    ((await vault.query(`SELECT key_id, wrapped FROM data_keys WHERE key_id = ANY($1::uuid[])`, [column('subject_id')])) as { key_id: string; wrapped: Buffer | null }[]).map((row) => [row.key_id, row.wrapped]),
  );
  for (const row of rows) {
    const held = inVault.get(row.subject_id);
    if (held === undefined) throw new Error(`the key vault did not take the data key of end user ${row.subject_id}; nothing was deleted from the ticket database`);
    if (held !== null && row.wrapped !== null && !held.equals(row.wrapped)) {
      throw new Error(
        `end user ${row.subject_id} has one data key in the ticket database and another in the key vault: a ticket store or redaction worker of the previous version still runs and made one. Nothing was deleted. Stop every one of them before moving keys (deploy/k8s/README.md); what they sealed under this key since needs it, so keep both rows until the end user's values are sealed again.`,
      );
    }
  }
}
