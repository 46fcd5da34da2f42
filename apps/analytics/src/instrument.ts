// Loaded before anything else so OpenTelemetry patches http, pg and ioredis before they load.
import { startTracingFor } from '@sieve/telemetry';

startTracingFor('analytics');
