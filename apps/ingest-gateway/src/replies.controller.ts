import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { PendingReply } from '@sieve/ingest-data-access';
import { AgentReplies, AppAuthenticator } from '@sieve/ingest-feature';
import type { GatewayConfig } from './config';
import { answering } from './ingest-error.mapper';
import { parseBody } from './request-body';
import { GATEWAY_CONFIG } from './tokens';

const fetchQuerySchema = z
  .object({
    installId: z.string().min(1).max(128),
    /** How long to wait for a reply when none is pending: 0 answers at once, 30 at most. */
    waitSeconds: z.coerce.number().int().min(0).max(30).default(0),
  })
  .strict();
const acknowledgeSchema = z.object({ installId: z.string().min(1).max(128), replyIds: z.array(z.uuid()).min(1).max(500) }).strict();

@Controller('v1/replies')
export class RepliesController {
  constructor(
    private readonly authenticator: AppAuthenticator,
    private readonly replies: AgentReplies,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Agent replies waiting for this install, oldest first; a long poll with waitSeconds. */
  @Get()
  async fetch(
    @Headers('x-sieve-app-id') appId: string | undefined,
    @Headers('x-sieve-api-key') apiKey: string | undefined,
    @Query() query: unknown,
  ): Promise<{ replies: PendingReply[] }> {
    return answering(this.config.RETRY_AFTER_SECONDS, async () => {
      const app = await this.authenticator.authenticate(appId, apiKey);
      const { installId, waitSeconds } = parseBody(fetchQuerySchema, query, 'query');
      return { replies: await this.replies.fetch(app, installId, waitSeconds) };
    });
  }

  /** The SDK has shown these replies: they are no longer held for it. */
  @Post('acknowledge')
  @HttpCode(200)
  async acknowledge(
    @Headers('x-sieve-app-id') appId: string | undefined,
    @Headers('x-sieve-api-key') apiKey: string | undefined,
    @Body() body: unknown,
  ): Promise<{ acknowledged: number }> {
    return answering(this.config.RETRY_AFTER_SECONDS, async () => {
      const app = await this.authenticator.authenticate(appId, apiKey);
      const { installId, replyIds } = parseBody(acknowledgeSchema, body, 'request body');
      return { acknowledged: await this.replies.acknowledge(app, installId, replyIds) };
    });
  }
}
