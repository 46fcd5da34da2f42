import { Body, Controller, Headers, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MessageHeaders } from '@sieve/contracts';
import { CountryLocator } from '@sieve/ingest-data-access';
import { addAttachmentFieldsSchema, IngestError, openConversationRequestSchema, sendMessageRequestSchema } from '@sieve/ingest-domain';
import {
  AddAttachmentResult,
  AddAttachmentUseCase,
  AppAuthenticator,
  OpenConversationResult,
  OpenConversationUseCase,
  SendMessageResult,
  SendMessageUseCase,
} from '@sieve/ingest-feature';
import { GATEWAY_CONFIG } from './tokens';
import type { GatewayConfig } from './config';
import { correlationIdOf } from '@sieve/service-runtime';
import { answering } from './ingest-error.mapper';
import { parseBody } from './request-body';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The conversation id of a path, as Sieve gave it out, or a 400 naming it. */
function conversationIdFrom(param: string): string {
  if (!UUID.test(param)) {
    throw new IngestError('invalid-request', 'The conversation id in the path is not one Sieve gave out: use the conversationId from opening the conversation.', ['conversationId']);
  }
  return param.toLowerCase();
}

@Controller('v1/conversations')
export class ConversationsController {
  constructor(
    private readonly authenticator: AppAuthenticator,
    private readonly openConversation: OpenConversationUseCase,
    private readonly sendMessage: SendMessageUseCase,
    private readonly addAttachment: AddAttachmentUseCase,
    private readonly countries: CountryLocator,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * Opens a conversation with its first message. 202: Kafka has it; 200: a retry of one it has.
   * The conversation's country comes from the client address, which goes no further than this.
   */
  @Post()
  async open(
    @Req() httpRequest: FastifyRequest,
    @Headers('x-sieve-app-id') appId: string | undefined,
    @Headers('x-sieve-api-key') apiKey: string | undefined,
    @Headers(MessageHeaders.correlationId) correlationHeader: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpenConversationResult & { correlationId: string }> {
    const correlationId = correlationIdOf(correlationHeader);
    return answering(this.config.RETRY_AFTER_SECONDS, async () => {
      const app = await this.authenticator.authenticate(appId, apiKey);
      const request = parseBody(openConversationRequestSchema, body, 'request body');
      const result = await this.openConversation.execute(app, request, { correlationId, countryCode: this.countries.countryOf(httpRequest.ip) });
      void reply.status(result.status === 'accepted' ? 202 : 200);
      return { ...result, correlationId };
    });
  }

  /** A further end-user message in a conversation. 202: Kafka has it; 200: a retry of one it has. */
  @Post(':conversationId/messages')
  async send(
    @Param('conversationId') conversationId: string,
    @Headers('x-sieve-app-id') appId: string | undefined,
    @Headers('x-sieve-api-key') apiKey: string | undefined,
    @Headers(MessageHeaders.correlationId) correlationHeader: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SendMessageResult & { correlationId: string }> {
    const correlationId = correlationIdOf(correlationHeader);
    return answering(this.config.RETRY_AFTER_SECONDS, async () => {
      const app = await this.authenticator.authenticate(appId, apiKey);
      const id = conversationIdFrom(conversationId);
      const request = parseBody(sendMessageRequestSchema, body, 'request body');
      const result = await this.sendMessage.execute(app, id, request, { correlationId });
      void reply.status(result.status === 'accepted' ? 202 : 200);
      return { ...result, correlationId };
    });
  }

  /**
   * An attachment, as multipart/form-data: the fields clientEventId, installId and sdkVersion,
   * then the file part. 202: stored and in Kafka; 200: a retry of one Sieve has.
   */
  @Post(':conversationId/attachments')
  async attach(
    @Param('conversationId') conversationId: string,
    @Headers('x-sieve-app-id') appId: string | undefined,
    @Headers('x-sieve-api-key') apiKey: string | undefined,
    @Headers(MessageHeaders.correlationId) correlationHeader: string | undefined,
    @Req() httpRequest: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AddAttachmentResult & { correlationId: string }> {
    const correlationId = correlationIdOf(correlationHeader);
    return answering(this.config.RETRY_AFTER_SECONDS, async () => {
      const app = await this.authenticator.authenticate(appId, apiKey);
      const id = conversationIdFrom(conversationId);
      if (!httpRequest.isMultipart()) {
        throw new IngestError('invalid-request', 'Send the attachment as multipart/form-data: the fields clientEventId, installId and sdkVersion, then the file part.', ['(body)']);
      }
      const fields: Record<string, string> = {};
      for await (const part of httpRequest.parts()) {
        if (part.type === 'field') {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        // The fields came first; the file is streamed to the blob store as it arrives.
        const request = parseBody(addAttachmentFieldsSchema, fields, 'attachment form');
        const result = await this.addAttachment
          .execute(app, id, request, { fileName: part.filename, contentType: part.mimetype, content: part.file }, { correlationId })
          .finally(() => part.file.resume());
        void reply.status(result.status === 'accepted' ? 202 : 200);
        return { ...result, correlationId };
      }
      throw new IngestError('invalid-request', 'The form has no file part: send the file after the fields clientEventId, installId and sdkVersion.', ['file']);
    });
  }
}
