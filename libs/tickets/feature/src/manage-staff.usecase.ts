import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { STAFF_ROLES, StaffCredentialEntity, StaffCredentialRepository, StaffRole } from '@sieve/tickets-data-access';
import { parseRequest, requirePathUuid } from './parse-request';
import { generateStaffToken, hashStaffToken, StaffPrincipal } from './staff-authenticator';
import { TicketsError } from './tickets.error';

export const newStaffRequestSchema = z.object({ role: z.enum(STAFF_ROLES), label: z.string().trim().min(1).max(200) }).strict();

export interface StaffMemberView {
  id: string;
  role: StaffRole;
  label: string;
  createdAt: string;
}

/**
 * A brand admin's staff: who holds a token of the brand and with which role. A token is shown
 * once, when it is made; Sieve keeps only its hash.
 */
export class ManageStaffUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async list(admin: StaffPrincipal): Promise<StaffMemberView[]> {
    const staff = await new StaffCredentialRepository(this.dataSource.manager).listOf(admin.tenantId);
    return staff.map(({ id, role, label, createdAt }) => ({ id, role, label, createdAt: createdAt.toISOString() }));
  }

  async add(admin: StaffPrincipal, body: unknown): Promise<StaffMemberView & { token: string }> {
    const { role, label } = parseRequest(newStaffRequestSchema, body);
    const token = generateStaffToken();
    const id = randomUUID();
    await new StaffCredentialRepository(this.dataSource.manager).putCredential({ id, tenantId: admin.tenantId, role, label, tokenHash: hashStaffToken(token), createdBy: admin.credentialId });
    const { createdAt } = await this.dataSource.getRepository(StaffCredentialEntity).findOneByOrFail({ id });
    return { id, role, label, createdAt: createdAt.toISOString(), token };
  }

  async revoke(admin: StaffPrincipal, id: string): Promise<void> {
    requirePathUuid(id, 'staff');
    // An admin can't lock themselves out by accident: another admin revokes them.
    if (id === admin.credentialId) throw new TicketsError('invalid-request', 'This is the token making the request; revoke it with another admin’s token.');
    if (!(await new StaffCredentialRepository(this.dataSource.manager).revoke(admin.tenantId, id))) throw new TicketsError('not-found', `No staff member ${id} in this brand.`);
  }
}
