import { z } from 'zod';

/** `POST /v1/conversations/:conversationId/messages`: a further message from the end user. */
export const sendMessageRequestSchema = z
  .object({
    clientEventId: z.string().min(1).max(128),
    installId: z.string().min(1).max(128),
    message: z.object({ body: z.string().trim().min(1).max(10_000) }).strict(),
    versions: z.object({ sdk: z.string().min(1).max(32), app: z.string().max(64).optional(), os: z.string().max(64).optional() }).strict(),
    fullPrivacy: z.boolean().optional(),
  })
  .strict();

export type SendMessageRequest = z.infer<typeof sendMessageRequestSchema>;
