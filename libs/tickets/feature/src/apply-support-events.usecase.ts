import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { BlobStore, readWhole } from '@sieve/blob-store';
import { ClearEventOn, endUserIdOf, EventOn, Topics } from '@sieve/contracts';
import { ConsumedEvent, PermanentEventError } from '@sieve/kafka';
import { DataKeyConflictError, DataKeyDestroyedError, KEY_GONE, TransitKeyConflictError, TransitSealing } from '@sieve/key-vault';
import {
  AttachmentEntity,
  ConversationRepository,
  DataOwner,
  EndUserRepository,
  FaqSearchEntity,
  InboxRepository,
  insertOnce,
  LinkClickEntity,
  NewConversation,
  NewEndUser,
  NewMessage,
  PersonalData,
  SealTarget,
} from '@sieve/tickets-data-access';

export const TICKET_STORE_CONSUMER = 'ticket-store';

type SupportEvent = ClearEventOn<typeof Topics.support>;
type SupportEventOf<T extends SupportEvent['type']> = Extract<SupportEvent, { type: T }>;

/** Where an attachment's sealed bytes live, beside the upload they replace. */
export const sealedBlobKeyOf = (uploadKey: string) => `${uploadKey}.sealed`;

/** The upload a sealed copy replaced (deleted once the copy was committed, unless a crash came between). */
export const uploadBlobKeyOf = (sealedKey: string) => sealedKey.replace(/\.sealed$/, '');

/** An event opened from its transit key. One whose key is gone was redacted before it was ever stored (a replay, or a long outage): it is not stored now. */
function storable(event: SupportEvent | typeof KEY_GONE): SupportEvent {
  if (event === KEY_GONE) throw new PermanentEventError('content-redacted', 'the content of this event was redacted (its transit key is destroyed): nothing of it is stored');
  return event;
}

/** Key failures no retry can fix: the event goes to the dead-letter topic. */
function permanentFailureOf(error: unknown): PermanentEventError | null {
  if (error instanceof DataKeyDestroyedError) return new PermanentEventError('data-key-destroyed', 'the end user was erased, or this content redacted (its data key is destroyed): it is not stored again');
  if (error instanceof DataKeyConflictError || error instanceof TransitKeyConflictError) return new PermanentEventError('id-conflict', 'an id in the event (conversation, message or attachment) belongs to another brand or end user');
  return null;
}

/**
 * Applies clean support events to the ticket store: the inbox rows and the effects of a batch are
 * written in one transaction, so a redelivered or replayed event changes nothing. Personal data is
 * sealed with data keys from the key vault before it is written. A batch is applied a kind of row at a
 * time (end users, conversations, then what hangs off them), in a few statements per kind: order
 * within a conversation holds because its rows are keyed and timed by their events.
 */
export class ApplySupportEventsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly personalData: PersonalData,
    private readonly blobs: BlobStore,
    private readonly transit: TransitSealing,
  ) {}

  async execute(batch: ConsumedEvent<typeof Topics.support>[]): Promise<void> {
    const events = batch.map(({ event }) => event);
    try {
      // The key vault's work first: the transaction holds a vault connection for its live-key locks, and must not wait for another.
      await this.prepareKeys(events);
      const opened = await this.transit.open(events);
      await this.personalData.whileLive((assertLive) =>
        this.dataSource.transaction(async (manager) => {
          const fresh = await new InboxRepository(manager).recordFirstDeliveries(TICKET_STORE_CONSUMER, events.map(({ id }) => id));
          // An event is applied once, also when the batch holds it twice.
          const unseen = opened.filter((_, index) => fresh.delete(events[index].id));
          if (unseen.length > 0) await this.apply(unseen.map(storable), manager, assertLive);
        }),
      );
    } catch (error) {
      const failure = permanentFailureOf(error) ?? error;
      // An attachment that will never be stored leaves no bytes behind (the consumer retries one event at a time before it gives up).
      const [only] = events;
      if (failure instanceof PermanentEventError && events.length === 1 && only.type === 'support.attachment-added') await this.removeUpload(only.payload.attachment.blobKey);
      throw failure;
    }
    // The plaintext uploads go only once their sealed copies are committed; also for events
    // applied before (a crash may have come between that commit and this delete).
    for (const event of events) {
      if (event.type === 'support.attachment-added') await this.blobs.delete(event.payload.attachment.blobKey);
    }
  }

  /**
   * The data keys of what the batch seals (its end users', and one per message, attachment and
   * conversation), made or loaded in the key vault before its transaction: a key must outlive a
   * batch that rolls back.
   */
  private async prepareKeys(events: readonly EventOn<typeof Topics.support>[]): Promise<void> {
    const stored = await new ConversationRepository(this.dataSource.manager).ownersOf(events.flatMap((event) => ('conversationId' in event.payload ? [event.payload.conversationId] : [])));
    const opening = new Map(events.flatMap(({ tenantId, type, payload }) => (type === 'support.conversation-opened' ? [[payload.conversationId, { tenantId, endUserId: endUserIdOf(tenantId, payload.appId, payload.installId) }] as const] : [])));
    // The owner the transaction will find (a stored conversation's, else the one this batch opens); an event naming neither fails there.
    const ownerOf = (conversationId: string): DataOwner | undefined => stored.get(conversationId) ?? opening.get(conversationId);
    const targets = events.flatMap(({ tenantId, type, payload }): SealTarget[] => {
      switch (type) {
        case 'support.faq-searched':
          return [{ owner: { tenantId, endUserId: endUserIdOf(tenantId, payload.appId, payload.installId) }, field: 'faq_searches.query', rowId: payload.searchId }];
        case 'support.conversation-opened':
        case 'support.message-sent': {
          const owner = ownerOf(payload.conversationId);
          if (!owner) return [];
          return [
            { owner, field: 'messages.body', rowId: payload.message.id },
            ...(type === 'support.conversation-opened' ? [{ owner, field: 'conversations.custom_fields' as const, rowId: payload.conversationId }] : []),
          ];
        }
        case 'support.attachment-added': {
          const owner = ownerOf(payload.conversationId);
          return owner ? [{ owner, field: 'attachments.bytes', rowId: payload.attachment.id }] : [];
        }
        default:
          return [];
      }
    });
    await this.personalData.prepare(targets);
  }

  private async removeUpload(uploadKey: string): Promise<void> {
    await this.blobs.delete(uploadKey);
    await this.blobs.delete(sealedBlobKeyOf(uploadKey));
  }

  private async apply(events: SupportEvent[], manager: EntityManager, assertLive: (owners: readonly DataOwner[]) => Promise<void>): Promise<void> {
    const ofType = <T extends SupportEvent['type']>(type: T) => events.filter((event): event is SupportEventOf<T> => event.type === type);
    const opened = ofType('support.conversation-opened');
    const searches = ofType('support.faq-searched');
    const conversations = new ConversationRepository(manager);

    // End users of the installs that opened conversations or searched.
    const installs = [...opened, ...searches].map(({ tenantId, payload }): NewEndUser => ({ id: endUserIdOf(tenantId, payload.appId, payload.installId), tenantId, appId: payload.appId, installId: payload.installId }));
    if ((await new EndUserRepository(manager).ensure(installs)).size > 0) throw new PermanentEventError('tenant-mismatch', 'the install is known under another tenant');

    const newConversations: NewConversation[] = [];
    for (const { tenantId, occurredAt, payload } of opened) {
      const endUserId = endUserIdOf(tenantId, payload.appId, payload.installId);
      newConversations.push({
        id: payload.conversationId,
        tenantId,
        endUserId,
        appId: payload.appId,
        installId: payload.installId,
        countryCode: payload.countryCode,
        platform: payload.device?.platform ?? null,
        sdkVersion: payload.versions.sdk,
        appVersion: payload.versions.app ?? null,
        customFieldsSealed: await this.personalData.seal({ tenantId, endUserId }, 'conversations.custom_fields', payload.conversationId, JSON.stringify(payload.customFields ?? {})),
        openedAt: new Date(occurredAt),
      });
    }
    await conversations.insertIfAbsent(newConversations);
    const owners = await conversations.ownersOf(events.flatMap((event) => ('conversationId' in event.payload ? [event.payload.conversationId] : [])));
    // Whose data this batch writes: none of them may be (or become, while it runs) erased; what it wrote so far rolls back if one is.
    await assertLive([...installs.map(({ tenantId, id }) => ({ tenantId, endUserId: id })), ...owners.values()]);
    /**
     * The owner of the event's conversation: of this brand, app and install (the gateway lets any
     * install of an app name a conversation; only the one that opened it may write to it).
     */
    const ownerOf = ({ tenantId, type, payload }: SupportEvent & { payload: { conversationId: string; appId: string } }): DataOwner => {
      const owner = owners.get(payload.conversationId);
      if (owner && owner.tenantId !== tenantId && type === 'support.conversation-opened') throw new PermanentEventError('tenant-mismatch', 'the conversation id already belongs to another tenant');
      if (!owner || owner.tenantId !== tenantId) throw new PermanentEventError('unknown-conversation', 'no conversation with this id in this tenant');
      if (owner.appId !== payload.appId || ('installId' in payload && owner.installId !== payload.installId)) {
        throw new PermanentEventError('not-this-install', 'the conversation belongs to another install or app');
      }
      return { tenantId, endUserId: owner.endUserId };
    };
    const installOwner = ({ tenantId, payload }: SupportEventOf<'support.faq-searched'>): DataOwner => ({ tenantId, endUserId: endUserIdOf(tenantId, payload.appId, payload.installId) });

    const endUsers = new EndUserRepository(manager);
    for (const event of opened) {
      if (!event.payload.identity) continue;
      const owner = ownerOf(event);
      const { name, email } = event.payload.identity;
      await endUsers.setIdentity(owner.tenantId, owner.endUserId, {
        ...(name ? { nameSealed: await this.personalData.seal(owner, 'end_users.name', owner.endUserId, name) } : {}),
        ...(email ? { emailSealed: await this.personalData.seal(owner, 'end_users.email', owner.endUserId, email) } : {}),
      });
    }

    const messages: NewMessage[] = [];
    for (const event of [...opened, ...ofType('support.message-sent')]) {
      const owner = ownerOf(event);
      const { id, body, piiTags = [] } = event.payload.message;
      messages.push({
        id,
        tenantId: owner.tenantId,
        conversationId: event.payload.conversationId,
        endUserId: owner.endUserId,
        author: 'end-user',
        bodySealed: await this.personalData.seal(owner, 'messages.body', id, body),
        piiTags,
        sentAt: new Date(event.occurredAt),
      });
    }
    await conversations.insertMessagesIfAbsent(messages);

    for (const event of ofType('support.attachment-added')) {
      const owner = ownerOf(event);
      const { attachment } = event.payload;
      await insertOnce(manager, AttachmentEntity, {
        id: attachment.id,
        tenantId: owner.tenantId,
        conversationId: event.payload.conversationId,
        endUserId: owner.endUserId,
        blobKey: await this.sealUpload(owner, attachment.id, attachment.blobKey),
        fileNameSealed: await this.personalData.seal(owner, 'attachments.file_name', attachment.id, attachment.fileName),
        contentType: attachment.contentType,
        sizeBytes: attachment.sizeBytes,
        addedAt: new Date(event.occurredAt),
      });
    }

    const searchRows = [];
    for (const event of searches) {
      const owner = installOwner(event);
      const { appId, searchId, query, searchedAt } = event.payload;
      searchRows.push({ id: searchId, tenantId: owner.tenantId, appId, endUserId: owner.endUserId, querySealed: await this.personalData.seal(owner, 'faq_searches.query', searchId, query), searchedAt: new Date(searchedAt) });
    }
    await insertOnce(manager, FaqSearchEntity, searchRows);

    await insertOnce(
      manager,
      LinkClickEntity,
      ofType('support.link-clicked').map((event) => {
        const { tenantId } = ownerOf(event);
        const { conversationId, messageId, url, clickedAt } = event.payload;
        return { id: event.id, tenantId, conversationId, messageId, url, clickedAt: new Date(clickedAt) };
      }),
    );
  }

  /**
   * Seals the bytes the gateway stored as uploaded under the attachment's key, beside the upload;
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
