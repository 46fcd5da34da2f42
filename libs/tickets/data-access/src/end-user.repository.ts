import { EntityManager, In } from 'typeorm';
import { EndUserEntity } from './entities/end-user.entity';
import { insertOnce } from './insert-once';

export type NewEndUser = Pick<EndUserEntity, 'id' | 'tenantId' | 'appId' | 'installId'>;

/** End users, made on first sight of their install. Every read names the tenant. */
export class EndUserRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Makes the end users that don't exist yet; the ids of those that are not (or not only) this brand's to write. */
  async ensure(endUsers: readonly NewEndUser[]): Promise<Set<string>> {
    if (endUsers.length === 0) return new Set();
    // In id order: batches of different partitions then take their row locks in the same order.
    await insertOnce(this.manager, EndUserEntity, [...endUsers].sort((a, b) => a.id.localeCompare(b.id)));
    const stored = await this.manager.getRepository(EndUserEntity).find({ select: { id: true, tenantId: true }, where: { id: In(endUsers.map(({ id }) => id)) } });
    const owners = new Map(stored.map(({ id, tenantId }) => [id, tenantId]));
    return new Set(endUsers.filter(({ id, tenantId }) => owners.get(id) !== tenantId).map(({ id }) => id));
  }

  /** The newest identity the end user gave (sealed); a field not given keeps what was known. */
  async setIdentity(tenantId: string, id: string, identity: { nameSealed?: Buffer; emailSealed?: Buffer }): Promise<void> {
    if (!identity.nameSealed && !identity.emailSealed) return;
    await this.manager.getRepository(EndUserEntity).update({ tenantId, id }, identity);
  }

  find(tenantId: string, id: string): Promise<EndUserEntity | null> {
    return this.manager.getRepository(EndUserEntity).findOneBy({ tenantId, id });
  }
}
