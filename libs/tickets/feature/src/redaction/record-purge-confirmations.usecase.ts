import { DataSource } from 'typeorm';
import { Topics } from '@sieve/contracts';
import { ConsumedEvent } from '@sieve/kafka';
import type { Logger } from '@sieve/telemetry';
import { insertOnce, RedactionJobEntity, RedactionReceiptEntity } from '@sieve/tickets-data-access';
import { isConfirmedByAnotherService, receiptStoresOf } from './redaction-scope';

/**
 * Records the receipts other holders of copies send back, once per job and store (a redelivered
 * confirmation changes nothing), and completes a job when its last store has confirmed — in the
 * same transaction, so it is completed exactly once.
 */
export class RecordPurgeConfirmationsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
  ) {}

  async execute(batch: ConsumedEvent<typeof Topics.redactionConfirmations>[]): Promise<void> {
    for (const { event } of batch) {
      const { jobId, holder, purged, confirmedAt } = event.payload;
      const completed = await this.dataSource.transaction(async (manager) => {
        const job = await manager.getRepository(RedactionJobEntity).findOne({ where: { jobId, tenantId: event.tenantId }, lock: { mode: 'pessimistic_write' } });
        if (!job) {
          this.logger.warn({ jobId, holder }, 'a purge confirmation names no job of its brand; ignored');
          return false;
        }
        // Only holders outside the worker confirm here; the worker's own receipts are written as it works.
        if (!isConfirmedByAnotherService(holder) || !receiptStoresOf(job.target.kind).includes(holder)) {
          this.logger.warn({ jobId, holder }, 'a purge confirmation from a holder this job does not wait for; ignored');
          return false;
        }
        await insertOnce(manager, RedactionReceiptEntity, { jobId, store: holder, removed: purged, confirmedAt: new Date(confirmedAt) });
        if (job.phase !== 'confirming') return false;
        const confirmed = new Set((await manager.getRepository(RedactionReceiptEntity).find({ select: { store: true }, where: { jobId } })).map(({ store }) => store));
        if (!receiptStoresOf(job.target.kind).every((store) => confirmed.has(store))) return false;
        await manager.update(RedactionJobEntity, { jobId }, { status: 'completed', phase: 'done', completedAt: () => 'now()' });
        return true;
      });
      if (completed) this.logger.info({ jobId }, 'redaction job completed: every store confirmed');
    }
  }
}
