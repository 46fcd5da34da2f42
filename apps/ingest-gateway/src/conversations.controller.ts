import { Body, Controller, Headers, Inject, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { describeIssues, MessageHeaders } from '@sieve/contracts';
import { IngestError, openConversationRequestSchema } from '@sieve/ingest-domain';
import { AppAuthenticator, OpenConversationResult, OpenConversationUseCase } from '@sieve/ingest-feature';
import { GATEWAY_CONFIG } from './tokens';
import type { GatewayConfig } from './config';
import { toHttpException } from './ingest-error.mapper';

@Controller('v1/conversations')
export class ConversationsController {
  constructor(
    private readonly authenticator: AppAuthenticator,
    private readonly openConversation: OpenConversationUseCase,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Opens a conversation with its first message. 202: Kafka has it; 200: a retry of one it has. */
  @Post()
  async open(
    @Headers('x-sieve-app-id') appId: string | undefined,
    @Headers('x-sieve-api-key') apiKey: string | undefined,
    @Headers(MessageHeaders.correlationId) correlationHeader: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpenConversationResult & { correlationId: string }> {
    const correlationId = correlationHeader && /^[\w-]{1,64}$/.test(correlationHeader) ? correlationHeader : randomUUID();
    try {
      const app = await this.authenticator.authenticate(appId, apiKey);
      const parsed = openConversationRequestSchema.safeParse(body);
      if (!parsed.success) {
        const fields = [
          ...new Set(
            parsed.error.issues.flatMap((issue) =>
              issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key].join('.')) : [issue.path.join('.') || '(body)'],
            ),
          ),
        ];
        throw new IngestError('invalid-request', `The request body is invalid: ${describeIssues(parsed.error)}.`, fields);
      }
      // Country derivation from the client address arrives with the GeoIP work (issue 4); until
      // then no country is recorded rather than a guessed one.
      const result = await this.openConversation.execute(app, parsed.data, { correlationId, countryCode: null });
      void reply.status(result.status === 'accepted' ? 202 : 200);
      return { ...result, correlationId };
    } catch (error) {
      throw error instanceof IngestError ? toHttpException(error, this.config.RETRY_AFTER_SECONDS) : error;
    }
  }
}
