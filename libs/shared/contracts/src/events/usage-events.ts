import { z } from 'zod';

/** A session event of one install, for active-usage counting. Not linked to a user. */
export const usageSessionEventV1 = z
  .object({
    appId: z.string().min(1),
    installId: z.string().min(1).max(128),
    eventTime: z.iso.datetime({ offset: true }),
    kind: z.enum(['session-start', 'session-end', 'foreground', 'background']),
    /** Usage details the brand passed, scanned for unsolicited personal data. */
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type UsageSessionEventV1 = z.infer<typeof usageSessionEventV1>;
