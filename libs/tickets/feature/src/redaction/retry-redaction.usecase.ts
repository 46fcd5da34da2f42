import { DataSource } from 'typeorm';
import { z } from 'zod';
import { RedactionJobEntity } from '@sieve/tickets-data-access';
import { StaffPrincipal } from '../staff-authenticator';
import { TicketsError } from '../tickets.error';
import { announceJob } from './announce-job';
import { RedactionJobsQuery, RedactionJobView } from './redaction-jobs.query';

/**
 * An admin runs a failed job again, once what made it fail is fixed: it is pending again, with its
 * attempts reset, and resumes where it stopped (what it removed stays removed).
 */
export class RetryRedactionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: RedactionJobsQuery,
    private readonly outboxWritten: () => void,
  ) {}

  async execute(staff: StaffPrincipal, jobId: string, correlationId: string): Promise<RedactionJobView> {
    if (!z.uuid().safeParse(jobId).success) throw new TicketsError('invalid-request', 'The job id in the path must be a UUID.');
    await this.dataSource.transaction(async (manager) => {
      const job = await manager.getRepository(RedactionJobEntity).findOne({ where: { tenantId: staff.tenantId, jobId }, lock: { mode: 'pessimistic_write' } });
      if (!job) throw new TicketsError('not-found', `No redaction job ${jobId} in this brand.`);
      if (job.status !== 'failed') throw new TicketsError('conflict', `Job ${jobId} is ${job.status}: only a failed job is run again.`);
      await manager.update(RedactionJobEntity, { jobId }, { status: 'pending', attempts: 0, failure: null });
      await announceJob(manager, job, correlationId);
    });
    this.outboxWritten();
    return (await this.jobs.find(this.dataSource.manager, staff.tenantId, jobId))!;
  }
}
