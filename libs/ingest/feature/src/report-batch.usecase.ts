import { buildClearEvent, deterministicUuid } from '@sieve/contracts';
import { DeduplicationStore, RateLimiter } from '@sieve/ingest-data-access';
import { BatchEvent, checkBatchEvent, ReportBatchRequest } from '@sieve/ingest-domain';
import { AppPrincipal } from './app-authenticator';
import { rawEventMeta } from './raw-event-meta';
import { ClearRawEvent, RawEventPublisher } from './raw-event-publisher';
import { admitOrRefuse } from './rate-limit';

/** What the gateway answers for one event of a batch, in the batch's order. */
export type BatchEventResult =
  | { index: number; clientEventId: string; status: 'accepted' | 'duplicate' }
  | { index: number; clientEventId?: string; status: 'rejected'; reason: string; message: string; fields?: string[] };

/**
 * Writes a batch of background SDK events (sessions, FAQ searches, link clicks, crashes, other
 * diagnostics) to the SDK topic. Each event is checked on its own and answered on its own:
 * accepted (Kafka acknowledged it), duplicate (a retry of one it has), or rejected with a reason.
 * The accepted ones go in one produce request; if Kafka doesn't acknowledge it, nothing is accepted.
 */
export class ReportBatchUseCase {
  constructor(
    private readonly rawEvents: RawEventPublisher,
    private readonly deduplication: DeduplicationStore,
    private readonly rateLimiter: RateLimiter,
  ) {}

  async execute(app: AppPrincipal, request: ReportBatchRequest, context: { correlationId: string }): Promise<BatchEventResult[]> {
    await admitOrRefuse(this.rateLimiter, app.appId, request.installId, request.events.length);
    const results: BatchEventResult[] = [];
    const valid: { index: number; event: BatchEvent }[] = [];
    request.events.forEach((raw, index) => {
      const check = checkBatchEvent(raw);
      if (check.ok) valid.push({ index, event: check.event });
      else results[index] = { index, status: 'rejected', ...(check.clientEventId ? { clientEventId: check.clientEventId } : {}), reason: check.reason, message: check.message, ...(check.fields ? { fields: check.fields } : {}) };
    });

    const claims = await this.deduplication.claim(
      app.appId,
      valid.map(({ event }) => event.clientEventId),
    );
    const outgoing: ClearRawEvent[] = [];
    valid.forEach(({ index, event }, position) => {
      const claimed = claims[position].status === 'claimed';
      results[index] = { index, clientEventId: event.clientEventId, status: claimed ? 'accepted' : 'duplicate' };
      if (claimed) outgoing.push(toRawEvent(app, request, event, context.correlationId));
    });
    if (outgoing.length > 0) await this.rawEvents.publishClaimed(claims, outgoing);
    return results;
  }
}

/**
 * The raw event for one batch event, keyed for its consumers: install events by install id,
 * a link click by its conversation, a crash or diagnostic report by itself (no order between
 * reports matters, and keying them by install would tie them to one). Ids derive from the
 * client event id, so a retry that slips past the duplicate mark is written with the same ids.
 */
function toRawEvent(app: AppPrincipal, request: ReportBatchRequest, event: BatchEvent, correlationId: string): ClearRawEvent {
  const fullPrivacy = app.fullPrivacy || request.fullPrivacy === true;
  const base = { appId: app.appId, installId: request.installId, clientEventId: event.clientEventId, fullPrivacy, versions: request.versions };
  const id = (suffix: string) => deterministicUuid(app.appId, event.clientEventId, suffix);
  const meta = rawEventMeta(app, event.clientEventId, correlationId);
  switch (event.type) {
    case 'session': {
      // Full privacy: no custom data at all, and a brand's session properties are custom data.
      const properties = !fullPrivacy && event.properties ? { properties: event.properties } : {};
      return { key: request.installId, event: buildClearEvent('sdk.session-event', { ...base, eventTime: event.eventTime, kind: event.kind, ...properties }, meta) };
    }
    case 'faq-search':
      return { key: request.installId, event: buildClearEvent('sdk.faq-searched', { ...base, searchId: id('faq-search'), query: event.query, searchedAt: event.searchedAt }, meta) };
    case 'link-click':
      return {
        key: event.conversationId,
        event: buildClearEvent('sdk.link-clicked', { ...base, conversationId: event.conversationId, messageId: event.messageId, url: event.url, clickedAt: event.clickedAt }, meta),
      };
    case 'crash': {
      const reportId = id('crash');
      const device = event.device ? { device: event.device } : {};
      return { key: reportId, event: buildClearEvent('sdk.crash-reported', { ...base, reportId, crashedAt: event.crashedAt, ...device, crash: event.crash }, meta) };
    }
    case 'diagnostic': {
      const reportId = id('diagnostic');
      return { key: reportId, event: buildClearEvent('sdk.diagnostic-reported', { ...base, reportId, reportedAt: event.reportedAt, name: event.name, data: event.data }, meta) };
    }
  }

}
