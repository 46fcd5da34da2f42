import { z } from 'zod';

/** What the classifier did to one field. Never carries the value. */
export const piiFieldClassifiedV1 = z
  .object({
    sourceEventId: z.uuid(),
    sourceEventType: z.string().min(1),
    field: z.string().min(1),
    category: z.string().min(1),
    action: z.enum(['keep', 'drop', 'mask', 'coarsen', 'tag']),
  })
  .strict();
export type PiiFieldClassifiedV1 = z.infer<typeof piiFieldClassifiedV1>;
