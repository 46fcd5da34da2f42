import { AsyncLocalStorage } from 'node:async_hooks';
import { trace } from '@opentelemetry/api';
import pino, { Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino censors in every log line. Log calls should not carry payloads at all; these are the
 * net under that rule for the personal data Sieve handles and the secrets it checks.
 */
export const REDACTED_PATHS = [
  '*.email',
  '*.name',
  '*.body',
  '*.message.body',
  '*.identity',
  '*.ip',
  '*.clientIp',
  '*.remoteAddress',
  '*.advertisingId',
  '*.installId',
  '*.apiKey',
  '*.token',
  '*.password',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["x-forwarded-for"]',
  'req.headers["x-real-ip"]',
  'req.headers.cookie',
];

interface LogContext {
  correlationId?: string;
}

const logContext = new AsyncLocalStorage<LogContext>();

/** Runs `work` with a correlation id every log line inside it carries. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...context }, work);
}

export interface LoggerOptions {
  service: string;
  level: string;
  /** Where lines go; stdout unless a test captures them. */
  destination?: pino.DestinationStream;
}

export function createLogger({ service, level, destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const spanContext = trace.getActiveSpan()?.spanContext();
        return {
          ...logContext.getStore(),
          ...(spanContext ? { traceId: spanContext.traceId, spanId: spanContext.spanId } : {}),
        };
      },
    },
    destination ?? pino.destination({ sync: false }),
  );
}
