import { z } from 'zod';

/**
 * What the classifier did with one field, or with one piece of personal data found in free text.
 * Never carries the value: type, field, offsets (in the clean text), action, detector.
 */
export const piiFieldClassifiedV1 = z
  .object({
    sourceEventId: z.uuid(),
    sourceEventType: z.string().min(1),
    field: z.string().min(1),
    category: z.string().min(1),
    action: z.enum(['keep', 'keep-encrypted', 'drop', 'mask', 'coarsen', 'tag']),
    reason: z.enum(['not-collected', 'full-privacy', 'unmapped', 'not-linked', 'disclosure-exception']).optional(),
    piiType: z.string().min(1).optional(),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().nonnegative().optional(),
    confidence: z.number().min(0).max(1).optional(),
    detector: z.string().min(1).optional(),
  })
  .strict();
export type PiiFieldClassifiedV1 = z.infer<typeof piiFieldClassifiedV1>;
