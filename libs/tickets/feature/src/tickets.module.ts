import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PersonalData } from '@sieve/tickets-data-access';
import { GetConversationQuery } from './get-conversation.query';
import { StaffAuthenticator } from './staff-authenticator';

/** The ticket context's agent-facing services (the Kafka edge builds its use case in main.ts). */
@Module({})
export class TicketsModule {
  static register(dataSource: DataSource, personalData: PersonalData): DynamicModule {
    return {
      module: TicketsModule,
      providers: [
        { provide: StaffAuthenticator, useValue: new StaffAuthenticator(dataSource) },
        { provide: GetConversationQuery, useValue: new GetConversationQuery(dataSource, personalData) },
      ],
      exports: [StaffAuthenticator, GetConversationQuery],
    };
  }
}
