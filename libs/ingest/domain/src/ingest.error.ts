import { z } from 'zod';

export type IngestErrorCode =
  | 'unauthenticated'
  | 'identity-unverified'
  | 'forbidden'
  | 'not-found'
  | 'invalid-request'
  | 'not-collected'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'kafka-unavailable'
  | 'dependency-unavailable';

/** Every failure the ingest context reports; the HTTP edge maps codes to statuses. */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    /** Request fields at fault, by path; never their values. */
    readonly fields: string[] = [],
    /** For 'rate-limited' and 'kafka-unavailable': when a retry may succeed, if known. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

/** The request fields at fault in a validation error, by path (unknown keys named one by one); never their values. */
export function fieldsAtFault(error: z.ZodError): string[] {
  return [
    ...new Set(error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key].join('.')) : [issue.path.join('.') || '(body)']))),
  ];
}
