import { EntityManager } from 'typeorm';

/** Which events a consumer has applied. Use inside the transaction that applies the effect. */
export class InboxRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Records the events in one statement; the ids this consumer had not applied before. */
  async recordFirstDeliveries(consumer: string, eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows: { event_id: string }[] = await this.manager.query(
      `insert into processed_events (consumer, event_id) select $1, unnest($2::uuid[]) on conflict do nothing returning event_id`,
      [consumer, [...new Set(eventIds)]],
    );
    return new Set(rows.map((row) => row.event_id));
  }
}
