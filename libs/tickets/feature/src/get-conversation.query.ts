import { DataSource } from 'typeorm';
import { z } from 'zod';
import { ConversationRepository } from '@sieve/tickets-data-access';
import { StaffPrincipal } from './staff-authenticator';
import { TicketsError } from './tickets.error';

export interface ConversationView {
  id: string;
  appId: string;
  status: string;
  countryCode: string | null;
  platform: string | null;
  sdkVersion: string;
  appVersion: string | null;
  customFields: Record<string, unknown>;
  openedAt: string;
  messages: { id: string; author: string; body: string; sentAt: string }[];
}

/** One conversation with its messages, for an agent of the brand that owns it. */
export class GetConversationQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(staff: StaffPrincipal, conversationId: string): Promise<ConversationView> {
    if (!z.uuid().safeParse(conversationId).success) {
      throw new TicketsError('invalid-request', 'The conversation id in the path must be a UUID.');
    }
    const found = await new ConversationRepository(this.dataSource.manager).findWithMessages(staff.tenantId, conversationId);
    // Another brand's conversation is "not found" too: the answer must not confirm it exists.
    if (!found) throw new TicketsError('not-found', `No conversation ${conversationId} in this brand.`);
    const { conversation, messages } = found;
    return {
      id: conversation.id,
      appId: conversation.appId,
      status: conversation.status,
      countryCode: conversation.countryCode,
      platform: conversation.platform,
      sdkVersion: conversation.sdkVersion,
      appVersion: conversation.appVersion,
      customFields: conversation.customFields,
      openedAt: conversation.openedAt.toISOString(),
      messages: messages.map((m) => ({ id: m.id, author: m.author, body: m.body, sentAt: m.sentAt.toISOString() })),
    };
  }
}
