import { z } from 'zod';
import { sdkVersionsSchema } from './sdk-events';
import { SealableJson, SealableText, transitSealed } from './transit-sealed';

/*
 * Support events in two forms: clear (what the classifier makes, and what a consumer has once it
 * opened the sealed fields) and as they travel (`…V2`, the topic's schema), where every field a
 * person typed is sealed under a transit key (`TRANSIT_SEALED_FIELDS`). Version 1 travelled clear:
 * its schema is the clear form, and consumers still read it (`TransitSealing.open` passes it on).
 */

const clear = { text: z.string(), nonEmpty: z.string().min(1), json: z.record(z.string(), z.unknown()) };
const sealed = { text: transitSealed, nonEmpty: transitSealed, json: transitSealed };

/**
 * A message after classification: its body with what the classifier masked or coarsened, and the
 * categories of personal data it found in it (disclosure category ids, never the values).
 */
const classifiedMessage = <B extends SealableText>(body: B) => z.object({ id: z.uuid(), body, piiTags: z.array(z.string().min(1)).optional() }).strict();

/** A conversation after classification: only what the disclosure says Sieve collects. */
const conversationOpened = <T extends SealableText, N extends SealableText, J extends SealableJson>(form: { text: T; nonEmpty: N; json: J }) =>
  z
    .object({
      appId: z.string().min(1),
      installId: z.string().min(1).max(128),
      conversationId: z.uuid(),
      countryCode: z.string().length(2).nullable(),
      message: classifiedMessage(form.nonEmpty),
      identity: z.object({ name: z.optional(form.text), email: z.optional(form.text) }).strict().optional(),
      device: z.object({ platform: z.string().optional(), model: z.string().optional() }).strict().optional(),
      versions: sdkVersionsSchema,
      customFields: z.optional(form.json),
      metadata: z.optional(form.json),
    })
    .strict();
export const supportConversationOpenedClear = conversationOpened(clear);
export const supportConversationOpenedV2 = conversationOpened(sealed);
export type SupportConversationOpenedClear = z.infer<typeof supportConversationOpenedClear>;
export type SupportConversationOpenedV2 = z.infer<typeof supportConversationOpenedV2>;

const messageSent = <T extends SealableText>(form: { text: T }) =>
  z
    .object({
      appId: z.string().min(1),
      installId: z.string().min(1).max(128),
      conversationId: z.uuid(),
      message: classifiedMessage(form.text),
    })
    .strict();
export const supportMessageSentClear = messageSent(clear);
export const supportMessageSentV2 = messageSent(sealed);
export type SupportMessageSentV2 = z.infer<typeof supportMessageSentV2>;

const attachmentAdded = <T extends SealableText>(form: { text: T }) =>
  z
    .object({
      appId: z.string().min(1),
      installId: z.string().min(1).max(128),
      conversationId: z.uuid(),
      attachment: z
        .object({ id: z.uuid(), blobKey: z.string().min(1), fileName: form.text, contentType: z.string(), sizeBytes: z.number().int().nonnegative() })
        .strict(),
    })
    .strict();
export const supportAttachmentAddedClear = attachmentAdded(clear);
export const supportAttachmentAddedV2 = attachmentAdded(sealed);
export type SupportAttachmentAddedV2 = z.infer<typeof supportAttachmentAddedV2>;

/** An FAQ search, linked to the end user (by install) as the disclosure says. */
const faqSearched = <T extends SealableText>(form: { text: T }) =>
  z
    .object({ appId: z.string().min(1), installId: z.string().min(1).max(128), searchId: z.uuid(), query: form.text, searchedAt: z.iso.datetime({ offset: true }) })
    .strict();
export const supportFaqSearchedClear = faqSearched(clear);
export const supportFaqSearchedV2 = faqSearched(sealed);
export type SupportFaqSearchedV2 = z.infer<typeof supportFaqSearchedV2>;

/** A click on a link in an agent reply, linked to the conversation. */
export const supportLinkClickedV1 = z
  .object({ appId: z.string().min(1), conversationId: z.uuid(), messageId: z.uuid(), url: z.string(), clickedAt: z.iso.datetime({ offset: true }) })
  .strict();
export type SupportLinkClickedV1 = z.infer<typeof supportLinkClickedV1>;
