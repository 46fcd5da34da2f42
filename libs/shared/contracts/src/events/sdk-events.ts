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

const rawBase = {
  appId: z.string().min(1),
  installId,
  clientEventId: z.string().min(1).max(128),
  fullPrivacy: z.boolean(),
  versions: sdkVersionsSchema,
};

/** A further message from the end user in an open conversation. */
export const sdkMessageSentV1 = z
  .object({
    ...rawBase,
    conversationId: z.uuid(),
    message: z.object({ id: z.uuid(), body: z.string().min(1) }).strict(),
  })
  .strict();
export type SdkMessageSentV1 = z.infer<typeof sdkMessageSentV1>;

/** An attachment the end user sent; the bytes are in the blob store, the event holds a reference. */
export const sdkAttachmentAddedV1 = z
  .object({
    ...rawBase,
    conversationId: z.uuid(),
    attachment: z
      .object({
        id: z.uuid(),
        blobKey: z.string().min(1),
        fileName: z.string().min(1).max(255),
        contentType: z.string().min(1).max(100),
        sizeBytes: z.number().int().nonnegative(),
      })
      .strict(),
  })
  .strict();
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
export const sdkFaqSearchedV1 = z
  .object({ ...rawBase, searchId: z.uuid(), query: z.string().min(1).max(500), searchedAt: z.iso.datetime({ offset: true }) })
  .strict();
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
