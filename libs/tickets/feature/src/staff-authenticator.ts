import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { StaffCredentialRepository, StaffRole } from '@sieve/tickets-data-access';
import { TicketsError } from './tickets.error';

export interface StaffPrincipal {
  tenantId: string;
  role: StaffRole;
  credentialId: string;
}

const TOKEN_PREFIX = 'sieve_st_';

export function generateStaffToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashStaffToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Admits staff on a per-brand bearer token and checks the role an action needs. */
export class StaffAuthenticator {
  constructor(private readonly dataSource: DataSource) {}

  async authenticate(authorization: string | undefined, allowedRoles: readonly StaffRole[]): Promise<StaffPrincipal> {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw new TicketsError('unauthenticated', 'Send a staff token as "Authorization: Bearer <token>".');
    const principal = await new StaffCredentialRepository(this.dataSource.manager).findByTokenHash(hashStaffToken(token));
    if (!principal) throw new TicketsError('unauthenticated', 'The staff token is not valid. Ask a brand admin for a new one.');
    if (!allowedRoles.includes(principal.role)) {
      throw new TicketsError('forbidden', `The ${principal.role} role cannot do this; it needs one of: ${allowedRoles.join(', ')}.`);
    }
    return principal;
  }
}
