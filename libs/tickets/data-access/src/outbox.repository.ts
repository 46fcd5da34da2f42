import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EventOn, TopicName } from '@sieve/contracts';
import { OutboxMessageEntity } from './entities/outbox-message.entity';

export interface PendingOutboxMessage<T extends TopicName = TopicName> {
  topic: T;
  key: string;
  event: EventOn<T>;
}

/** The outbox: events to publish, written with the change they announce. */
export class OutboxRepository {
  constructor(private readonly manager: EntityManager) {}

  async add<T extends TopicName>({ topic, key, event }: PendingOutboxMessage<T>): Promise<void> {
    // TypeORM's deep-partial type can't express a jsonb record; the driver serializes it.
    await this.manager.insert(OutboxMessageEntity, { id: event.id, topic, messageKey: key, event } as QueryDeepPartialEntity<OutboxMessageEntity>);
  }

  /**
   * The oldest messages not yet published, locked for this transaction; other relays skip them
   * (FOR UPDATE SKIP LOCKED), so instances share the work without publishing a message twice at once.
   */
  async lockOldest(limit: number): Promise<OutboxMessageEntity[]> {
    return this.manager
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('outbox')
      .orderBy('outbox.created_at', 'ASC')
      .addOrderBy('outbox.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.manager.delete(OutboxMessageEntity, [...ids]);
  }
}
