import { DataSource } from 'typeorm';
import { AccessLogRepository, ConversationRepository, DataOwner, EndUserRepository, PersonalData, SealedField, SHREDDED } from '@sieve/tickets-data-access';
import { DownloadLinks } from './download-links';
import { StaffPrincipal } from './staff-authenticator';
import { TicketsError } from './tickets.error';
import { requirePathUuid } from './parse-request';

/** Who had content redacted (the requester's staff id), when, and in which job. */
export interface RedactionMarkerView {
  by: string | null;
  at: string;
  jobId: string | null;
}

/**
 * A value that was redacted (or whose end user's data key was destroyed) reads as null, with
 * `redacted` true; a message redacted in ranges keeps its body, with markers where they were.
 */
export interface MessageView {
  id: string;
  author: string;
  body: string | null;
  redacted: boolean;
  redaction: RedactionMarkerView | null;
  /** The categories of personal data the classifier found in the body. */
  piiTags: string[];
  sentAt: string;
}

export interface AttachmentView {
  id: string;
  fileName: string | null;
  redacted: boolean;
  redaction: RedactionMarkerView | null;
  /** A short-lived link to the bytes (relative to this API), for whoever read the conversation; null once redacted. */
  downloadPath: string | null;
  contentType: string;
  sizeBytes: number;
  addedAt: string;
}

export interface ConversationView {
  id: string;
  appId: string;
  status: string;
  countryCode: string | null;
  platform: string | null;
  sdkVersion: string;
  appVersion: string | null;
  /** Null once the end user's data key was destroyed. */
  customFields: Record<string, unknown> | null;
  openedAt: string;
  endUser: { id: string; name: string | null; email: string | null };
  messages: MessageView[];
  attachments: AttachmentView[];
}

/** One conversation with its messages and attachments, opened for staff of the brand that owns it; every read is in the access log. */
export class GetConversationQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly personalData: PersonalData,
    private readonly downloadLinks: DownloadLinks,
  ) {}

  async execute(staff: StaffPrincipal, conversationId: string): Promise<ConversationView> {
    requirePathUuid(conversationId, 'conversation');
    const found = await new ConversationRepository(this.dataSource.manager).findWithMessages(staff.tenantId, conversationId);
    // Another brand's conversation is "not found" too: the answer must not confirm it exists.
    if (!found) throw new TicketsError('not-found', `No conversation ${conversationId} in this brand.`);
    const { conversation, messages, attachments } = found;
    // Recorded before anything personal is opened: a read that fails halfway is still on record.
    await new AccessLogRepository(this.dataSource.manager).record({ tenantId: staff.tenantId, staffCredentialId: staff.credentialId, action: 'conversation.read', conversationId });
    const owner: DataOwner = { tenantId: conversation.tenantId, endUserId: conversation.endUserId };
    const endUser = await new EndUserRepository(this.dataSource.manager).find(owner.tenantId, owner.endUserId);
    // The keys loaded at once, not by each of the (maybe hundreds of) values opened below.
    await this.personalData.prepareToOpen(
      [conversation.customFieldsSealed, endUser?.nameSealed, endUser?.emailSealed, ...messages.map(({ bodySealed }) => bodySealed), ...attachments.map(({ fileNameSealed }) => fileNameSealed)].map((sealed) => ({ owner, sealed })),
    );
    const open = (field: SealedField, rowId: string, sealed: Buffer | null | undefined) => this.openText(owner, field, rowId, sealed);
    return {
      id: conversation.id,
      appId: conversation.appId,
      status: conversation.status,
      countryCode: conversation.countryCode,
      platform: conversation.platform,
      sdkVersion: conversation.sdkVersion,
      appVersion: conversation.appVersion,
      customFields: await this.customFieldsOf(owner, conversation.id, conversation.customFieldsSealed),
      openedAt: conversation.openedAt.toISOString(),
      endUser: {
        id: owner.endUserId,
        name: (await open('end_users.name', owner.endUserId, endUser?.nameSealed)).text,
        email: (await open('end_users.email', owner.endUserId, endUser?.emailSealed)).text,
      },
      messages: await Promise.all(
        messages.map(async (message) => {
          const body = await open('messages.body', message.id, message.bodySealed);
          // A redacted message keeps its row and loses its body.
          const redacted = message.bodySealed === null || body.shredded;
          return { id: message.id, author: message.author, body: body.text, redacted, redaction: markerOf(message), piiTags: message.piiTags, sentAt: message.sentAt.toISOString() };
        }),
      ),
      attachments: await Promise.all(
        attachments.map(async (attachment) => {
          const fileName = await open('attachments.file_name', attachment.id, attachment.fileNameSealed);
          const redacted = attachment.redactedAt !== null || fileName.shredded;
          return {
            id: attachment.id,
            fileName: fileName.text,
            redacted,
            redaction: markerOf(attachment),
            downloadPath: redacted ? null : this.downloadLinks.pathFor({ tenantId: owner.tenantId, attachmentId: attachment.id, staffCredentialId: staff.credentialId }),
            contentType: attachment.contentType,
            sizeBytes: attachment.sizeBytes,
            addedAt: attachment.addedAt.toISOString(),
          };
        }),
      ),
    };
  }

  private async customFieldsOf(owner: DataOwner, conversationId: string, sealed: Buffer | null): Promise<Record<string, unknown> | null> {
    if (!sealed) return {};
    const { text } = await this.openText(owner, 'conversations.custom_fields', conversationId, sealed);
    return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
  }

  /** A sealed text opened; null where there is none, or once its end user's data key was destroyed (`shredded`). */
  private async openText(owner: DataOwner, field: SealedField, rowId: string, sealed: Buffer | null | undefined): Promise<{ text: string | null; shredded: boolean }> {
    if (!sealed) return { text: null, shredded: false };
    const opened = await this.personalData.open(owner, field, rowId, sealed);
    return opened === SHREDDED ? { text: null, shredded: true } : { text: opened.toString('utf8'), shredded: false };
  }
}

function markerOf({ redactedAt, redactedBy, redactionJobId }: { redactedAt: Date | null; redactedBy: string | null; redactionJobId: string | null }): RedactionMarkerView | null {
  return redactedAt && { by: redactedBy, at: redactedAt.toISOString(), jobId: redactionJobId };
}
