import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CustomFieldType } from '@sieve/ingest-domain';

/** A custom issue field a brand defined for an app: what the SDK shows and the gateway accepts. */
@Entity({ name: 'custom_fields' })
export class CustomFieldEntity {
  @PrimaryColumn('uuid', { name: 'app_id' })
  appId!: string;

  @PrimaryColumn('text')
  key!: string;

  @Column('text')
  type!: CustomFieldType;

  @Column('text')
  label!: string;

  @Column('boolean', { default: false })
  required!: boolean;

  /** A dropdown's options, in order; null for other types. */
  @Column('jsonb', { nullable: true })
  options!: string[] | null;

  /** Where the field stands in the SDK's form. */
  @Column('integer', { default: 0 })
  position!: number;
}
