import { DataSource } from 'typeorm';
import { createContextDataSource } from '@sieve/persistence';
import { ConversationEntity } from './entities/conversation.entity';
import { AccessLogEntryEntity } from './entities/access-log-entry.entity';
import { AttachmentEntity } from './entities/attachment.entity';
import { DiagnosticEntity } from './entities/diagnostic.entity';
import { EndUserEntity } from './entities/end-user.entity';
import { FaqSearchEntity } from './entities/faq-search.entity';
import { LinkClickEntity } from './entities/link-click.entity';
import { MessageEntity } from './entities/message.entity';
import { OutboxMessageEntity } from './entities/outbox-message.entity';
import { ProcessedEventEntity } from './entities/processed-event.entity';
import { RedactionJobItemEntity } from './entities/redaction-job-item.entity';
import { RedactionJobEntity } from './entities/redaction-job.entity';
import { RedactionReceiptEntity } from './entities/redaction-receipt.entity';
import { StaffCredentialEntity } from './entities/staff-credential.entity';
import { TenantEntity } from './entities/tenant.entity';
import { TICKET_MIGRATIONS } from './migrations';

export const TICKET_ENTITIES = [TenantEntity, StaffCredentialEntity, ConversationEntity, MessageEntity, ProcessedEventEntity, EndUserEntity, AttachmentEntity, FaqSearchEntity, LinkClickEntity, DiagnosticEntity, OutboxMessageEntity, RedactionJobEntity, RedactionJobItemEntity, RedactionReceiptEntity, AccessLogEntryEntity];

/** The ticket context's database: shared by the ticket store and the redaction worker. */
export function createTicketsDataSource(url: string, applicationName: string, poolSize?: number): DataSource {
  return createContextDataSource({ url, applicationName, poolSize, entities: TICKET_ENTITIES, migrations: TICKET_MIGRATIONS });
}
