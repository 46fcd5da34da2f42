import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Installs that a late event added to a period after its month was closed. */
@Entity({ name: 'usage_adjustments' })
@Index('idx_usage_adjustments_month', ['tenantId', 'month'])
export class UsageAdjustmentEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('date')
  month!: string;

  @Column('uuid', { name: 'app_id' })
  appId!: string;

  /** The day of the month, or 0 for the whole month. */
  @Column('smallint')
  day!: number;

  /** Installs added to the closed figure. */
  @Column('integer')
  installs!: number;

  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' })
  recordedAt!: Date;
}
