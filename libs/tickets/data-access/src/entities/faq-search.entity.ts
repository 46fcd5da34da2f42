import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An FAQ search, linked to the end user as the disclosure says; the query is sealed with their key. */
@Entity({ name: 'faq_searches' })
@Index('idx_faq_searches_end_user', ['endUserId', 'searchedAt'])
export class FaqSearchEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('text', { name: 'app_id' })
  appId!: string;

  @Column('uuid', { name: 'end_user_id' })
  endUserId!: string;

  @Column('bytea', { name: 'query_sealed' })
  querySealed!: Buffer;

  @Column('timestamptz', { name: 'searched_at' })
  searchedAt!: Date;
}
