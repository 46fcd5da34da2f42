import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HealthModule, ReadinessCheck } from '@sieve/telemetry';
import { PersonalData } from '@sieve/tickets-data-access';
import { TicketsModule } from '@sieve/tickets-feature';
import { ConversationsController } from './conversations.controller';

@Module({})
export class TicketStoreModule {
  static forRoot(dataSource: DataSource, personalData: PersonalData, outboxWritten: () => void, checks: ReadinessCheck[]): DynamicModule {
    return {
      module: TicketStoreModule,
      imports: [TicketsModule.register(dataSource, personalData, outboxWritten), HealthModule.forRoot(checks)],
      controllers: [ConversationsController],
    };
  }
}
