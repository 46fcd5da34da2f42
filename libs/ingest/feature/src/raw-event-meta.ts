import { deterministicUuid } from '@sieve/contracts';
import { AppPrincipal } from './app-authenticator';

export const GATEWAY_PRODUCER = 'ingest-gateway';

/**
 * The envelope of the raw event the gateway writes for a client event. Its id derives from the
 * client event id, so a retry that slips past the duplicate mark is written with the same id.
 */
export function rawEventMeta(app: AppPrincipal, clientEventId: string, correlationId: string) {
  return { id: deterministicUuid(app.appId, clientEventId, 'event'), tenantId: app.tenantId, producer: GATEWAY_PRODUCER, correlationId, causationId: null };
}
