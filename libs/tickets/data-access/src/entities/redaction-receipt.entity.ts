import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A store that holds copies, and when it confirmed it removed what a job named: a job is completed once every store has. */
@Entity({ name: 'redaction_receipts' })
export class RedactionReceiptEntity {
  @PrimaryColumn('uuid', { name: 'job_id' })
  jobId!: string;

  /** e.g. "ticket-store.database", "ingest-gateway.pending-replies". */
  @PrimaryColumn('text')
  store!: string;

  /** How many copies the store removed. */
  @Column('integer')
  removed!: number;

  @Column('timestamptz', { name: 'confirmed_at' })
  confirmedAt!: Date;
}
