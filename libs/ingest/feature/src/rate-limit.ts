import { RateLimiter } from '@sieve/ingest-data-access';
import { IngestError } from '@sieve/ingest-domain';

/** Lets `events` events of an install in, or refuses the request with when to retry (429). */
export async function admitOrRefuse(limiter: RateLimiter, appId: string, installId: string, events: number): Promise<void> {
  const admission = await limiter.admit(appId, installId, events);
  if (admission.admitted) return;
  const message =
    admission.limit === 'app'
      ? `This app sends more than ${limiter.limits.appEventsPerSecond} events a second; nothing of this request was accepted. Retry after ${admission.retryAfterSeconds} s.`
      : `This install sends more than ${limiter.limits.installEventsPerMinute} events a minute; nothing of this request was accepted. Send fewer, larger batches, and retry after ${admission.retryAfterSeconds} s.`;
  throw new IngestError('rate-limited', message, [], admission.retryAfterSeconds);
}
