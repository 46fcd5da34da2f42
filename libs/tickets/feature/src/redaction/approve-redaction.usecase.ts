import { DataSource } from 'typeorm';
import { z } from 'zod';
import { RedactionJobEntity, StaffCredentialRepository } from '@sieve/tickets-data-access';
import { StaffPrincipal } from '../staff-authenticator';
import { TicketsError } from '../tickets.error';
import { announceJob } from './announce-job';
import { RedactionJobsQuery, RedactionJobView } from './redaction-jobs.query';

/**
 * A second admin approves a bulk request: it is then announced to the redaction worker, in the
 * same transaction. Approving an approved job again changes nothing.
 */
export class ApproveRedactionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: RedactionJobsQuery,
    private readonly outboxWritten: () => void,
  ) {}

  async execute(staff: StaffPrincipal, jobId: string, correlationId: string): Promise<RedactionJobView> {
    if (!z.uuid().safeParse(jobId).success) throw new TicketsError('invalid-request', 'The job id in the path must be a UUID.');
    const approved = await this.dataSource.transaction(async (manager) => {
      const job = await manager.getRepository(RedactionJobEntity).findOne({ where: { tenantId: staff.tenantId, jobId }, lock: { mode: 'pessimistic_write' } });
      if (!job) throw new TicketsError('not-found', `No redaction job ${jobId} in this brand.`);
      if (!job.approvalRequired) throw new TicketsError('conflict', `Job ${jobId} needs no approval: it covered ${job.sizeAtRequest} messages and attachments, within the threshold.`);
      if (job.approvedBy) return false;
      // A token the requester made (or one made by a token they made) is the requester again.
      if (job.requestedBy === staff.credentialId || (await new StaffCredentialRepository(manager).wasMadeBy(staff.credentialId, job.requestedBy))) {
        throw new TicketsError('forbidden', 'A bulk redaction needs a second admin: the one who asked for it, or a token they made, cannot approve it.');
      }
      await manager.update(RedactionJobEntity, { jobId }, { approvedBy: staff.credentialId, approvedAt: () => 'now()' });
      await announceJob(manager, job, correlationId);
      return true;
    });
    if (approved) this.outboxWritten();
    return (await this.jobs.find(this.dataSource.manager, staff.tenantId, jobId))!;
  }
}
