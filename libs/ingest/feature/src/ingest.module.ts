import { DynamicModule, Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { BlobStore } from '@sieve/blob-store';
import { AppCredentialsRepository, CountryLocator, CustomFieldsRepository, DeduplicationOptions, DeduplicationStore, RateLimiter, RateLimits } from '@sieve/ingest-data-access';
import { EventPublisher } from '@sieve/kafka';
import { TransitSealing } from '@sieve/key-vault';
import type { StaffDirectory } from '@sieve/service-runtime';
import type { Logger } from '@sieve/telemetry';
import { AddAttachmentUseCase, AttachmentPolicy } from './add-attachment.usecase';
import { AgentReplies } from './agent-replies';
import { AppAuthenticator } from './app-authenticator';
import { AppConfigurations } from './app-configurations';
import { ManageAppKeysUseCase } from './manage-app-keys.usecase';
import { OpenConversationUseCase } from './open-conversation.usecase';
import { RawEventPublisher } from './raw-event-publisher';
import { ReportBatchUseCase } from './report-batch.usecase';
import { SendMessageUseCase } from './send-message.usecase';

export interface IngestModuleOptions {
  dataSource: DataSource;
  redis: Redis;
  publisher: EventPublisher;
  /** Seals what a person typed before it goes on the raw topic. */
  sealing: TransitSealing;
  deduplication: DeduplicationOptions;
  rateLimits: RateLimits;
  blobs: BlobStore;
  attachments: AttachmentPolicy;
  /** The agent replies this module holds for installs to fetch (its Kafka consumer runs in the app). */
  agentReplies: AgentReplies;
  /** Whose a staff token is: for the admin API of app keys. */
  staffDirectory: StaffDirectory;
  logger: Logger;
}

/** The ingest context: who may send, and how SDK traffic becomes events. */
@Module({})
export class IngestModule {
  static register(options: IngestModuleOptions): DynamicModule {
    const credentials = new AppCredentialsRepository(options.dataSource);
    const deduplication = new DeduplicationStore(options.redis, options.deduplication, options.logger);
    const rateLimiter = new RateLimiter(options.redis, options.rateLimits, options.logger);
    const configurations = new AppConfigurations(new CustomFieldsRepository(options.dataSource));
    const authenticator = new AppAuthenticator(credentials);
    const rawEvents = new RawEventPublisher(options.publisher, options.sealing, deduplication);
    return {
      module: IngestModule,
      providers: [
        { provide: AppAuthenticator, useValue: authenticator },
        { provide: ManageAppKeysUseCase, useValue: new ManageAppKeysUseCase(credentials, options.staffDirectory, authenticator) },
        { provide: CountryLocator, useValue: new CountryLocator() },
        { provide: AppConfigurations, useValue: configurations },
        { provide: AgentReplies, useValue: options.agentReplies },
        { provide: OpenConversationUseCase, useValue: new OpenConversationUseCase(rawEvents, deduplication, rateLimiter, configurations) },
        { provide: SendMessageUseCase, useValue: new SendMessageUseCase(rawEvents, deduplication, rateLimiter) },
        { provide: AddAttachmentUseCase, useValue: new AddAttachmentUseCase(rawEvents, deduplication, rateLimiter, options.blobs, options.attachments) },
        { provide: ReportBatchUseCase, useValue: new ReportBatchUseCase(rawEvents, deduplication, rateLimiter) },
      ],
      exports: [AppAuthenticator, ManageAppKeysUseCase, CountryLocator, AppConfigurations, AgentReplies, OpenConversationUseCase, SendMessageUseCase, AddAttachmentUseCase, ReportBatchUseCase],
    };
  }
}
