import { z } from 'zod';
import { sdkVersionsSchema } from './sdk-events';

/**
 * A message after classification: its body with what the classifier masked or coarsened, and the
 * categories of personal data it found in it (disclosure category ids, never the values).
 */
const classifiedMessage = (body: z.ZodString) => z.object({ id: z.uuid(), body, piiTags: z.array(z.string().min(1)).optional() }).strict();

/** A conversation after classification: only what the disclosure says Sieve collects. */
export const supportConversationOpenedV1 = z
  .object({
    appId: z.string().min(1),
    installId: z.string().min(1).max(128),
    conversationId: z.uuid(),
    countryCode: z.string().length(2).nullable(),
    message: classifiedMessage(z.string().min(1)),
    identity: z.object({ name: z.string().optional(), email: z.string().optional() }).strict().optional(),
    device: z.object({ platform: z.string().optional(), model: z.string().optional() }).strict().optional(),
    versions: sdkVersionsSchema,
    customFields: z.record(z.string(), z.unknown()).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type SupportConversationOpenedV1 = z.infer<typeof supportConversationOpenedV1>;

export const supportMessageSentV1 = z
  .object({
    appId: z.string().min(1),
    installId: z.string().min(1).max(128),
    conversationId: z.uuid(),
    message: classifiedMessage(z.string()),
  })
  .strict();
export type SupportMessageSentV1 = z.infer<typeof supportMessageSentV1>;

export const supportAttachmentAddedV1 = z
  .object({
    appId: z.string().min(1),
    installId: z.string().min(1).max(128),
    conversationId: z.uuid(),
    attachment: z
      .object({ id: z.uuid(), blobKey: z.string().min(1), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int().nonnegative() })
      .strict(),
  })
  .strict();
export type SupportAttachmentAddedV1 = z.infer<typeof supportAttachmentAddedV1>;

/** An FAQ search, linked to the end user (by install) as the disclosure says. */
export const supportFaqSearchedV1 = z
  .object({ appId: z.string().min(1), installId: z.string().min(1).max(128), searchId: z.uuid(), query: z.string(), searchedAt: z.iso.datetime({ offset: true }) })
  .strict();
export type SupportFaqSearchedV1 = z.infer<typeof supportFaqSearchedV1>;

/** A click on a link in an agent reply, linked to the conversation. */
export const supportLinkClickedV1 = z
  .object({ appId: z.string().min(1), conversationId: z.uuid(), messageId: z.uuid(), url: z.string(), clickedAt: z.iso.datetime({ offset: true }) })
  .strict();
export type SupportLinkClickedV1 = z.infer<typeof supportLinkClickedV1>;
