import { DynamicModule, Module } from '@nestjs/common';
import { HealthModule, ReadinessCheck } from '@sieve/telemetry';
import { TicketsDependencies, TicketsModule } from '@sieve/tickets-feature';
import { AttachmentsController } from './attachments.controller';
import { ConversationsController } from './conversations.controller';

@Module({})
export class TicketStoreModule {
  static forRoot(dependencies: TicketsDependencies, checks: ReadinessCheck[]): DynamicModule {
    return {
      module: TicketStoreModule,
      imports: [TicketsModule.register(dependencies), HealthModule.forRoot(checks)],
      controllers: [ConversationsController, AttachmentsController],
    };
  }
}
