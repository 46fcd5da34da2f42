import { z } from 'zod';
import { SealableJson, SealableText, transitSealed } from './transit-sealed';

const installId = z.string().min(1).max(128);

export const sdkVersionsSchema = z
  .object({
    sdk: z.string().min(1).max(32),
    app: z.string().min(1).max(64).optional(),
    os: z.string().min(1).max(64).optional(),
  })
  .strict();

/**
 * What a person typed (message bodies, identity, custom fields and metadata, the advertising id,
 * attachment names, FAQ queries) travels on the raw topic sealed under the transit key of its
 * message, attachment or search (`TRANSIT_SEALED_FIELDS`), the key its clean copies are sealed
 * under too: a redaction destroying it leaves the raw copy Kafka retains unreadable as well.
 * Version 1 travelled clear: its schema is the clear form, and the classifier still reads it.
 */
const clear = { text: z.string(), message: z.string().min(1), fileName: z.string().min(1).max(255), query: z.string().min(1).max(500), json: z.record(z.string(), z.unknown()) };
const sealed = { text: transitSealed, message: transitSealed, fileName: transitSealed, query: transitSealed, json: transitSealed };

/**
 * A conversation as the SDK opened it, after the gateway authenticated and bounded it and before
 * the classifier applied the disclosure. It may hold fields Sieve does not collect (the SDK sends
 * what the brand gave it); nothing downstream of the classifier may read this topic.
 */
const conversationOpened = <T extends SealableText, M extends SealableText, J extends SealableJson>(form: { text: T; message: M; json: J }) =>
  z
    .object({
      appId: z.string().min(1),
      installId,
      conversationId: z.uuid(),
      clientEventId: z.string().min(1).max(128),
      fullPrivacy: z.boolean(),
      countryCode: z.string().length(2).nullable(),
      message: z.object({ id: z.uuid(), body: form.message }).strict(),
      identity: z.object({ name: z.optional(form.text), email: z.optional(form.text) }).strict().optional(),
      device: z
        .object({
          platform: z.string().optional(),
          model: z.string().optional(),
          advertisingId: z.optional(form.text),
        })
        .strict()
        .optional(),
      versions: sdkVersionsSchema,
      customFields: z.optional(form.json),
      metadata: z.optional(form.json),
    })
    .strict();
export const sdkConversationOpenedV1 = conversationOpened(clear);
export const sdkConversationOpenedV2 = conversationOpened(sealed);
export type SdkConversationOpenedV1 = z.infer<typeof sdkConversationOpenedV1>;

const rawBase = {
  appId: z.string().min(1),
  installId,
  clientEventId: z.string().min(1).max(128),
  fullPrivacy: z.boolean(),
  versions: sdkVersionsSchema,
};

/** A further message from the end user in an open conversation. */
const messageSent = <M extends SealableText>(form: { message: M }) =>
  z
    .object({
      ...rawBase,
      conversationId: z.uuid(),
      message: z.object({ id: z.uuid(), body: form.message }).strict(),
    })
    .strict();
export const sdkMessageSentV1 = messageSent(clear);
export const sdkMessageSentV2 = messageSent(sealed);
export type SdkMessageSentV1 = z.infer<typeof sdkMessageSentV1>;

/** An attachment the end user sent; the bytes are in the blob store, the event holds a reference. */
const attachmentAdded = <F extends SealableText>(form: { fileName: F }) =>
  z
    .object({
      ...rawBase,
      conversationId: z.uuid(),
      attachment: z
        .object({
          id: z.uuid(),
          blobKey: z.string().min(1),
          fileName: form.fileName,
          contentType: z.string().min(1).max(100),
          sizeBytes: z.number().int().nonnegative(),
        })
        .strict(),
    })
    .strict();
export const sdkAttachmentAddedV1 = attachmentAdded(clear);
export const sdkAttachmentAddedV2 = attachmentAdded(sealed);
export type SdkAttachmentAddedV1 = z.infer<typeof sdkAttachmentAddedV1>;

/** A session event (product interaction), for active-usage counting. */
export const sdkSessionEventV1 = z
  .object({
    ...rawBase,
    eventTime: z.iso.datetime({ offset: true }),
    kind: z.enum(['session-start', 'session-end', 'foreground', 'background']),
    /** Usage details a brand chooses to pass (the disclosure allows it); not linked to the user. */
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type SdkSessionEventV1 = z.infer<typeof sdkSessionEventV1>;

/** A search of the in-app FAQ (search history: collected, linked to the user). */
const faqSearched = <Q extends SealableText>(form: { query: Q }) => z.object({ ...rawBase, searchId: z.uuid(), query: form.query, searchedAt: z.iso.datetime({ offset: true }) }).strict();
export const sdkFaqSearchedV1 = faqSearched(clear);
export const sdkFaqSearchedV2 = faqSearched(sealed);
export type SdkFaqSearchedV1 = z.infer<typeof sdkFaqSearchedV1>;

/** A click on a link in an agent reply: the one browsing record the disclosure allows. */
export const sdkLinkClickedV1 = z
  .object({ ...rawBase, conversationId: z.uuid(), messageId: z.uuid(), url: z.string().min(1).max(2_048), clickedAt: z.iso.datetime({ offset: true }) })
  .strict();
export type SdkLinkClickedV1 = z.infer<typeof sdkLinkClickedV1>;

/** A crash report (collected, not linked to the user). */
export const sdkCrashReportedV1 = z
  .object({
    ...rawBase,
    reportId: z.uuid(),
    crashedAt: z.iso.datetime({ offset: true }),
    device: z.object({ platform: z.string().optional(), model: z.string().optional() }).strict().optional(),
    crash: z.object({ type: z.string().min(1).max(200), message: z.string().max(2_000).optional(), stackTrace: z.string().max(30_000).optional() }).strict(),
  })
  .strict();
export type SdkCrashReportedV1 = z.infer<typeof sdkCrashReportedV1>;

/** Any other diagnostics report (collected, not linked). Performance data never gets here. */
export const sdkDiagnosticReportedV1 = z
  .object({
    ...rawBase,
    reportId: z.uuid(),
    reportedAt: z.iso.datetime({ offset: true }),
    name: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()),
  })
  .strict();
export type SdkDiagnosticReportedV1 = z.infer<typeof sdkDiagnosticReportedV1>;
