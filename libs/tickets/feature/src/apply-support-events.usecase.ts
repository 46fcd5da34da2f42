import { DataSource } from 'typeorm';
import { Topics } from '@sieve/contracts';
import { ConsumedEvent, PermanentEventError } from '@sieve/kafka';
import { ConversationRepository, InboxRepository } from '@sieve/tickets-data-access';

export const TICKET_STORE_CONSUMER = 'ticket-store';

/**
 * Applies clean support events to the ticket store: the inbox row and the effect are written in
 * one transaction per batch, so a redelivered or replayed event changes nothing.
 */
export class ApplySupportEventsUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(batch: ConsumedEvent<typeof Topics.support>[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inbox = new InboxRepository(manager);
      const conversations = new ConversationRepository(manager);
      for (const { event } of batch) {
        if (!(await inbox.recordFirstDelivery(TICKET_STORE_CONSUMER, event.id))) continue;
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
        await conversations.insertMessageIfAbsent({
          id: payload.message.id,
          tenantId: event.tenantId,
          conversationId: payload.conversationId,
          author: 'end-user',
          body: payload.message.body,
          sentAt: openedAt,
        });
      }
    });
  }
}
