import { buildClearEvent, deterministicUuid } from '@sieve/contracts';
import { DeduplicationStore, RateLimiter } from '@sieve/ingest-data-access';
import { SendMessageRequest } from '@sieve/ingest-domain';
import { AppPrincipal } from './app-authenticator';
import { RawEventPublisher } from './raw-event-publisher';
import { rawEventMeta } from './raw-event-meta';
import { admitOrRefuse } from './rate-limit';

export interface SendMessageResult {
  status: 'accepted' | 'duplicate';
  messageId: string;
}

/**
 * A further end-user message in a conversation: one raw event keyed by the conversation, so the
 * ticket store applies a conversation's messages in order. Whether the conversation exists and
 * belongs to this app is the ticket store's to check (it owns conversations); the gateway only
 * admits the app.
 */
export class SendMessageUseCase {
  constructor(
    private readonly rawEvents: RawEventPublisher,
    private readonly deduplication: DeduplicationStore,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async execute(app: AppPrincipal, conversationId: string, request: SendMessageRequest, context: { correlationId: string }): Promise<SendMessageResult> {
    const messageId = deterministicUuid(app.appId, request.clientEventId, 'message');
    await admitOrRefuse(this.rateLimiter, app.appId, request.installId, 1);
    const claims = await this.deduplication.claim(app.appId, [request.clientEventId]);
    if (claims[0].status === 'duplicate') return { status: 'duplicate', messageId };
    const payload = {
      appId: app.appId,
      installId: request.installId,
      clientEventId: request.clientEventId,
      fullPrivacy: app.fullPrivacy || request.fullPrivacy === true,
      versions: request.versions,
      conversationId,
      message: { id: messageId, body: request.message.body },
    };
    const event = buildClearEvent('sdk.message-sent', payload, rawEventMeta(app, request.clientEventId, context.correlationId));
    await this.rawEvents.publishClaimed(claims, [{ key: conversationId, event }]);
    return { status: 'accepted', messageId };
  }
}
