import { DataSource, IsNull } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity';
import { AppEntity } from './entities/app.entity';

export interface AppCredential {
  appId: string;
  tenantId: string;
  fullPrivacy: boolean;
  /** Set where the app requires signed identities. */
  identitySecret: string | null;
}

export class AppCredentialsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The app a live (unrevoked) key belongs to, or null. */
  async findByKeyHash(keyHash: string): Promise<AppCredential | null> {
    const row = await this.dataSource
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('key')
      .innerJoin(AppEntity, 'app', 'app.id = key.app_id')
      .select(['app.id AS "appId"', 'app.tenant_id AS "tenantId"', 'app.full_privacy AS "fullPrivacy"', 'app.identity_secret AS "identitySecret"'])
      .where('key.key_hash = :keyHash AND key.revoked_at IS NULL', { keyHash })
      .getRawOne<AppCredential>();
    return row ?? null;
  }

  /** Creates or updates an app. */
  async upsertApp(app: Pick<AppEntity, 'id' | 'tenantId' | 'name' | 'fullPrivacy' | 'identitySecret'>): Promise<void> {
    await this.dataSource.getRepository(AppEntity).upsert(app, ['id']);
  }

  /** Revokes the app's current keys and stores a new one, in one transaction. */
  async replaceKeys(appId: string, newKey: { id: string; keyHash: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(ApiKeyEntity).update({ appId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await manager.getRepository(ApiKeyEntity).insert({ id: newKey.id, appId, keyHash: newKey.keyHash, revokedAt: null });
    });
  }

  /** The brand an app belongs to, or null for no such app. */
  async tenantOf(appId: string): Promise<string | null> {
    return (await this.dataSource.getRepository(AppEntity).findOne({ select: { tenantId: true }, where: { id: appId } }))?.tenantId ?? null;
  }

  /** The app's keys, live and revoked, oldest first (hashes only). */
  keysOf(appId: string): Promise<ApiKeyEntity[]> {
    return this.dataSource.getRepository(ApiKeyEntity).find({ where: { appId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async addKey(appId: string, key: { id: string; keyHash: string }): Promise<ApiKeyEntity> {
    await this.dataSource.getRepository(ApiKeyEntity).insert({ id: key.id, appId, keyHash: key.keyHash, revokedAt: null });
    return this.dataSource.getRepository(ApiKeyEntity).findOneByOrFail({ id: key.id });
  }

  /**
   * Revokes a live key of the app, unless it is the app's last live key (an app with none can't
   * send anything). The revoked key, or what stood in the way.
   */
  async revokeKey(appId: string, keyId: string): Promise<ApiKeyEntity | 'not-found' | 'last-live-key'> {
    return this.dataSource.transaction(async (manager) => {
      const keys = manager.getRepository(ApiKeyEntity);
      // Serialises revocations of one app's keys, so two can't each leave the other as the last.
      const live = await keys.find({ where: { appId, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      const key = live.find(({ id }) => id === keyId);
      if (!key) return 'not-found';
      if (live.length === 1) return 'last-live-key';
      await keys.update({ id: keyId }, { revokedAt: new Date() });
      return key;
    });
  }
}
