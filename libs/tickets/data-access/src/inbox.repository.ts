import { EntityManager } from 'typeorm';
import { ProcessedEventEntity } from './entities/processed-event.entity';

/** Which events a consumer has applied. Use inside the transaction that applies the effect. */
export class InboxRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Records the event; false if this consumer had already applied it. */
  async recordFirstDelivery(consumer: string, eventId: string): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(ProcessedEventEntity)
      .values({ consumer, eventId })
      .orIgnore()
      .returning(['eventId'])
      .execute();
    return result.raw.length === 1;
  }
}
