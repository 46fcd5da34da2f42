import { DynamicModule, Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppCredentialsRepository, DeduplicationStore } from '@sieve/ingest-data-access';
import { EventPublisher } from '@sieve/kafka';
import type { Logger } from '@sieve/telemetry';
import { AppAuthenticator } from './app-authenticator';
import { OpenConversationUseCase } from './open-conversation.usecase';

export interface IngestModuleOptions {
  dataSource: DataSource;
  redis: Redis;
  publisher: EventPublisher;
  deduplicationTtlSeconds: number;
  logger: Logger;
}

/** The ingest context: who may send, and how SDK traffic becomes events. */
@Module({})
export class IngestModule {
  static register(options: IngestModuleOptions): DynamicModule {
    const credentials = new AppCredentialsRepository(options.dataSource);
    const deduplication = new DeduplicationStore(options.redis, options.deduplicationTtlSeconds, options.logger);
    return {
      module: IngestModule,
      providers: [
        { provide: AppAuthenticator, useValue: new AppAuthenticator(credentials) },
        { provide: OpenConversationUseCase, useValue: new OpenConversationUseCase(options.publisher, deduplication) },
      ],
      exports: [AppAuthenticator, OpenConversationUseCase],
    };
  }
}
