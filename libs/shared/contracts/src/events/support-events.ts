import { z } from 'zod';
import { sdkVersionsSchema } from './sdk-events';

/** A conversation after classification: only what the disclosure says Sieve collects. */
export const supportConversationOpenedV1 = z
  .object({
    appId: z.string().min(1),
    installId: z.string().min(1).max(128),
    conversationId: z.uuid(),
    countryCode: z.string().length(2).nullable(),
    message: z.object({ id: z.uuid(), body: z.string().min(1) }).strict(),
    identity: z.object({ name: z.string().optional(), email: z.string().optional() }).strict().optional(),
    device: z.object({ platform: z.string().optional(), model: z.string().optional() }).strict().optional(),
    versions: sdkVersionsSchema,
    customFields: z.record(z.string(), z.unknown()).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type SupportConversationOpenedV1 = z.infer<typeof supportConversationOpenedV1>;
