import { z } from 'zod';

/**
 * The body of `POST /v1/conversations` as SDKs send it. Bounded at the door: lengths and counts
 * here keep one request from costing the platform more than it should.
 */
export const openConversationRequestSchema = z
  .object({
    clientEventId: z.string().min(1).max(128),
    installId: z.string().min(1).max(128),
    message: z.object({ body: z.string().trim().min(1).max(10_000) }).strict(),
    identity: z
      .object({
        name: z.string().min(1).max(200).optional(),
        email: z.email().max(320).optional(),
        /** Hex HMAC-SHA256 of "email\nname" with the app's identity secret, where the app requires signed identities. */
        signature: z.string().regex(/^[0-9a-f]{64}$/i).optional(),
      })
      .strict()
      .optional(),
    /** Or the identity as an HS256 JWT (claims name, email, exp) signed by the brand's server. */
    identityToken: z.string().min(1).max(4_096).optional(),
    device: z
      .object({
        platform: z.enum(['ios', 'android', 'web']).optional(),
        model: z.string().max(100).optional(),
        // Older SDKs send the advertising id; the classifier drops it (the disclosure: Device ID is not collected).
        advertisingId: z.string().max(100).optional(),
      })
      .strict()
      .optional(),
    versions: z
      .object({ sdk: z.string().min(1).max(32), app: z.string().max(64).optional(), os: z.string().max(64).optional() })
      .strict(),
    customFields: z.record(z.string().max(64), z.unknown()).optional(),
    metadata: z.record(z.string().max(64), z.unknown()).optional(),
    fullPrivacy: z.boolean().optional(),
  })
  .strict();

export type OpenConversationRequest = z.infer<typeof openConversationRequestSchema>;
