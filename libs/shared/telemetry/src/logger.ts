import { AsyncLocalStorage } from 'node:async_hooks';
import { trace } from '@opentelemetry/api';
import pino, { Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Keys whose values never reach a log line, at any depth. Log calls should not carry payloads at
 * all; this is the net under that rule for the personal data Sieve handles and the secrets it
 * checks. (pino's path-based redaction only matches fixed depths, and an event envelope nests.)
 */
export const SCRUBBED_KEYS = new Set(
  [
    'email',
    'firstName',
    'lastName',
    'fullName',
    'body',
    'text',
    'identity',
    'ip',
    'clientIp',
    'remoteAddress',
    'x-forwarded-for',
    'x-real-ip',
    'advertisingId',
    'installId',
    'apiKey',
    'x-sieve-api-key',
    'token',
    'authorization',
    'cookie',
    'password',
  ].map((key) => key.toLowerCase()),
);
const CENSORED = '[redacted]';
const MAX_DEPTH = 10;

/** A copy of `value` with the values of scrubbed keys censored, at any depth. */
export function scrub(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (depth >= MAX_DEPTH) return CENSORED;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  // An error's message may quote input (PostgreSQL's do): keep its class, code and stack frames.
  if (value instanceof Error) {
    const frames = value.stack?.split('\n').filter((line) => line.trimStart().startsWith('at ')).join('\n');
    return { type: value.name, ...(scrub({ ...value }, depth + 1) as object), ...(frames ? { stack: frames } : {}) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SCRUBBED_KEYS.has(key.toLowerCase()) && item !== undefined ? CENSORED : scrub(item, depth + 1);
  }
  return out;
}

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
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrub(object) as Record<string, unknown>,
      },
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
