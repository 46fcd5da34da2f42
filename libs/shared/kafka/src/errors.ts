import { PublishFailedError } from './publisher';

/**
 * How a consumer treats a handler failure. Transient: a dependency is down; retry with backoff and,
 * if it stays down, stop without committing so the batch is redelivered. Permanent: this event can
 * never be processed; dead-letter it with a reason and go on. Unknown: retried like a transient
 * error, then dead-lettered — an unclassified bug must not block a partition forever.
 */
export type FailureKind = 'transient' | 'permanent' | 'unknown';

export type ErrorClassifier = (error: unknown) => FailureKind | undefined;

/** Thrown by a handler for an event that can never be processed, with a reason code for the dead letter. */
export class PermanentEventError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'PermanentEventError';
  }
}

/** Thrown by a handler when a dependency it needs is unavailable. */
export class TransientDependencyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientDependencyError';
  }
}

const TRANSIENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

const classifyBuiltIn: ErrorClassifier = (error) => {
  if (error instanceof PermanentEventError) return 'permanent';
  if (error instanceof TransientDependencyError) return 'transient';
  // A write Kafka didn't acknowledge (the handler's own publish): the broker is the dependency.
  if (error instanceof PublishFailedError) return 'transient';
  if (typeof error === 'object' && error !== null) {
    const { code, retriable, cause } = error as { code?: unknown; retriable?: unknown; cause?: unknown };
    if (typeof code === 'string' && TRANSIENT_NETWORK_CODES.has(code)) return 'transient';
    if (retriable === true) return 'transient'; // kafkajs marks broker-side retriable errors
    if (cause !== undefined && cause !== error) return classifyBuiltIn(cause);
  }
  return undefined;
};

/** Asks each classifier in turn, then the built-in rules; `unknown` if none knows. */
export function classifyFailure(error: unknown, classifiers: readonly ErrorClassifier[] = []): FailureKind {
  for (const classify of [...classifiers, classifyBuiltIn]) {
    const kind = classify(error);
    if (kind) return kind;
  }
  return 'unknown';
}
