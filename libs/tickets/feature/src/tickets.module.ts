import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplySupportEventsUseCase } from './apply-support-events.usecase';
import { GetConversationQuery } from './get-conversation.query';
import { StaffAuthenticator } from './staff-authenticator';

/** The ticket context: conversations agents work on. */
@Module({})
export class TicketsModule {
  static register(dataSource: DataSource): DynamicModule {
    return {
      module: TicketsModule,
      providers: [
        { provide: StaffAuthenticator, useValue: new StaffAuthenticator(dataSource) },
        { provide: GetConversationQuery, useValue: new GetConversationQuery(dataSource) },
        { provide: ApplySupportEventsUseCase, useValue: new ApplySupportEventsUseCase(dataSource) },
      ],
      exports: [StaffAuthenticator, GetConversationQuery, ApplySupportEventsUseCase],
    };
  }
}
