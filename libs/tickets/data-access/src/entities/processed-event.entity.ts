import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The inbox: one row per event a consumer applied, written in the same transaction as the
 * effect, so a redelivered event is recognised and changes nothing.
 */
@Entity({ name: 'processed_events' })
export class ProcessedEventEntity {
  @PrimaryColumn('text')
  consumer!: string;

  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('timestamptz', { name: 'processed_at', default: () => 'now()' })
  processedAt!: Date;
}
