import { EntityManager } from 'typeorm';
import { StaffCredentialEntity, StaffRole } from './entities/staff-credential.entity';
import { TenantEntity } from './entities/tenant.entity';

export class StaffCredentialRepository {
  constructor(private readonly manager: EntityManager) {}

  async findByTokenHash(tokenHash: string): Promise<{ tenantId: string; role: StaffRole; credentialId: string } | null> {
    const row = await this.manager.getRepository(StaffCredentialEntity).findOne({ where: { tokenHash } });
    return row ? { tenantId: row.tenantId, role: row.role, credentialId: row.id } : null;
  }

  async upsertTenant(tenant: Pick<TenantEntity, 'id' | 'name'>): Promise<void> {
    await this.manager.getRepository(TenantEntity).upsert(tenant, ['id']);
  }

  /** Replaces the credential with this id (same label and role, new token). */
  async putCredential(credential: Pick<StaffCredentialEntity, 'id' | 'tenantId' | 'role' | 'label' | 'tokenHash'> & Partial<Pick<StaffCredentialEntity, 'createdBy'>>): Promise<void> {
    await this.manager.getRepository(StaffCredentialEntity).upsert(credential, ['id']);
  }

  listOf(tenantId: string): Promise<StaffCredentialEntity[]> {
    return this.manager.getRepository(StaffCredentialEntity).find({ where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Removes a credential of this brand; false if the brand has none with this id. */
  async revoke(tenantId: string, id: string): Promise<boolean> {
    const result = await this.manager.getRepository(StaffCredentialEntity).delete({ tenantId, id });
    return (result.affected ?? 0) > 0;
  }
}
