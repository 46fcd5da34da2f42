export type AnalyticsErrorCode = 'unauthenticated' | 'forbidden' | 'invalid-request' | 'conflict' | 'dependency-unavailable';

/** A request the billing API refuses; the message says what was wrong and what to do. */
export class AnalyticsError extends Error {
  constructor(
    readonly code: AnalyticsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AnalyticsError';
  }
}
