import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RedactionTarget } from '@sieve/contracts';

export const REDACTION_JOB_STATUSES = ['pending', 'running', 'completed', 'failed'] as const;
export type RedactionJobStatus = (typeof REDACTION_JOB_STATUSES)[number];

/**
 * Where a running job is: its items are listed (`planning`), removed a chunk at a time
 * (`removing`), their keys destroyed and the completion announced (`finishing`), then every other
 * holder of a copy confirms (`confirming`) until the job is `done`.
 */
export const REDACTION_JOB_PHASES = ['planning', 'removing', 'finishing', 'confirming', 'done'] as const;
export type RedactionJobPhase = (typeof REDACTION_JOB_PHASES)[number];

/**
 * A redaction or erasure someone asked for, and how far the redaction worker has carried it out.
 * With its items and receipts it is the audit trail: who asked, who approved, why, when, which
 * ids, and when each store confirmed — never the content removed.
 */
@Entity({ name: 'redaction_jobs' })
@Index('idx_redaction_jobs_tenant', ['tenantId', 'requestedAt'])
@Index('idx_redaction_jobs_runnable', ['requestedAt'], { where: `status IN ('pending', 'running') AND phase <> 'confirming'` })
@Index('idx_redaction_jobs_confirming', ['announcedAt'], { where: `phase = 'confirming'` })
export class RedactionJobEntity {
  @PrimaryColumn('uuid', { name: 'job_id' })
  jobId!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  /** The conversation the content lies in; null for an end user's erasure. */
  @Column('uuid', { name: 'conversation_id', nullable: true })
  conversationId!: string | null;

  /** Whose content it is (the conversation's end user, or the one erased). */
  @Column('uuid', { name: 'end_user_id', nullable: true })
  endUserId!: string | null;

  /** The staff credential that asked. */
  @Column('uuid', { name: 'requested_by' })
  requestedBy!: string;

  @Column('text')
  reason!: string;

  @Column('jsonb')
  target!: RedactionTarget;

  @Column('timestamptz', { name: 'requested_at', default: () => 'now()' })
  requestedAt!: Date;

  @Column('text', { default: 'pending' })
  status!: RedactionJobStatus;

  @Column('text', { default: 'planning' })
  phase!: RedactionJobPhase;

  /** How many messages and attachments the request covered when it was made; over the threshold it waits for a second admin. */
  @Column('integer', { name: 'size_at_request', default: 0 })
  sizeAtRequest!: number;

  @Column('boolean', { name: 'approval_required', default: false })
  approvalRequired!: boolean;

  @Column('uuid', { name: 'approved_by', nullable: true })
  approvedBy!: string | null;

  @Column('timestamptz', { name: 'approved_at', nullable: true })
  approvedAt!: Date | null;

  /** Items listed when the job was planned, and how many are removed. */
  @Column('integer', { name: 'items_total', nullable: true })
  itemsTotal!: number | null;

  @Column('integer', { name: 'items_done', default: 0 })
  itemsDone!: number;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  /** When its completion was last announced to the other holders (again while one has not confirmed). */
  @Column('timestamptz', { name: 'announced_at', nullable: true })
  announcedAt!: Date | null;

  /** Runs that ended in an error; a job fails after a few (a dependency that is down doesn't count). */
  @Column('integer', { default: 0 })
  attempts!: number;

  /** Why the job failed, for people: what was wrong, never content. */
  @Column('text', { nullable: true })
  failure!: string | null;
}
