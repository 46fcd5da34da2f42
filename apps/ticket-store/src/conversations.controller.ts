import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { MessageHeaders } from '@sieve/contracts';
import { correlationIdOf } from '@sieve/service-runtime';
import { StaffRole } from '@sieve/tickets-data-access';
import {
  ChangeStatusUseCase,
  ConversationPage,
  ConversationView,
  GetConversationQuery,
  ListConversationsQuery,
  ReplyResult,
  ReplyToConversationUseCase,
  StaffAuthenticator,
} from '@sieve/tickets-feature';
import { asStaff } from './staff-request';

/** Conversations are agents' work, and admins see everything of their brand; billing and SRE roles never read them. */
export const CONVERSATION_ROLES: readonly StaffRole[] = ['agent', 'admin'];

/** The agent API: conversations of the caller's brand only. */
@Controller('v1/conversations')
export class ConversationsController {
  constructor(
    private readonly staff: StaffAuthenticator,
    private readonly listConversations: ListConversationsQuery,
    private readonly getConversation: GetConversationQuery,
    private readonly replyToConversation: ReplyToConversationUseCase,
    private readonly changeStatus: ChangeStatusUseCase,
  ) {}

  @Get()
  list(@Headers('authorization') authorization: string | undefined, @Query() query: unknown): Promise<ConversationPage> {
    return asStaff(this.staff, authorization, CONVERSATION_ROLES, (principal) => this.listConversations.execute(principal, query));
  }

  @Get(':id')
  get(@Headers('authorization') authorization: string | undefined, @Param('id') id: string): Promise<ConversationView> {
    return asStaff(this.staff, authorization, CONVERSATION_ROLES, (principal) => this.getConversation.execute(principal, id));
  }

  @Post(':id/replies')
  @HttpCode(201)
  reply(
    @Headers('authorization') authorization: string | undefined,
    @Headers(MessageHeaders.correlationId) correlationHeader: string | undefined,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<ReplyResult> {
    return asStaff(this.staff, authorization, CONVERSATION_ROLES, (principal) => this.replyToConversation.execute(principal, id, body, correlationIdOf(correlationHeader)));
  }

  @Patch(':id')
  update(@Headers('authorization') authorization: string | undefined, @Param('id') id: string, @Body() body: unknown): Promise<{ id: string; status: string }> {
    return asStaff(this.staff, authorization, CONVERSATION_ROLES, (principal) => this.changeStatus.execute(principal, id, body));
  }
}
