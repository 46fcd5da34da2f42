import { Counter } from 'prom-client';
import { Topics } from '@sieve/contracts';
import { ConsumedEvent } from '@sieve/kafka';
import { Logger, metricsRegistry } from '@sieve/telemetry';

const received = new Counter({
  name: 'sieve_redaction_requests_received_total',
  help: 'Redaction requests read from the requests topic.',
  registers: [metricsRegistry],
});

/**
 * The redaction-requests consumer. Carrying out jobs (key destruction, markers, receipts) is the
 * redaction issue; until then each request is logged by job id — never its content — and counted.
 */
export function redactionRequestsHandler(logger: Logger) {
  return async (events: ConsumedEvent<typeof Topics.redactionRequests>[]): Promise<void> => {
    for (const { event } of events) {
      logger.info({ jobId: event.payload.jobId, target: event.payload.target.kind }, 'redaction request received');
    }
    received.inc(events.length);
  };
}
