import { Controller, Get, Headers, Param } from '@nestjs/common';
import { ConversationView, GetConversationQuery, StaffAuthenticator, TicketsError } from '@sieve/tickets-feature';
import { toHttpException } from './tickets-error.mapper';

/** The agent API. */
@Controller('v1/conversations')
export class ConversationsController {
  constructor(
    private readonly staff: StaffAuthenticator,
    private readonly getConversation: GetConversationQuery,
  ) {}

  @Get(':id')
  async get(@Headers('authorization') authorization: string | undefined, @Param('id') id: string): Promise<ConversationView> {
    try {
      const principal = await this.staff.authenticate(authorization, ['agent', 'admin']);
      return await this.getConversation.execute(principal, id);
    } catch (error) {
      throw error instanceof TicketsError ? toHttpException(error) : error;
    }
  }
}
