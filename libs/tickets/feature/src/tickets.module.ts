import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PersonalData } from '@sieve/tickets-data-access';
import { ChangeStatusUseCase } from './change-status.usecase';
import { GetConversationQuery } from './get-conversation.query';
import { ListConversationsQuery } from './list-conversations.query';
import { ReplyToConversationUseCase } from './reply-to-conversation.usecase';
import { RequestRedactionUseCase } from './request-redaction.usecase';
import { StaffAuthenticator } from './staff-authenticator';

/**
 * The ticket context's staff-facing services (the Kafka edge builds its use cases in main.ts).
 * `outboxWritten` is told when a change put an event in the outbox, so the relay publishes it now.
 */
@Module({})
export class TicketsModule {
  static register(dataSource: DataSource, personalData: PersonalData, outboxWritten: () => void): DynamicModule {
    const providers = [
      { provide: StaffAuthenticator, useValue: new StaffAuthenticator(dataSource) },
      { provide: GetConversationQuery, useValue: new GetConversationQuery(dataSource, personalData) },
      { provide: ListConversationsQuery, useValue: new ListConversationsQuery(dataSource) },
      { provide: ReplyToConversationUseCase, useValue: new ReplyToConversationUseCase(dataSource, personalData, outboxWritten) },
      { provide: ChangeStatusUseCase, useValue: new ChangeStatusUseCase(dataSource) },
      { provide: RequestRedactionUseCase, useValue: new RequestRedactionUseCase(dataSource, outboxWritten) },
    ];
    return { module: TicketsModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}
