import { DynamicModule, Module } from '@nestjs/common';
import { ApiDocsModule } from '@sieve/service-runtime';
import { HealthModule, ReadinessCheck } from '@sieve/telemetry';
import { TicketsDependencies, TicketsModule } from '@sieve/tickets-feature';
import { AttachmentsController } from './attachments.controller';
import { ConversationsController } from './conversations.controller';
import { ticketStoreOpenApi } from './openapi';
import { RedactionsController } from './redactions.controller';
import { StaffController } from './staff.controller';

@Module({})
export class TicketStoreModule {
  static forRoot(dependencies: TicketsDependencies, checks: ReadinessCheck[]): DynamicModule {
    return {
      module: TicketStoreModule,
      imports: [TicketsModule.register(dependencies), HealthModule.forRoot(checks), ApiDocsModule.serving(ticketStoreOpenApi())],
      controllers: [ConversationsController, RedactionsController, AttachmentsController, StaffController],
    };
  }
}
