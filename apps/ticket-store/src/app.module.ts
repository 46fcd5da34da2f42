import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HealthModule, ReadinessCheck } from '@sieve/telemetry';
import { TicketsModule } from '@sieve/tickets-feature';
import { ConversationsController } from './conversations.controller';

@Module({})
export class TicketStoreModule {
  static forRoot(dataSource: DataSource, checks: ReadinessCheck[]): DynamicModule {
    return {
      module: TicketStoreModule,
      imports: [TicketsModule.register(dataSource), HealthModule.forRoot(checks)],
      controllers: [ConversationsController],
    };
  }
}
