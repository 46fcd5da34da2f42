import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EventOn, TopicName } from '@sieve/contracts';
import { OutboxMessageEntity } from './entities/outbox-message.entity';
import { DataOwner, PersonalData, SHREDDED } from './personal-data';

export interface PendingOutboxMessage<T extends TopicName = TopicName> {
  topic: T;
  key: string;
  event: EventOn<T>;
  /** The end user whose personal data the event carries: it is kept sealed with their key until published. */
  sealedFor?: DataOwner;
}

/** The outbox: events to publish, written with the change they announce. */
export class OutboxRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly personalData?: PersonalData,
  ) {}

  async add<T extends TopicName>({ topic, key, event, sealedFor }: PendingOutboxMessage<T>): Promise<void> {
    const row = { id: event.id, topic, messageKey: key };
    if (!sealedFor) {
      // TypeORM's deep-partial type can't express a jsonb record; the driver serializes it.
      await this.manager.insert(OutboxMessageEntity, { ...row, event } as QueryDeepPartialEntity<OutboxMessageEntity>);
      return;
    }
    const eventSealed = await this.sealing().seal(sealedFor, 'outbox.event', event.id, JSON.stringify(event));
    await this.manager.insert(OutboxMessageEntity, { ...row, eventSealed, tenantId: sealedFor.tenantId, endUserId: sealedFor.endUserId });
  }

  /** A message's event as it goes to Kafka (opened if sealed); null if its end user was erased since. */
  async eventOf(message: OutboxMessageEntity): Promise<EventOn<TopicName> | null> {
    if (message.event) return message.event as unknown as EventOn<TopicName>;
    const opened = await this.sealing().open({ tenantId: message.tenantId!, endUserId: message.endUserId! }, 'outbox.event', message.id, message.eventSealed!);
    return opened === SHREDDED ? null : (JSON.parse(opened.toString('utf8')) as EventOn<TopicName>);
  }

  private sealing(): PersonalData {
    if (!this.personalData) throw new Error('an outbox with sealed events needs PersonalData');
    return this.personalData;
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
