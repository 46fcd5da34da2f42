import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A brand's billing settings. A brand without a row bills in UTC. */
@Entity({ name: 'billing_accounts' })
export class BillingAccountEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId!: string;

  /** IANA name of the zone whose calendar days and months the brand is billed by. */
  @Column('text', { name: 'time_zone' })
  timeZone!: string;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
