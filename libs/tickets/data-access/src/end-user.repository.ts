import { EntityManager } from 'typeorm';
import { EndUserEntity } from './entities/end-user.entity';
import { insertOnce } from './insert-once';

export type NewEndUser = Pick<EndUserEntity, 'id' | 'tenantId' | 'appId' | 'installId'>;

/** End users, made on first sight of their install. Every read names the tenant. */
export class EndUserRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Makes the end user unless they exist; false if the install is known under another brand. */
  async ensure(endUser: NewEndUser): Promise<boolean> {
    await insertOnce(this.manager, EndUserEntity, endUser);
    return this.manager.getRepository(EndUserEntity).exists({ where: { id: endUser.id, tenantId: endUser.tenantId } });
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
