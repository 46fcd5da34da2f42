import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Logger } from '@sieve/telemetry';

/**
 * The body of every error answer: a stable code for programs, a sentence for people. An edge that
 * throws `new HttpException({ error, headers }, status)` also sets those headers (e.g. Retry-After).
 */
export interface ErrorBody {
  error: { code: string; message: string; fields?: string[] };
}

const CODES: Record<number, string> = {
  400: 'invalid-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'unavailable',
};

/**
 * Turns whatever reached the edge into an ErrorBody. Fastify's own errors (malformed JSON, body too
 * large, wrong media type) reach here as HttpExceptions Nest made of them, with Fastify's message.
 * Unexpected errors answer 500 without their message, which might hold data.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body, headers } = this.toResponse(exception);
    if (status >= 500 && status !== 503) {
      this.logger.error({ err: exception }, 'request failed');
    }
    void reply.status(status).headers(headers).send(body);
  }

  private toResponse(exception: unknown): { status: number; body: ErrorBody; headers: Record<string, string> } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'error' in response && typeof response.error === 'object') {
        const headers = (response as { headers?: Record<string, string> }).headers ?? {};
        return { status, body: { error: (response as ErrorBody).error }, headers };
      }
      return { status, body: { error: { code: CODES[status] ?? 'error', message: exception.message } }, headers: {} };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: { code: 'internal', message: 'Something went wrong on our side; it has been logged. Retry later.' } },
      headers: {},
    };
  }
}
