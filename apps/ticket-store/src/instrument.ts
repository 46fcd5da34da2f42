// Loaded before anything else so OpenTelemetry patches http, pg and ioredis before they load.
import { z } from 'zod';
import { parseConfig, serviceConfigShape } from '@sieve/config';
import { startTracing } from '@sieve/telemetry';

const { OTEL_EXPORTER_OTLP_ENDPOINT } = parseConfig('ticket-store', z.object(serviceConfigShape));
startTracing({ serviceName: 'ticket-store', otlpEndpoint: OTEL_EXPORTER_OTLP_ENDPOINT });
