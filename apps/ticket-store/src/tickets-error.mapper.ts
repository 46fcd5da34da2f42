import { HttpException, HttpStatus } from '@nestjs/common';
import { TicketsError, TicketsErrorCode } from '@sieve/tickets-feature';

function statusOf(code: TicketsErrorCode): HttpStatus {
  switch (code) {
    case 'unauthenticated':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not-found':
      return HttpStatus.NOT_FOUND;
    case 'gone':
      return HttpStatus.GONE;
    case 'invalid-request':
      return HttpStatus.BAD_REQUEST;
    case 'conflict':
      return HttpStatus.CONFLICT;
  }
}

export function toHttpException(error: TicketsError): HttpException {
  return new HttpException({ error: { code: error.code, message: error.message } }, statusOf(error.code));
}
