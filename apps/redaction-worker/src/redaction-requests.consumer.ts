import { Counter } from 'prom-client';
import { Topics } from '@sieve/contracts';
import { ConsumedEvent } from '@sieve/kafka';
import { Logger, metricsRegistry } from '@sieve/telemetry';

const received = new Counter({
  name: 'sieve_redaction_requests_received_total',
  help: 'Redaction jobs announced on the requests topic (made without approval, or approved).',
  registers: [metricsRegistry],
});

/**
 * The redaction-requests consumer: a job was recorded (or approved) in the database, where the
 * runner reads it from; the event only wakes the runner. Logged by job id, never its content.
 */
export function redactionRequestsHandler(logger: Logger, wakeRunner: () => void) {
  return async (events: ConsumedEvent<typeof Topics.redactionRequests>[]): Promise<void> => {
    for (const { event } of events) logger.info({ jobId: event.payload.jobId, target: event.payload.target.kind }, 'redaction job announced');
    received.inc(events.length);
    wakeRunner();
  };
}
