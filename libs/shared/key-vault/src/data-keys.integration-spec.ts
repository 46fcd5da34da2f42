import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { LocalKeyFile, seal, unseal, UnsealError } from '@sieve/crypto';
import { testStack } from '@sieve/testing';
import { DataKeyEntity } from './data-key.entity';
import { DataKeyConflictError, DataKeyDestroyedError, DataKeys } from './data-keys';
import { createKeyVaultDataSource } from './key-vault-data-source';
import { moveDataKeysToVault } from './move-data-keys';

describe('data keys in the key vault', () => {
  let dataSource: DataSource;
  let directory: string;
  let keyFile: LocalKeyFile;
  const tenantId = randomUUID();
  /** A store as another instance (or a restarted one) sees it: nothing in memory. */
  const freshStore = () => new DataKeys(dataSource, keyFile, { ttlMs: 60_000, maxEntries: 100 });
  const rowOf = (keyId: string) => dataSource.getRepository(DataKeyEntity).findOneByOrFail({ keyId });
  const unit = (ownerId: string, unitId = ownerId) => ({ tenantId, ownerId, unitId });
  const keyOf = async (store: DataKeys, ownerId: string, unitId = ownerId) => (await store.issue([unit(ownerId, unitId)])).get(unitId);

  beforeAll(async () => {
    dataSource = createKeyVaultDataSource(testStack.databaseUrl('keys'), 'data-keys-test', 4);
    await dataSource.initialize();
    directory = mkdtempSync(path.join(tmpdir(), 'sieve-kek-'));
    keyFile = await LocalKeyFile.open(path.join(directory, 'kek.json'), { create: true });
  });

  afterAll(async () => {
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it('makes a unit’s key on first use, stores it only wrapped, and every instance gets the same key', async () => {
    const ownerId = randomUUID();
    const messageId = randomUUID();
    const key = (await keyOf(freshStore(), ownerId, messageId))!;
    const row = await rowOf(messageId);
    expect(row).toMatchObject({ ownerId, unitId: messageId, kekId: keyFile.currentKeyId() });
    expect(row.wrapped?.includes(key)).toBe(false);
    expect((await keyOf(freshStore(), ownerId, messageId))!.equals(key)).toBe(true);
    expect((await freshStore().load([{ tenantId, ownerId, keyId: messageId }])).get(messageId)!.equals(key)).toBe(true);
  });

  it('gives instances racing to make the same key one key', async () => {
    const ownerId = randomUUID();
    const keys = await Promise.all(Array.from({ length: 5 }, () => keyOf(freshStore(), ownerId)));
    for (const key of keys) expect(key!.equals(keys[0]!)).toBe(true);
  });

  it('refuses a key asked for on behalf of another brand or end user', async () => {
    const ownerId = randomUUID();
    const messageId = randomUUID();
    await keyOf(freshStore(), ownerId, messageId);
    await expect(freshStore().issue([{ tenantId: randomUUID(), ownerId, unitId: messageId }])).rejects.toThrow(DataKeyConflictError);
    // Another end user's message id: sealing under that key would survive this end user's erasure.
    await expect(freshStore().issue([unit(randomUUID(), messageId)])).rejects.toThrow(DataKeyConflictError);
    await expect(freshStore().load([{ tenantId, ownerId: randomUUID(), keyId: messageId }])).rejects.toThrow(DataKeyConflictError);
  });

  it('destroys a unit’s keys for good, except those kept: what they sealed stays unreadable and no new key replaces them', async () => {
    const ownerId = randomUUID();
    const messageId = randomUUID();
    const store = freshStore();
    const sealed = seal('my card is 5555 5555 5555 4444', (await keyOf(store, ownerId, messageId))!, `messages.body:${messageId}`);
    const replacement = await store.replace(unit(ownerId, messageId));

    expect(await store.destroy({ tenantId, unitIds: [messageId], keep: [replacement.keyId] })).toBe(1);
    expect(await rowOf(messageId)).toMatchObject({ wrapped: null, kekId: null, destroyedAt: expect.any(Date) });
    expect(await keyOf(store, ownerId, messageId)).toBeUndefined();
    expect(await keyOf(freshStore(), ownerId, messageId)).toBeUndefined();
    // The replacement seals what is left of the unit, and still opens.
    expect((await freshStore().load([{ tenantId, ownerId, keyId: replacement.keyId }])).get(replacement.keyId)!.equals(replacement.key)).toBe(true);
    expect(await store.destroy({ tenantId, unitIds: [messageId], keep: [replacement.keyId] })).toBe(0);
    expect(await store.countDestroyed({ tenantId, unitIds: [messageId], keep: [replacement.keyId] })).toBe(1);
    // The sealed copy (a backup, say) has nothing left to open it with.
    expect((await freshStore().load([{ tenantId, ownerId, keyId: messageId }])).has(messageId)).toBe(false);
    expect(() => unseal(sealed, replacement.key, `messages.body:${messageId}`)).toThrow(UnsealError);
  });

  it('erasing an end user destroys every key of theirs, and no key is made for them afterwards, also if they never had one', async () => {
    const ownerId = randomUUID();
    const store = freshStore();
    await keyOf(store, ownerId);
    const [first, second] = [randomUUID(), randomUUID()];
    await store.issue([unit(ownerId, first), unit(ownerId, second)]);

    expect(await store.destroy({ tenantId, ownerId })).toBe(3);
    expect((await freshStore().load([ownerId, first, second].map((keyId) => ({ tenantId, ownerId, keyId })))).size).toBe(0);
    expect((await freshStore().issue([unit(ownerId), unit(ownerId, randomUUID())])).size).toBe(0);

    const neverSeen = randomUUID();
    expect(await store.destroy({ tenantId, ownerId: neverSeen })).toBe(0);
    expect((await freshStore().issue([unit(neverSeen, randomUUID())])).size).toBe(0);
  });

  it('holds writers’ locks until their work ends: an erasure waits for them, and writers after it are refused', async () => {
    const ownerId = randomUUID();
    const store = freshStore();
    await keyOf(store, ownerId);
    let release!: () => void;
    const writing = store.whileLive(async (assertLive) => {
      await assertLive([{ tenantId, ownerId }]);
      await new Promise<void>((resolve) => (release = resolve));
      return 'written';
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    let erased = false;
    const erasing = store.destroy({ tenantId, ownerId }).then(() => (erased = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(erased).toBe(false);
    release();
    expect(await writing).toBe('written');
    await erasing;
    await expect(freshStore().whileLive((assertLive) => assertLive([{ tenantId, ownerId }]))).rejects.toThrow(DataKeyDestroyedError);
  });

  it('rotates the key encryption key: rewraps every live key, leaves the data and destroyed keys as they are', async () => {
    const tenantId = randomUUID();
    const store = freshStore();
    const owners = [randomUUID(), randomUUID(), randomUUID()];
    const sealed = new Map<string, Buffer>();
    const keysOf = async (s: DataKeys, ownerId: string) => (await s.issue([{ tenantId, ownerId, unitId: ownerId }])).get(ownerId)!;
    for (const ownerId of owners) sealed.set(ownerId, seal(`note of ${ownerId}`, await keysOf(store, ownerId), ownerId));
    const destroyed = randomUUID();
    await keysOf(store, destroyed);
    await store.destroy({ tenantId, ownerId: destroyed });
    const previous = keyFile.currentKeyId();

    const current = await keyFile.rotate();
    // This run's brand only: the database holds other runs' keys, under key files this run doesn't have.
    const first = await store.rewrapAll({ tenantId, batchSize: 2 });
    expect(first).toEqual({ rewrapped: owners.length, unreadable: [] });
    expect((await store.rewrapAll({ tenantId })).rewrapped).toBe(0);
    await keyFile.retire(previous);

    for (const ownerId of owners) {
      expect((await rowOf(ownerId)).kekId).toBe(current);
      expect(unseal(sealed.get(ownerId)!, await keysOf(freshStore(), ownerId), ownerId).toString()).toBe(`note of ${ownerId}`);
    }
    expect(await rowOf(destroyed)).toMatchObject({ wrapped: null, kekId: null });
  });

  it('reports a key it cannot rewrap (its key encryption key is unknown here) and rewraps the others', async () => {
    const tenantId = randomUUID();
    const elsewhere = await LocalKeyFile.open(path.join(directory, 'other-kek.json'), { create: true });
    const orphan = randomUUID();
    await new DataKeys(dataSource, elsewhere).issue([{ tenantId, ownerId: orphan, unitId: orphan }]);
    const live = randomUUID();
    await freshStore().issue([{ tenantId, ownerId: live, unitId: live }]);
    await keyFile.rotate();

    const outcome = await freshStore().rewrapAll({ tenantId });
    expect(outcome.unreadable).toEqual([orphan]);
    expect((await rowOf(live)).kekId).toBe(keyFile.currentKeyId());
  });

  describe('moving the keys the ticket database held', () => {
    let tickets: DataSource;
    // A schema of its own in the test ticket database, shaped as that database was: data_keys, one key per end user.
    const schema = `moved_keys_${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      tickets = new DataSource({ type: 'postgres', url: testStack.databaseUrl('tickets'), applicationName: 'data-keys-move-test', extra: { options: `-c search_path=${schema}` } });
      await tickets.initialize();
      await tickets.query(`CREATE SCHEMA ${schema}`);
      await tickets.query(`CREATE TABLE data_keys (subject_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, kek_id text, wrapped bytea, created_at timestamptz NOT NULL DEFAULT now(), destroyed_at timestamptz)`);
    });

    afterAll(async () => {
      await tickets.query(`DROP SCHEMA ${schema} CASCADE`);
      await tickets.destroy();
    });

    it('copies every key (destroyed ones as tombstones) so values sealed before still open, then empties the old table; again, it does nothing', async () => {
      const tenantId = randomUUID();
      const [live, erased] = [randomUUID(), randomUUID()];
      const key = Buffer.alloc(32, 7);
      // Wrapped as keys were in the ticket database: bound to the brand and end user.
      const wrapped = await keyFile.wrap(key, `tenant:${tenantId}/end-user:${live}`);
      const insert = `INSERT INTO data_keys (subject_id, tenant_id, kek_id, wrapped, destroyed_at) VALUES ($1, $2, $3, $4, $5)`;
      await tickets.query(insert, [live, tenantId, wrapped.kekId, wrapped.wrapped, null]);
      await tickets.query(insert, [erased, tenantId, null, null, new Date()]);

      expect(await moveDataKeysToVault(tickets, dataSource, 1)).toBe(2);
      expect(await tickets.query(`SELECT count(*)::int AS count FROM data_keys`)).toEqual([{ count: 0 }]);
      expect(await moveDataKeysToVault(tickets, dataSource)).toBe(0);

      const opened = await freshStore().load([live, erased].map((keyId) => ({ tenantId, ownerId: keyId, keyId })));
      expect(opened.get(live)?.equals(key)).toBe(true);
      expect(opened.has(erased)).toBe(false);
      expect((await freshStore().issue([{ tenantId, ownerId: erased, unitId: randomUUID() }])).size).toBe(0);
    });

    it('keeps a key destroyed on either side destroyed, and stops without deleting at two different live keys of one end user', async () => {
      const tenantId = randomUUID();
      const [erasedHere, twice] = [randomUUID(), randomUUID()];
      const insert = `INSERT INTO data_keys (subject_id, tenant_id, kek_id, wrapped, destroyed_at) VALUES ($1, $2, $3, $4, $5)`;
      // Moved once while live; erased in the ticket database by a previous version's worker before the second run.
      const before = await keyFile.wrap(Buffer.alloc(32, 1), `tenant:${tenantId}/end-user:${erasedHere}`);
      await tickets.query(insert, [erasedHere, tenantId, before.kekId, before.wrapped, null]);
      await moveDataKeysToVault(tickets, dataSource);
      await tickets.query(insert, [erasedHere, tenantId, null, null, new Date()]);
      expect(await moveDataKeysToVault(tickets, dataSource)).toBe(1);
      expect(await rowOf(erasedHere)).toMatchObject({ wrapped: null, destroyedAt: expect.any(Date) });

      // A key made in the vault, and another one in the ticket database since.
      await freshStore().issue([{ tenantId, ownerId: twice, unitId: twice }]);
      const other = await keyFile.wrap(Buffer.alloc(32, 2), `tenant:${tenantId}/end-user:${twice}`);
      await tickets.query(insert, [twice, tenantId, other.kekId, other.wrapped, null]);
      await expect(moveDataKeysToVault(tickets, dataSource)).rejects.toThrow(`end user ${twice} has one data key in the ticket database and another in the key vault`);
      expect(await tickets.query(`SELECT subject_id FROM data_keys`)).toEqual([{ subject_id: twice }]);
      await tickets.query(`DELETE FROM data_keys`);
    });
  });
});
