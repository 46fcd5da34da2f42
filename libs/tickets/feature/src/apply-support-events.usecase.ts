import { DataSource, EntityManager } from 'typeorm';
import { EventOn, Topics } from '@sieve/contracts';
import { ConsumedEvent, PermanentEventError } from '@sieve/kafka';
import { ConversationRepository, InboxRepository } from '@sieve/tickets-data-access';

export const TICKET_STORE_CONSUMER = 'ticket-store';

type SupportEvent = EventOn<typeof Topics.support>;

/**
 * Applies clean support events to the ticket store: the inbox row and the effect are written in
 * one transaction per batch, so a redelivered or replayed event changes nothing.
 */
export class ApplySupportEventsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(batch: ConsumedEvent<typeof Topics.support>[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inbox = new InboxRepository(manager);
      for (const { event } of batch) {
        if (!(await inbox.recordFirstDelivery(TICKET_STORE_CONSUMER, event.id))) continue;
        await apply(event, manager);
      }
    });
  }
}

async function apply(event: SupportEvent, manager: EntityManager): Promise<void> {
  const conversations = new ConversationRepository(manager);
  switch (event.type) {
    case 'support.conversation-opened': {
      const { payload } = event;
      const openedAt = new Date(event.occurredAt);
      const { ownerTenantId } = await conversations.insertIfAbsent({
        id: payload.conversationId,
        tenantId: event.tenantId,
        appId: payload.appId,
        installId: payload.installId,
        countryCode: payload.countryCode,
        platform: payload.device?.platform ?? null,
        sdkVersion: payload.versions.sdk,
        appVersion: payload.versions.app ?? null,
        customFields: payload.customFields ?? {},
        openedAt,
      });
      if (ownerTenantId !== event.tenantId) {
        throw new PermanentEventError('tenant-mismatch', 'the conversation id already belongs to another tenant');
      }
      await insertEndUserMessage(conversations, event.tenantId, payload.conversationId, payload.message, openedAt);
      return;
    }
    case 'support.message-sent': {
      const { payload } = event;
      // Order holds per conversation (its id is the key), so the conversation exists unless the
      // event is not this tenant's to write.
      if (!(await conversations.belongsTo(event.tenantId, payload.conversationId))) {
        throw new PermanentEventError('unknown-conversation', 'no conversation with this id in this tenant');
      }
      await insertEndUserMessage(conversations, event.tenantId, payload.conversationId, payload.message, new Date(event.occurredAt));
      return;
    }
    case 'support.attachment-added':
    case 'support.faq-searched':
    case 'support.link-clicked':
      // Their tables arrive with the ticket-store issue; until then the dead-letter topic keeps
      // these events for replay rather than the offset moving past them.
      throw new PermanentEventError('not-yet-stored', `${event.type} is not stored by this version of the ticket store`);
  }
}

function insertEndUserMessage(
  conversations: ConversationRepository,
  tenantId: string,
  conversationId: string,
  message: { id: string; body: string },
  sentAt: Date,
): Promise<void> {
  return conversations.insertMessageIfAbsent({ id: message.id, tenantId, conversationId, author: 'end-user', body: message.body, sentAt });
}
