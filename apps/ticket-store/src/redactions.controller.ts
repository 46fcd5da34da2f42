import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { MessageHeaders } from '@sieve/contracts';
import { correlationIdOf } from '@sieve/service-runtime';
import { DecideRedactionJobUseCase, RedactionJobPage, RedactionJobsQuery, RedactionJobView, RequestRedactionUseCase, StaffAuthenticator } from '@sieve/tickets-feature';
import { CONVERSATION_ROLES } from './conversations.controller';
import { asStaff } from './staff-request';

/**
 * Redaction and erasure jobs: agents and admins redact content of a conversation and follow the
 * jobs; erasing an end user, approving a bulk request and running a failed job again are an admin's.
 */
@Controller('v1')
export class RedactionsController {
  constructor(
    private readonly staff: StaffAuthenticator,
    private readonly requestRedaction: RequestRedactionUseCase,
    private readonly decide: DecideRedactionJobUseCase,
    private readonly jobs: RedactionJobsQuery,
  ) {}

  @Post('conversations/:id/redactions')
  @HttpCode(202)
  redact(
    @Headers('authorization') authorization: string | undefined,
    @Headers(MessageHeaders.correlationId) correlationHeader: string | undefined,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<RedactionJobView> {
    return asStaff(this.staff, authorization, CONVERSATION_ROLES, (principal) => this.requestRedaction.redact(principal, id, body, correlationIdOf(correlationHeader)));
  }

  @Post('end-users/:id/erasure')
  @HttpCode(202)
  erase(
    @Headers('authorization') authorization: string | undefined,
    @Headers(MessageHeaders.correlationId) correlationHeader: string | undefined,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<RedactionJobView> {
    return asStaff(this.staff, authorization, ['admin'], (admin) => this.requestRedaction.erase(admin, id, body, correlationIdOf(correlationHeader)));
  }

  @Get('redactions')
  list(@Headers('authorization') authorization: string | undefined, @Query() query: unknown): Promise<RedactionJobPage> {
    return asStaff(this.staff, authorization, CONVERSATION_ROLES, (principal) => this.jobs.list(principal, query));
  }

  @Get('redactions/:jobId')
  show(@Headers('authorization') authorization: string | undefined, @Param('jobId') jobId: string): Promise<RedactionJobView> {
    return asStaff(this.staff, authorization, CONVERSATION_ROLES, (principal) => this.jobs.show(principal, jobId));
  }

  @Post('redactions/:jobId/approve')
  @HttpCode(200)
  approve(
    @Headers('authorization') authorization: string | undefined,
    @Headers(MessageHeaders.correlationId) correlationHeader: string | undefined,
    @Param('jobId') jobId: string,
  ): Promise<RedactionJobView> {
    return asStaff(this.staff, authorization, ['admin'], (admin) => this.decide.approve(admin, jobId, correlationIdOf(correlationHeader)));
  }

  @Post('redactions/:jobId/retry')
  @HttpCode(200)
  retry(
    @Headers('authorization') authorization: string | undefined,
    @Headers(MessageHeaders.correlationId) correlationHeader: string | undefined,
    @Param('jobId') jobId: string,
  ): Promise<RedactionJobView> {
    return asStaff(this.staff, authorization, ['admin'], (admin) => this.decide.retry(admin, jobId, correlationIdOf(correlationHeader)));
  }
}
