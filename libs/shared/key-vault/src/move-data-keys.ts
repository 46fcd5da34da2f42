import { DataSource } from 'typeorm';

/**
 * Moves the data keys the ticket database kept (one per end user, before keys lived in the vault)
 * into the key vault: each is copied (an end user's key keeps its id, the end user's), and deleted
 * from the ticket database only once the vault holds it, so a run cut short loses nothing and the
 * next run finishes it. Destroyed keys move as tombstones. Afterwards the ticket database's
 * migration drops the empty table. How many keys moved.
 */
export async function moveDataKeysToVault(tickets: DataSource, vault: DataSource, batchSize = 1_000): Promise<number> {
  const [{ present }] = await tickets.query(`SELECT to_regclass('data_keys') IS NOT NULL AS present`);
  if (!present) return 0;
  let moved = 0;
  for (;;) {
    const rows: { subject_id: string; tenant_id: string; kek_id: string | null; wrapped: Buffer | null; created_at: Date; destroyed_at: Date | null }[] = await tickets.query(
      `SELECT subject_id, tenant_id, kek_id, wrapped, created_at, destroyed_at FROM data_keys ORDER BY subject_id LIMIT $1`,
      [batchSize],
    );
    if (rows.length === 0) return moved;
    await vault.query(
      `INSERT INTO data_keys (key_id, tenant_id, owner_id, unit_id, kek_id, wrapped, created_at, destroyed_at)
       SELECT k.subject_id, k.tenant_id, k.subject_id, k.subject_id, k.kek_id, k.wrapped, k.created_at, k.destroyed_at
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bytea[], $5::timestamptz[], $6::timestamptz[]) AS k(subject_id, tenant_id, kek_id, wrapped, created_at, destroyed_at)
       ON CONFLICT (key_id) DO NOTHING`,
      [rows.map((r) => r.subject_id), rows.map((r) => r.tenant_id), rows.map((r) => r.kek_id), rows.map((r) => r.wrapped), rows.map((r) => r.created_at), rows.map((r) => r.destroyed_at)],
    );
    // Deleted only where the vault now has the key (a key the vault already had, say destroyed since, is the vault's to keep).
    const inVault: { key_id: string }[] = await vault.query(`SELECT key_id FROM data_keys WHERE key_id = ANY($1::uuid[])`, [rows.map((r) => r.subject_id)]);
    if (inVault.length !== rows.length) throw new Error(`the key vault holds ${inVault.length} of ${rows.length} keys just copied; nothing was deleted from the ticket database`);
    await tickets.query(`DELETE FROM data_keys WHERE subject_id = ANY($1::uuid[])`, [inVault.map(({ key_id }) => key_id)]);
    moved += rows.length;
  }
}
