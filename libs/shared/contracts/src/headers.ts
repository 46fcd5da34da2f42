/** Kafka header names every producer sets and every consumer reads. */
export const MessageHeaders = {
  correlationId: 'x-correlation-id',
  eventType: 'x-event-type',
  /** W3C trace context, https://www.w3.org/TR/trace-context/ */
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  deadLetterReason: 'x-dead-letter-reason',
  deadLetterDetail: 'x-dead-letter-detail',
  deadLetterSource: 'x-dead-letter-source',
} as const;
