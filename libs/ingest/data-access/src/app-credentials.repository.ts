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
}
