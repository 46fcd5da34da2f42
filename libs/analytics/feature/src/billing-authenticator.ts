import { StaffDirectory, StaffDirectoryUnavailableError, StaffIdentity } from '@sieve/service-runtime';
import { AnalyticsError } from './analytics.error';

/** The billing API is for a brand's billing staff only: every figure is about their own brand. */
export class BillingAuthenticator {
  constructor(private readonly staff: StaffDirectory) {}

  async authenticate(authorization: string | undefined): Promise<StaffIdentity> {
    if (!/^Bearer \S+$/.test(authorization ?? '')) throw new AnalyticsError('unauthenticated', 'Send a billing staff token as "Authorization: Bearer <token>".');
    let identity: StaffIdentity | null;
    try {
      identity = await this.staff.whoIs(authorization!);
    } catch (error) {
      if (error instanceof StaffDirectoryUnavailableError) throw new AnalyticsError('dependency-unavailable', 'Staff tokens can’t be checked right now (the ticket store does not answer). Retry shortly.');
      throw error;
    }
    if (!identity) throw new AnalyticsError('unauthenticated', 'The staff token is not valid. Ask a brand admin for a new one.');
    if (identity.role !== 'billing') throw new AnalyticsError('forbidden', `The ${identity.role} role cannot read billing figures; it needs the billing role.`);
    return identity;
  }
}
