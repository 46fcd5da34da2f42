import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const REDACTION_ITEM_KINDS = ['message', 'attachment', 'faq-search', 'link-click', 'conversation', 'end-user'] as const;
export type RedactionItemKind = (typeof REDACTION_ITEM_KINDS)[number];

/**
 * One thing a job removes, listed when the job is planned and marked done in the same transaction
 * as its removal: a job that crashed resumes with what is not done, and nothing is removed twice.
 */
@Entity({ name: 'redaction_job_items' })
@Index('idx_redaction_job_items_undone', ['jobId', 'kind', 'itemId'], { where: 'done_at IS NULL' })
export class RedactionJobItemEntity {
  @PrimaryColumn('uuid', { name: 'job_id' })
  jobId!: string;

  @PrimaryColumn('text')
  kind!: RedactionItemKind;

  @PrimaryColumn('uuid', { name: 'item_id' })
  itemId!: string;

  @Column('timestamptz', { name: 'done_at', nullable: true })
  doneAt!: Date | null;
}
