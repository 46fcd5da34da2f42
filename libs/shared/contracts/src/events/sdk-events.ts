import { z } from 'zod';

const installId = z.string().min(1).max(128);

export const sdkVersionsSchema = z
  .object({
    sdk: z.string().min(1).max(32),
    app: z.string().min(1).max(64).optional(),
    os: z.string().min(1).max(64).optional(),
  })
  .strict();

/**
 * A conversation as the SDK opened it, after the gateway authenticated and bounded it and before
 * the classifier applied the disclosure. It may hold fields Sieve does not collect (the SDK sends
 * what the brand gave it); nothing downstream of the classifier may read this topic.
 */
export const sdkConversationOpenedV1 = z
  .object({
    appId: z.string().min(1),
    installId,
    conversationId: z.uuid(),
    clientEventId: z.string().min(1).max(128),
    fullPrivacy: z.boolean(),
    countryCode: z.string().length(2).nullable(),
    message: z.object({ id: z.uuid(), body: z.string().min(1) }).strict(),
    identity: z.object({ name: z.string().optional(), email: z.string().optional() }).strict().optional(),
    device: z
      .object({
        platform: z.string().optional(),
        model: z.string().optional(),
        advertisingId: z.string().optional(),
      })
      .strict()
      .optional(),
    versions: sdkVersionsSchema,
    customFields: z.record(z.string(), z.unknown()).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type SdkConversationOpenedV1 = z.infer<typeof sdkConversationOpenedV1>;
