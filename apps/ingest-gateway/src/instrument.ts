// Loaded before anything else so OpenTelemetry patches http, pg and ioredis before they load.
import { startTracingFor } from '@sieve/telemetry';

// Its Redis commands are per event (duplicate claims, rate limits): a span for each cost a fifth of
// the gateway's CPU in the batch benchmark, so its requests' spans stand for them.
startTracingFor('ingest-gateway', { redisCommandSpans: false });
