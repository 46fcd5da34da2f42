import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Logger } from '@sieve/telemetry';

/** The body of every error answer: a stable code for programs, a sentence for people. */
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
 * large) arrive here too. Unexpected errors answer 500 without their message, which might hold data.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body, headers } = this.toResponse(exception);
    if (status >= 500 && status !== 503) {
      this.logger.error({ err: { name: (exception as Error)?.name, stack: (exception as Error)?.stack } }, 'request failed');
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
    const fastifyError = exception as { statusCode?: number; code?: string };
    if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
      return { status: fastifyError.statusCode, body: { error: fastifyErrorBody(fastifyError) }, headers: {} };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { error: { code: 'internal', message: 'Something went wrong on our side; it has been logged. Retry later.' } },
      headers: {},
    };
  }
}

function fastifyErrorBody(error: { statusCode?: number; code?: string }): ErrorBody['error'] {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload-too-large', message: 'The request body is larger than this endpoint accepts.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported-media-type', message: 'Send the body as application/json.' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'invalid-request', message: 'The request body is empty; send a JSON object.' };
    default:
      if (error.statusCode === 400) return { code: 'invalid-json', message: 'The request body is not valid JSON.' };
      return { code: CODES[error.statusCode ?? 400] ?? 'invalid-request', message: 'The request was not accepted.' };
  }
}
