import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { LocalKeyFile, seal, unseal } from '@sieve/crypto';
import { testStack } from '@sieve/testing';
import { DataKeyDestroyedError, DataKeys } from './data-keys';
import { DataKeyEntity } from './entities/data-key.entity';
import { createTicketsDataSource } from './tickets-data-source';

describe('per end user data keys in PostgreSQL', () => {
  let dataSource: DataSource;
  let directory: string;
  let keyFile: LocalKeyFile;
  const tenantId = randomUUID();
  /** A store as another instance (or a restarted one) sees it: nothing in memory. */
  const freshStore = () => new DataKeys(dataSource, keyFile, { ttlMs: 60_000, maxEntries: 100 });
  const rowOf = (subjectId: string) => dataSource.getRepository(DataKeyEntity).findOneByOrFail({ subjectId });

  beforeAll(async () => {
    dataSource = createTicketsDataSource(testStack.databaseUrl('tickets'), 'data-keys-test', 4);
    await dataSource.initialize();
    directory = mkdtempSync(path.join(tmpdir(), 'sieve-kek-'));
    keyFile = await LocalKeyFile.open(path.join(directory, 'kek.json'), { create: true });
  });

  afterAll(async () => {
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it('makes an end user’s key on first use, stores it only wrapped, and every instance gets the same key', async () => {
    const subjectId = randomUUID();
    const key = await freshStore().keyOf(tenantId, subjectId);
    const row = await rowOf(subjectId);
    expect(row.kekId).toBe(keyFile.currentKeyId());
    expect(row.wrapped?.includes(key)).toBe(false);
    expect((await freshStore().keyOf(tenantId, subjectId)).equals(key)).toBe(true);
  });

  it('gives instances racing to make the same key one key', async () => {
    const subjectId = randomUUID();
    const keys = await Promise.all(Array.from({ length: 5 }, () => freshStore().keyOf(tenantId, subjectId)));
    for (const key of keys) expect(key.equals(keys[0])).toBe(true);
  });

  it('refuses the key of an end user of another brand', async () => {
    const subjectId = randomUUID();
    await freshStore().keyOf(tenantId, subjectId);
    await expect(freshStore().keyOf(randomUUID(), subjectId)).rejects.toThrow(/under another brand/);
  });

  it('destroys a key for good: what it sealed stays unreadable and no new key replaces it', async () => {
    const subjectId = randomUUID();
    const store = freshStore();
    const sealed = seal('my card is 5555 5555 5555 4444', await store.keyOf(tenantId, subjectId), `messages.body:${subjectId}`);

    expect(await store.destroy(tenantId, subjectId)).toBe(true);
    const row = await rowOf(subjectId);
    expect(row).toMatchObject({ wrapped: null, kekId: null, destroyedAt: expect.any(Date) });
    await expect(store.keyOf(tenantId, subjectId)).rejects.toThrow(DataKeyDestroyedError);
    await expect(freshStore().keyOf(tenantId, subjectId)).rejects.toThrow(DataKeyDestroyedError);
    expect(await store.destroy(tenantId, subjectId)).toBe(false);
    // The sealed copy (a backup, say) has nothing left to open it with.
    expect(sealed.toString('latin1')).not.toContain('5555');
  });

  it('rotates the key encryption key: rewraps every live key, leaves the data and destroyed keys as they are', async () => {
    const tenantId = randomUUID();
    const store = freshStore();
    const subjects = [randomUUID(), randomUUID(), randomUUID()];
    const sealed = new Map<string, Buffer>();
    for (const subjectId of subjects) sealed.set(subjectId, seal(`note of ${subjectId}`, await store.keyOf(tenantId, subjectId), subjectId));
    const destroyed = randomUUID();
    await store.keyOf(tenantId, destroyed);
    await store.destroy(tenantId, destroyed);
    const previous = keyFile.currentKeyId();

    const current = await keyFile.rotate();
    // This run's brand only: the database holds other runs' keys, under key files this run doesn't have.
    const first = await store.rewrapAll({ tenantId, batchSize: 2 });
    expect(first).toEqual({ rewrapped: subjects.length, unreadable: [] });
    expect((await store.rewrapAll({ tenantId })).rewrapped).toBe(0);
    await keyFile.retire(previous);

    for (const subjectId of subjects) {
      expect((await rowOf(subjectId)).kekId).toBe(current);
      const key = await freshStore().keyOf(tenantId, subjectId);
      expect(unseal(sealed.get(subjectId)!, key, subjectId).toString()).toBe(`note of ${subjectId}`);
    }
    expect(await rowOf(destroyed)).toMatchObject({ wrapped: null, kekId: null });
  });

  it('reports a key it cannot rewrap (its key encryption key is unknown here) and rewraps the others', async () => {
    const tenantId = randomUUID();
    const elsewhere = await LocalKeyFile.open(path.join(directory, 'other-kek.json'), { create: true });
    const orphan = randomUUID();
    await new DataKeys(dataSource, elsewhere).keyOf(tenantId, orphan);
    const live = randomUUID();
    await freshStore().keyOf(tenantId, live);
    await keyFile.rotate();

    const outcome = await freshStore().rewrapAll({ tenantId });
    expect(outcome.unreadable).toEqual([orphan]);
    expect((await rowOf(live)).kekId).toBe(keyFile.currentKeyId());
  });
});
