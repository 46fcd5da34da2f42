import { EntityManager } from 'typeorm';
import { AccessLogEntryEntity } from './entities/access-log-entry.entity';

export type AccessAction = 'conversation.read' | 'attachment.download';

/** Records reads of personal data; written before the data is handed out. */
export class AccessLogRepository {
  constructor(private readonly manager: EntityManager) {}

  async record(entry: { tenantId: string; staffCredentialId: string; action: AccessAction; conversationId: string }): Promise<void> {
    await this.manager.insert(AccessLogEntryEntity, entry);
  }
}
