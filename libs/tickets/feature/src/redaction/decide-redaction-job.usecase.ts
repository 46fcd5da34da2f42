import { DataSource, EntityManager } from 'typeorm';
import { RedactionJobEntity, StaffCredentialEntity } from '@sieve/tickets-data-access';
import { StaffPrincipal } from '../staff-authenticator';
import { TicketsError } from '../tickets.error';
import { announceJob } from './announce-job';
import { RedactionJobsQuery, RedactionJobView } from './redaction-jobs.query';
import { requirePathUuid } from '../parse-request';

/**
 * An admin's decisions on a job: approving a bulk request (as a second admin), or running a failed
 * job again. Either announces the job to the redaction worker, in the same transaction.
 */
export class DecideRedactionJobUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: RedactionJobsQuery,
    private readonly outboxWritten: () => void,
  ) {}

  /** Approves a job over the threshold; approving an approved job again changes nothing. */
  approve(staff: StaffPrincipal, jobId: string, correlationId: string): Promise<RedactionJobView> {
    return this.decide(staff, jobId, correlationId, async (manager, job) => {
      if (!job.approvalRequired) throw new TicketsError('conflict', `Job ${jobId} needs no approval: it covered ${job.sizeAtRequest} messages and attachments, within the threshold.`);
      if (job.approvedBy) return false;
      if (job.requestedBy === staff.credentialId) throw new TicketsError('forbidden', 'A bulk redaction needs a second admin: the one who asked for it cannot approve it.');
      // A token made after the request (by the requester, say, to approve it themselves) is not a second admin for it.
      const approver = await manager.getRepository(StaffCredentialEntity).findOneBy({ id: staff.credentialId });
      if (approver && approver.createdAt > job.requestedAt) throw new TicketsError('forbidden', 'A staff token made after this request was made cannot approve it; an admin whose token is older can.');
      await manager.update(RedactionJobEntity, { jobId }, { approvedBy: staff.credentialId, approvedAt: () => 'now()' });
      return true;
    });
  }

  /** Runs a failed job again, once what made it fail is fixed: pending, attempts reset; it resumes where it stopped. */
  retry(staff: StaffPrincipal, jobId: string, correlationId: string): Promise<RedactionJobView> {
    return this.decide(staff, jobId, correlationId, async (manager, job) => {
      if (job.status !== 'failed') throw new TicketsError('conflict', `Job ${jobId} is ${job.status}: only a failed job is run again.`);
      await manager.update(RedactionJobEntity, { jobId }, { status: 'pending', attempts: 0, failure: null });
      return true;
    });
  }

  /** The brand's job, locked, changed by `change`; announced if it says so. */
  private async decide(staff: StaffPrincipal, jobId: string, correlationId: string, change: (manager: EntityManager, job: RedactionJobEntity) => Promise<boolean>): Promise<RedactionJobView> {
    requirePathUuid(jobId, 'job');
    const announced = await this.dataSource.transaction(async (manager) => {
      const job = await manager.getRepository(RedactionJobEntity).findOne({ where: { tenantId: staff.tenantId, jobId }, lock: { mode: 'pessimistic_write' } });
      if (!job) throw new TicketsError('not-found', `No redaction job ${jobId} in this brand.`);
      if (!(await change(manager, job))) return false;
      await announceJob(manager, job, correlationId);
      return true;
    });
    if (announced) this.outboxWritten();
    return (await this.jobs.find(this.dataSource.manager, staff.tenantId, jobId))!;
  }
}
