import { Counter } from 'prom-client';
import { Topics } from '@sieve/contracts';
import { ConsumedEvent } from '@sieve/kafka';
import { metricsRegistry } from '@sieve/telemetry';

const received = new Counter({
  name: 'sieve_analytics_session_events_received_total',
  help: 'Session events read from the usage topic.',
  registers: [metricsRegistry],
});

/**
 * The usage topic's consumer. Exact active-install counting (keyed hashes per billing period,
 * late events, adjustments) is the analytics issue; until then the service only acknowledges what
 * it reads, which keeps its consumer group's lag honest.
 */
export async function handleSessionEvents(events: ConsumedEvent<typeof Topics.usage>[]): Promise<void> {
  received.inc(events.length);
}
