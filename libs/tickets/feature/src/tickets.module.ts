import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BlobStore } from '@sieve/blob-store';
import { TransitSealing } from '@sieve/key-vault';
import { PersonalData } from '@sieve/tickets-data-access';
import { ChangeStatusUseCase } from './change-status.usecase';
import { DownloadAttachmentQuery } from './download-attachment.query';
import { DownloadLinks } from './download-links';
import { GetConversationQuery } from './get-conversation.query';
import { ListConversationsQuery } from './list-conversations.query';
import { ManageStaffUseCase } from './manage-staff.usecase';
import { ReplyToConversationUseCase } from './reply-to-conversation.usecase';
import { DecideRedactionJobUseCase } from './redaction/decide-redaction-job.usecase';
import { RedactionJobsQuery } from './redaction/redaction-jobs.query';
import { RedactionRules, RequestRedactionUseCase } from './redaction/request-redaction.usecase';
import { StaffAuthenticator } from './staff-authenticator';

export interface TicketsDependencies {
  dataSource: DataSource;
  personalData: PersonalData;
  blobs: BlobStore;
  downloadLinks: DownloadLinks;
  /** Told when a change put an event in the outbox, so the relay publishes it now. */
  outboxWritten: () => void;
  redactionRules: RedactionRules;
  /** Seals what leaves for other services (agent replies) under transit keys. */
  transit: TransitSealing;
}

/** The ticket context's staff-facing services (the Kafka edge builds its use cases in main.ts). */
@Module({})
export class TicketsModule {
  static register({ dataSource, personalData, blobs, downloadLinks, outboxWritten, redactionRules, transit }: TicketsDependencies): DynamicModule {
    const redactionJobs = new RedactionJobsQuery(dataSource);
    const providers = [
      { provide: StaffAuthenticator, useValue: new StaffAuthenticator(dataSource) },
      { provide: GetConversationQuery, useValue: new GetConversationQuery(dataSource, personalData, downloadLinks) },
      { provide: DownloadAttachmentQuery, useValue: new DownloadAttachmentQuery(dataSource, personalData, blobs, downloadLinks) },
      { provide: ListConversationsQuery, useValue: new ListConversationsQuery(dataSource) },
      { provide: ReplyToConversationUseCase, useValue: new ReplyToConversationUseCase(dataSource, personalData, transit, outboxWritten) },
      { provide: ChangeStatusUseCase, useValue: new ChangeStatusUseCase(dataSource) },
      { provide: RedactionJobsQuery, useValue: redactionJobs },
      { provide: RequestRedactionUseCase, useValue: new RequestRedactionUseCase(dataSource, personalData, redactionJobs, redactionRules, outboxWritten) },
      { provide: DecideRedactionJobUseCase, useValue: new DecideRedactionJobUseCase(dataSource, redactionJobs, outboxWritten) },
      { provide: ManageStaffUseCase, useValue: new ManageStaffUseCase(dataSource) },
    ];
    return { module: TicketsModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}
