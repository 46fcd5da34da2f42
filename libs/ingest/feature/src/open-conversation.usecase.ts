import { buildClearEvent, deterministicUuid, SdkConversationOpenedV1 } from '@sieve/contracts';
import { DeduplicationStore, RateLimiter } from '@sieve/ingest-data-access';
import { Identity, IngestError, OpenConversationRequest, verifyIdentity } from '@sieve/ingest-domain';
import { AppPrincipal } from './app-authenticator';
import { AppConfigurations } from './app-configurations';
import { RawEventPublisher } from './raw-event-publisher';
import { rawEventMeta } from './raw-event-meta';
import { admitOrRefuse } from './rate-limit';

export interface OpenConversationResult {
  status: 'accepted' | 'duplicate';
  conversationId: string;
  messageId: string;
}

/**
 * Opens a conversation for an SDK: one raw event on the SDK topic, keyed by conversation id.
 * "Accepted" means Kafka acknowledged it; only then is the client event id marked as seen.
 */
export class OpenConversationUseCase {
  constructor(
    private readonly rawEvents: RawEventPublisher,
    private readonly deduplication: DeduplicationStore,
    private readonly rateLimiter: RateLimiter,
    private readonly configurations: AppConfigurations,
  ) {}

  async execute(
    app: AppPrincipal,
    request: OpenConversationRequest,
    context: { correlationId: string; countryCode: string | null },
  ): Promise<OpenConversationResult> {
    // Ids derive from the client event id: a retry that slips past the duplicate mark still
    // produces the same conversation, which the ticket store writes once.
    const conversationId = deterministicUuid(app.appId, request.clientEventId, 'conversation');
    const messageId = deterministicUuid(app.appId, request.clientEventId, 'message');
    const fullPrivacy = app.fullPrivacy || request.fullPrivacy === true;
    // Under full privacy identity and custom fields are dropped unread; otherwise the identity must
    // be vouched for where the app requires it, and custom fields must fit the app's definitions.
    const identity = fullPrivacy ? undefined : verifiedIdentity(app, request);
    if (!fullPrivacy) await this.configurations.checkCustomFields(app, request.customFields);
    await admitOrRefuse(this.rateLimiter, app.appId, request.installId, 1);
    const [claim] = await this.deduplication.claim(app.appId, [request.clientEventId]);
    if (claim.status === 'duplicate') return { status: 'duplicate', conversationId, messageId };

    const payload: SdkConversationOpenedV1 = {
      appId: app.appId,
      installId: request.installId,
      conversationId,
      clientEventId: request.clientEventId,
      fullPrivacy,
      countryCode: context.countryCode,
      message: { id: messageId, body: request.message.body },
      versions: request.versions,
      ...(request.device ? { device: request.device } : {}),
      // Full privacy: Sieve receives no custom data at all — no identity, custom fields or metadata.
      ...(fullPrivacy
        ? {}
        : {
            ...(identity ? { identity } : {}),
            ...(request.customFields ? { customFields: request.customFields } : {}),
            ...(request.metadata ? { metadata: request.metadata } : {}),
          }),
    };
    const event = buildClearEvent('sdk.conversation-opened', payload, rawEventMeta(app, request.clientEventId, context.correlationId));

    await this.rawEvents.publishClaimed([claim], [{ key: conversationId, event }]);
    return { status: 'accepted', conversationId, messageId };
  }
}

function verifiedIdentity(app: AppPrincipal, request: OpenConversationRequest): Identity | undefined {
  const check = verifyIdentity(app.identitySecret, request.identity, request.identityToken);
  if (!check.ok) throw new IngestError('identity-unverified', `The identity can't be accepted: ${check.problem}. Nothing was written.`, ['identity']);
  return check.identity;
}
