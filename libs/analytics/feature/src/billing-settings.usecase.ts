import { z } from 'zod';
import { BillingPeriodsRepository } from '@sieve/analytics-data-access';
import { checkTimeZone } from '@sieve/analytics-domain';
import { AnalyticsError } from './analytics.error';
import { parseRequest } from './parse-request';

export const billingSettingsSchema = z
  .object({
    timeZone: z
      .string()
      .min(1)
      .refine((zone) => {
        try {
          checkTimeZone(zone);
          return true;
        } catch {
          return false;
        }
      }, 'not an IANA time zone name (like "Europe/Paris" or "UTC")')
      .describe('IANA name of the zone whose days and months the brand is billed by.'),
  })
  .strict();

export interface BillingSettings {
  timeZone: string;
}

/** A brand's billing time zone: set once, before anything is counted in it. */
export class BillingSettingsUseCase {
  constructor(private readonly periods: BillingPeriodsRepository) {}

  async get(tenantId: string): Promise<BillingSettings> {
    return { timeZone: await this.periods.timeZoneOf(tenantId) };
  }

  async set(tenantId: string, body: unknown): Promise<BillingSettings> {
    const { timeZone } = parseRequest(billingSettingsSchema, body);
    const outcome = await this.periods.setTimeZone(tenantId, timeZone);
    if (outcome !== 'set') {
      throw new AnalyticsError(
        'conflict',
        `The billing time zone can't change any more: usage is already counted in another zone (from ${outcome.fixedBy}), and moving the days and months under counted figures would make them wrong. Ask Sieve support to migrate the brand to a new zone from a month boundary.`,
      );
    }
    return { timeZone };
  }
}
