import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import type { RedactionTarget } from '@sieve/contracts';
import { REDACTION_JOB_STATUSES, RedactionJobEntity, RedactionReceiptEntity } from '@sieve/tickets-data-access';
import { parseRequest, requirePathUuid } from '../parse-request';
import { StaffPrincipal } from '../staff-authenticator';
import { decodeCursor, encodeCursor } from '../keyset-cursor';
import { TicketsError } from '../tickets.error';
import { receiptStoresOf } from './redaction-scope';

/** A job as the API shows it: who asked and why, where it is, and each store's receipt — never content. */
export interface RedactionJobView {
  jobId: string;
  status: string;
  target: RedactionTarget;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  approval: { required: boolean; approvedBy: string | null; approvedAt: string | null };
  /** Messages and attachments the request covered when made (what approval is counted on). */
  sizeAtRequest: number;
  /** Items (messages, attachments, searches, clicks, conversations, the end user) listed once the job started, and removed so far. */
  progress: { itemsTotal: number | null; itemsDone: number };
  startedAt: string | null;
  completedAt: string | null;
  failure: string | null;
  /** Every store that must confirm, and when it did (null until then). */
  receipts: { store: string; removed: number | null; confirmedAt: string | null }[];
}

export interface RedactionJobPage {
  items: RedactionJobView[];
  nextCursor: string | null;
}

export const listRedactionJobsQuerySchema = z
  .object({
    status: z.enum(REDACTION_JOB_STATUSES).optional(),
    /** Only jobs that wait for a second admin's approval. */
    awaitingApproval: z.enum(['true', 'false']).optional(),
    conversationId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

/** The brand's redaction jobs: one, or a page of them newest first. */
export class RedactionJobsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async show(staff: StaffPrincipal, jobId: string): Promise<RedactionJobView> {
    requirePathUuid(jobId, 'job');
    const job = await this.find(this.dataSource.manager, staff.tenantId, jobId);
    if (!job) throw new TicketsError('not-found', `No redaction job ${jobId} in this brand.`);
    return job;
  }

  async list(staff: StaffPrincipal, query: unknown): Promise<RedactionJobPage> {
    const filter = parseRequest(listRedactionJobsQuerySchema, query);
    const builder = this.dataSource
      .getRepository(RedactionJobEntity)
      .createQueryBuilder('j')
      .where('j.tenant_id = :tenantId', { tenantId: staff.tenantId })
      .orderBy('j.requested_at', 'DESC')
      .addOrderBy('j.job_id', 'DESC')
      .take(filter.limit + 1);
    if (filter.status) builder.andWhere('j.status = :status', { status: filter.status });
    if (filter.awaitingApproval) builder.andWhere(`(j.approval_required AND j.approved_by IS NULL AND j.status = 'pending') = :awaiting`, { awaiting: filter.awaitingApproval === 'true' });
    if (filter.conversationId) builder.andWhere('j.conversation_id = :conversationId', { conversationId: filter.conversationId });
    if (filter.cursor !== undefined) {
      const after = decodeCursor(filter.cursor);
      builder.andWhere('(j.requested_at, j.job_id) < (:afterAt, :afterId)', { afterAt: after.at, afterId: after.id });
    }
    const rows = await builder.getMany();
    const page = rows.slice(0, filter.limit);
    const receipts = await this.receiptsOf(this.dataSource.manager, page.map(({ jobId }) => jobId));
    const last = page[page.length - 1];
    return {
      items: page.map((job) => viewOf(job, receipts.get(job.jobId) ?? [])),
      nextCursor: rows.length > filter.limit && last ? encodeCursor({ at: last.requestedAt, id: last.jobId }) : null,
    };
  }

  async find(manager: EntityManager, tenantId: string, jobId: string): Promise<RedactionJobView | null> {
    const job = await manager.getRepository(RedactionJobEntity).findOneBy({ tenantId, jobId });
    return job && viewOf(job, (await this.receiptsOf(manager, [jobId])).get(jobId) ?? []);
  }

  /** Whether this end user's erasure was asked for (their row is gone once it ran). */
  findErasure(manager: EntityManager, tenantId: string, endUserId: string): Promise<boolean> {
    return manager
      .getRepository(RedactionJobEntity)
      .createQueryBuilder('j')
      .where(`j.tenant_id = :tenantId AND j.end_user_id = :endUserId AND j.target ->> 'kind' = 'end-user'`, { tenantId, endUserId })
      .getExists();
  }

  private async receiptsOf(manager: EntityManager, jobIds: string[]): Promise<Map<string, RedactionReceiptEntity[]>> {
    const byJob = new Map<string, RedactionReceiptEntity[]>();
    if (jobIds.length === 0) return byJob;
    const rows = await manager.getRepository(RedactionReceiptEntity).createQueryBuilder('r').where('r.job_id IN (:...jobIds)', { jobIds }).getMany();
    for (const row of rows) byJob.set(row.jobId, [...(byJob.get(row.jobId) ?? []), row]);
    return byJob;
  }
}

function viewOf(job: RedactionJobEntity, receipts: RedactionReceiptEntity[]): RedactionJobView {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    jobId: job.jobId,
    status: job.status,
    target: job.target,
    reason: job.reason,
    requestedBy: job.requestedBy,
    requestedAt: job.requestedAt.toISOString(),
    approval: { required: job.approvalRequired, approvedBy: job.approvedBy, approvedAt: iso(job.approvedAt) },
    sizeAtRequest: job.sizeAtRequest,
    progress: { itemsTotal: job.itemsTotal, itemsDone: job.itemsDone },
    startedAt: iso(job.startedAt),
    completedAt: iso(job.completedAt),
    failure: job.failure,
    receipts: receiptStoresOf(job.target.kind).map((store) => {
      const receipt = receipts.find((candidate) => candidate.store === store);
      return { store, removed: receipt?.removed ?? null, confirmedAt: iso(receipt?.confirmedAt ?? null) };
    }),
  };
}
