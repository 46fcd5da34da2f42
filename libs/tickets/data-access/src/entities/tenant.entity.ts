import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A brand using Sieve. Every other row of the ticket context belongs to exactly one. */
@Entity({ name: 'tenants' })
export class TenantEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
