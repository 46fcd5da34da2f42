import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { MessageHeaders } from '@sieve/contracts';
import { reportBatchRequestSchema } from '@sieve/ingest-domain';
import { AppAuthenticator, BatchEventResult, ReportBatchUseCase } from '@sieve/ingest-feature';
import type { GatewayConfig } from './config';
import { correlationIdOf } from '@sieve/service-runtime';
import { answering } from './ingest-error.mapper';
import { parseBody } from './request-body';
import { GATEWAY_CONFIG } from './tokens';

@Controller('v1/batches')
export class BatchesController {
  constructor(
    private readonly authenticator: AppAuthenticator,
    private readonly reportBatch: ReportBatchUseCase,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * Background events of one install (sessions, FAQ searches, link clicks, crashes, diagnostics).
   * 200 with a result per event, in order: accepted, duplicate, or rejected with its reason.
   */
  @Post()
  @HttpCode(200)
  async report(
    @Headers('x-sieve-app-id') appId: string | undefined,
    @Headers('x-sieve-api-key') apiKey: string | undefined,
    @Headers(MessageHeaders.correlationId) correlationHeader: string | undefined,
    @Body() body: unknown,
  ): Promise<{ results: BatchEventResult[]; correlationId: string }> {
    const correlationId = correlationIdOf(correlationHeader);
    return answering(this.config.RETRY_AFTER_SECONDS, async () => {
      const app = await this.authenticator.authenticate(appId, apiKey);
      const request = parseBody(reportBatchRequestSchema, body, 'batch');
      return { results: await this.reportBatch.execute(app, request, { correlationId }), correlationId };
    });
  }
}
