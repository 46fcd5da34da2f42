import { StaffRole } from '@sieve/tickets-data-access';
import { StaffAuthenticator, StaffPrincipal, TicketsError } from '@sieve/tickets-feature';
import { toHttpException } from './tickets-error.mapper';

/** Admits staff of one of `roles`, then does the work; ticket errors become their HTTP answer. */
export async function asStaff<T>(authenticator: StaffAuthenticator, authorization: string | undefined, roles: readonly StaffRole[], work: (principal: StaffPrincipal) => Promise<T>): Promise<T> {
  try {
    return await work(await authenticator.authenticate(authorization, roles));
  } catch (error) {
    throw error instanceof TicketsError ? toHttpException(error) : error;
  }
}
