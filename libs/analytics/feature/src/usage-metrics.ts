import { Counter } from 'prom-client';
import { metricsRegistry } from '@sieve/telemetry';

export const usageMetrics = {
  counted: new Counter({
    name: 'sieve_analytics_session_events_counted_total',
    help: 'Session events counted into active installs (a duplicate counts here again but changes no figure).',
    registers: [metricsRegistry],
  }),
  rejected: new Counter({
    name: 'sieve_analytics_session_events_rejected_total',
    help: 'Session events not counted, by reason: too-late (older than the late-event horizon), in-future (ahead of their receipt by more than the clock skew allowed), period-sealed (their billing month is sealed).',
    labelNames: ['reason'],
    registers: [metricsRegistry],
  }),
  periodsClosed: new Counter({
    name: 'sieve_analytics_billing_months_closed_total',
    help: 'Billing months closed, by who closed them (schedule or billing staff).',
    labelNames: ['by'],
    registers: [metricsRegistry],
  }),
  periodsSealed: new Counter({
    name: 'sieve_analytics_billing_months_sealed_total',
    help: 'Billing months sealed: their install hashing key destroyed.',
    registers: [metricsRegistry],
  }),
};
