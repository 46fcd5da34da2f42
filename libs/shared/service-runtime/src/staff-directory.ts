import { z } from 'zod';

export interface StaffIdentity {
  tenantId: string;
  role: string;
  staffId: string;
}

/** The ticket store could not be asked whose a staff token is. */
export class StaffDirectoryUnavailableError extends Error {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`the ticket store could not say whose the staff token is: ${detail}`, options);
    this.name = 'StaffDirectoryUnavailableError';
  }
}

const identitySchema = z.object({ tenantId: z.string().min(1), role: z.string().min(1), staffId: z.string().min(1) });

/**
 * Whose a staff token is, asked of the ticket store (which owns staff and their tokens) rather
 * than read from its database: the other services take staff tokens only for a few endpoints
 * (the gateway's app keys, the analytics billing API).
 */
export class StaffDirectory {
  constructor(
    private readonly ticketStoreUrl: string,
    private readonly timeoutMs = 3_000,
  ) {}

  /** The token's brand and role; null if the token is not valid. */
  async whoIs(authorization: string): Promise<StaffIdentity | null> {
    let response: Response;
    try {
      response = await fetch(new URL('/v1/staff/me', this.ticketStoreUrl), { headers: { authorization }, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new StaffDirectoryUnavailableError('no answer', { cause: error });
    }
    if (response.status === 401) return null;
    if (!response.ok) throw new StaffDirectoryUnavailableError(`it answered ${response.status}`);
    const parsed = identitySchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new StaffDirectoryUnavailableError('its answer was not a staff identity');
    return parsed.data;
  }
}
