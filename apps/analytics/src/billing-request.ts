import { HttpException, HttpStatus } from '@nestjs/common';
import { AnalyticsError, AnalyticsErrorCode, BillingAuthenticator } from '@sieve/analytics-feature';

const STATUS: Record<AnalyticsErrorCode, HttpStatus> = {
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'invalid-request': HttpStatus.BAD_REQUEST,
  conflict: HttpStatus.CONFLICT,
  'dependency-unavailable': HttpStatus.SERVICE_UNAVAILABLE,
};

/** Authenticates billing staff, then does the work; analytics errors become their HTTP answer. */
export async function asBillingStaff<T>(
  authenticator: BillingAuthenticator,
  authorization: string | undefined,
  work: (staff: { tenantId: string; staffId: string }) => Promise<T>,
): Promise<T> {
  try {
    return await work(await authenticator.authenticate(authorization));
  } catch (error) {
    if (error instanceof AnalyticsError) throw new HttpException({ error: { code: error.code, message: error.message } }, STATUS[error.code]);
    throw error;
  }
}
