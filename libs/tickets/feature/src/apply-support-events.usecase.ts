import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { BlobStore, readWhole } from '@sieve/blob-store';
import { deterministicUuid, EventOn, Topics } from '@sieve/contracts';
import { ConsumedEvent, PermanentEventError } from '@sieve/kafka';
import {
  AttachmentEntity,
  ConversationRepository,
  DataOwner,
  EndUserRepository,
  FaqSearchEntity,
  InboxRepository,
  insertOnce,
  LinkClickEntity,
  PersonalData,
} from '@sieve/tickets-data-access';

export const TICKET_STORE_CONSUMER = 'ticket-store';

type SupportEvent = EventOn<typeof Topics.support>;

/** Sieve's profile id for the end user of an install: the same for every event of that install. */
export const endUserIdOf = (tenantId: string, appId: string, installId: string) => deterministicUuid(tenantId, appId, installId, 'end-user');

/** Where an attachment's sealed bytes live, beside the upload they replace. */
export const sealedBlobKeyOf = (uploadKey: string) => `${uploadKey}.sealed`;

/**
 * Applies clean support events to the ticket store: the inbox row and the effect are written in
 * one transaction per batch, so a redelivered or replayed event changes nothing. Personal data is
 * sealed with its end user's data key before it is written.
 */
export class ApplySupportEventsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly personalData: PersonalData,
    private readonly blobs: BlobStore,
  ) {}

  async execute(batch: ConsumedEvent<typeof Topics.support>[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inbox = new InboxRepository(manager);
      for (const { event } of batch) {
        if (!(await inbox.recordFirstDelivery(TICKET_STORE_CONSUMER, event.id))) continue;
        await this.apply(event, manager);
      }
    });
    // The plaintext uploads go only once their sealed copies are committed; also for events
    // applied before (a crash may have come between that commit and this delete).
    for (const { event } of batch) {
      if (event.type === 'support.attachment-added') await this.blobs.delete(event.payload.attachment.blobKey);
    }
  }

  private async apply(event: SupportEvent, manager: EntityManager): Promise<void> {
    const conversations = new ConversationRepository(manager);
    const { tenantId } = event;
    switch (event.type) {
      case 'support.conversation-opened': {
        const { payload } = event;
        const openedAt = new Date(event.occurredAt);
        const owner = await this.endUserOfInstall(manager, tenantId, payload.appId, payload.installId);
        if (payload.identity) {
          const { name, email } = payload.identity;
          await new EndUserRepository(manager).setIdentity(tenantId, owner.endUserId, {
            ...(name ? { nameSealed: await this.personalData.seal(owner, 'end_users.name', owner.endUserId, name) } : {}),
            ...(email ? { emailSealed: await this.personalData.seal(owner, 'end_users.email', owner.endUserId, email) } : {}),
          });
        }
        const { ownerTenantId } = await conversations.insertIfAbsent({
          id: payload.conversationId,
          tenantId,
          endUserId: owner.endUserId,
          appId: payload.appId,
          installId: payload.installId,
          countryCode: payload.countryCode,
          platform: payload.device?.platform ?? null,
          sdkVersion: payload.versions.sdk,
          appVersion: payload.versions.app ?? null,
          customFields: payload.customFields ?? {},
          openedAt,
        });
        if (ownerTenantId !== tenantId) throw new PermanentEventError('tenant-mismatch', 'the conversation id already belongs to another tenant');
        await this.insertEndUserMessage(conversations, owner, payload.conversationId, payload.message, openedAt);
        return;
      }
      case 'support.message-sent': {
        const { payload } = event;
        const owner = await conversationOwner(conversations, tenantId, payload.conversationId);
        await this.insertEndUserMessage(conversations, owner, payload.conversationId, payload.message, new Date(event.occurredAt));
        return;
      }
      case 'support.attachment-added': {
        const { payload } = event;
        const { attachment } = payload;
        const owner = await conversationOwner(conversations, tenantId, payload.conversationId);
        const blobKey = await this.sealUpload(owner, attachment.id, attachment.blobKey);
        await insertOnce(manager, AttachmentEntity, {
          id: attachment.id,
          tenantId,
          conversationId: payload.conversationId,
          endUserId: owner.endUserId,
          blobKey,
          fileNameSealed: await this.personalData.seal(owner, 'attachments.file_name', attachment.id, attachment.fileName),
          contentType: attachment.contentType,
          sizeBytes: attachment.sizeBytes,
          addedAt: new Date(event.occurredAt),
        });
        return;
      }
      case 'support.faq-searched': {
        const { payload } = event;
        const owner = await this.endUserOfInstall(manager, tenantId, payload.appId, payload.installId);
        await insertOnce(manager, FaqSearchEntity, {
          id: payload.searchId,
          tenantId,
          appId: payload.appId,
          endUserId: owner.endUserId,
          querySealed: await this.personalData.seal(owner, 'faq_searches.query', payload.searchId, payload.query),
          searchedAt: new Date(payload.searchedAt),
        });
        return;
      }
      case 'support.link-clicked': {
        const { payload } = event;
        await conversationOwner(conversations, tenantId, payload.conversationId);
        await insertOnce(manager, LinkClickEntity, {
          id: event.id,
          tenantId,
          conversationId: payload.conversationId,
          messageId: payload.messageId,
          url: payload.url,
          clickedAt: new Date(payload.clickedAt),
        });
        return;
      }
    }
  }

  private async endUserOfInstall(manager: EntityManager, tenantId: string, appId: string, installId: string): Promise<DataOwner> {
    const endUserId = endUserIdOf(tenantId, appId, installId);
    if (!(await new EndUserRepository(manager).ensure({ id: endUserId, tenantId, appId, installId }))) {
      throw new PermanentEventError('tenant-mismatch', 'the install is known under another tenant');
    }
    return { tenantId, endUserId };
  }

  private async insertEndUserMessage(conversations: ConversationRepository, owner: DataOwner, conversationId: string, message: { id: string; body: string }, sentAt: Date): Promise<void> {
    await conversations.insertMessageIfAbsent({
      id: message.id,
      tenantId: owner.tenantId,
      conversationId,
      endUserId: owner.endUserId,
      author: 'end-user',
      bodySealed: await this.personalData.seal(owner, 'messages.body', message.id, message.body),
      sentAt,
    });
  }

  /**
   * Seals the bytes the gateway stored as uploaded under the end user's key, beside the upload;
   * the upload itself is deleted once this batch is committed. A redelivery finds the sealed copy.
   */
  private async sealUpload(owner: DataOwner, attachmentId: string, uploadKey: string): Promise<string> {
    const sealedKey = sealedBlobKeyOf(uploadKey);
    if (await this.blobs.exists(uploadKey)) {
      const sealed = await this.personalData.seal(owner, 'attachments.bytes', attachmentId, await readWhole(this.blobs.read(uploadKey)));
      await this.blobs.put(sealedKey, Readable.from([sealed]), { maxBytes: sealed.length });
    } else if (!(await this.blobs.exists(sealedKey))) {
      throw new PermanentEventError('attachment-missing', 'the uploaded bytes of this attachment are not in the blob store');
    }
    return sealedKey;
  }
}

/** The owner of a conversation of this tenant; order holds per conversation, so it exists unless the event isn't this tenant's. */
async function conversationOwner(conversations: ConversationRepository, tenantId: string, conversationId: string): Promise<DataOwner> {
  const endUserId = await conversations.endUserOf(tenantId, conversationId);
  if (!endUserId) throw new PermanentEventError('unknown-conversation', 'no conversation with this id in this tenant');
  return { tenantId, endUserId };
}
