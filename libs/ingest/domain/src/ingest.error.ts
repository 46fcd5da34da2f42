export type IngestErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'invalid-request'
  | 'kafka-unavailable';

/** Every failure the ingest context reports; the HTTP edge maps codes to statuses. */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    /** Request fields at fault, by path; never their values. */
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
