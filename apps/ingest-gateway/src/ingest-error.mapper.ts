import { HttpException, HttpStatus } from '@nestjs/common';
import { IngestError, IngestErrorCode } from '@sieve/ingest-domain';

function statusOf(code: IngestErrorCode): HttpStatus {
  switch (code) {
    case 'unauthenticated':
    case 'identity-unverified':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not-found':
      return HttpStatus.NOT_FOUND;
    case 'invalid-request':
      return HttpStatus.BAD_REQUEST;
    case 'not-collected':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'payload-too-large':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'unsupported-media-type':
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case 'rate-limited':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'kafka-unavailable':
    case 'dependency-unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}

/** The HTTP answer for an ingest failure; a 429 or 503 tells the SDK when to retry. */
export function toHttpException(error: IngestError, retryAfterSeconds: number): HttpException {
  const status = statusOf(error.code);
  return new HttpException(
    {
      error: { code: error.code, message: error.message, ...(error.fields.length ? { fields: error.fields } : {}) },
      headers: status === HttpStatus.SERVICE_UNAVAILABLE || status === HttpStatus.TOO_MANY_REQUESTS ? { 'retry-after': String(error.retryAfterSeconds ?? retryAfterSeconds) } : {},
    },
    status,
  );
}

/** Runs an SDK request's work; an ingest failure becomes its HTTP answer, anything else goes on to the global filter. */
export async function answering<T>(retryAfterSeconds: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof IngestError ? toHttpException(error, retryAfterSeconds) : error;
  }
}
