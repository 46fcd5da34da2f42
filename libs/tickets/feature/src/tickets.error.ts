export type TicketsErrorCode = 'unauthenticated' | 'forbidden' | 'not-found' | 'gone' | 'invalid-request' | 'conflict';

/** Every failure the ticket context reports to its callers; the HTTP edge maps codes to statuses. */
export class TicketsError extends Error {
  constructor(
    readonly code: TicketsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TicketsError';
  }
}
