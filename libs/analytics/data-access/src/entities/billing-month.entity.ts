import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A brand's billing month: its time zone, the key install ids are hashed with in it, and whether
 * it is closed. The key is the month's own, so the same install hashes differently in every month;
 * it is destroyed once no event can count in the month any more (the month is sealed).
 */
@Entity({ name: 'billing_months' })
@Index('uq_billing_months_tenant_month', ['tenantId', 'month'], { unique: true })
export class BillingMonthEntity {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  /** The month's first day, as a date ('2026-11-01'). */
  @Column('date')
  month!: string;

  @Column('text', { name: 'time_zone' })
  timeZone!: string;

  /** The month's HMAC key for install ids, wrapped under a key encryption key; null once destroyed. */
  @Column('bytea', { name: 'hash_key', nullable: true })
  hashKey!: Buffer | null;

  @Column('text', { name: 'hash_key_kek_id', nullable: true })
  hashKeyKekId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  /** When its figures were frozen; later events are recorded as adjustments. */
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  /** 'schedule' when closed by time, else the id of the billing staff member who closed it. */
  @Column('text', { name: 'closed_by', nullable: true })
  closedBy!: string | null;

  @Column('timestamptz', { name: 'sealed_at', nullable: true })
  sealedAt!: Date | null;
}
