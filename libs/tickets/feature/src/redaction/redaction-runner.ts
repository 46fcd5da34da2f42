import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { BlobStore } from '@sieve/blob-store';
import { buildEvent, RedactionCompletedV1, Topics } from '@sieve/contracts';
import { classifyDatabaseError } from '@sieve/persistence';
import { TransitKeys } from '@sieve/key-vault';
import type { Logger } from '@sieve/telemetry';
import {
  AttachmentEntity,
  ConversationEntity,
  DataKeys,
  EndUserEntity,
  FaqSearchEntity,
  LinkClickEntity,
  MessageEntity,
  OutboxMessageEntity,
  OutboxRepository,
  PersonalData,
  RedactionItemKind,
  RedactionJobEntity,
  RedactionJobItemEntity,
  RedactionReceiptEntity,
  SHREDDED,
} from '@sieve/tickets-data-access';
import { uploadBlobKeyOf } from '../apply-support-events.usecase';
import { planItems, RECEIPT_STORES } from './redaction-scope';
import { redactRanges } from './text-redaction';

export const REDACTION_WORKER_PRODUCER = 'redaction-worker';

export interface RedactionRunnerOptions {
  /** Items removed per transaction. */
  chunkSize: number;
  /** How long an idle runner waits before it looks for work again (a nudge cuts it short). */
  idleMs: number;
  /** Runs ending in an error (not a database that is down) before a job is failed. */
  maxAttempts: number;
}

export interface RedactionRunnerHooks {
  /** Called after each chunk is committed (tests crash the runner here). */
  afterChunk?: (jobId: string, itemsDone: number) => Promise<void> | void;
}

// Items go in this order: what hangs off a conversation before the conversation, conversations before their end user.
const ITEM_ORDER: readonly RedactionItemKind[] = ['message', 'attachment', 'link-click', 'faq-search', 'conversation', 'end-user'];

/**
 * Carries out redaction jobs. A job is claimed with a session advisory lock (released by
 * PostgreSQL when the process dies, so a restarted worker resumes at once), planned into items,
 * and its items removed a chunk at a time: each chunk's removals and its items' done marks are one
 * transaction, so a crash never half-applies a chunk and never applies one twice. Blobs go before
 * the chunk that marks their attachments (deleting a deleted blob is harmless). Then the transit
 * keys of the content's events (so the copies Kafka retains can't be opened) and, on an erasure,
 * the end user's data key are destroyed — again harmlessly after a crash — and one transaction
 * records the worker's own receipts and puts the completion event in the outbox. The job is completed when every other
 * holder has confirmed (`RecordPurgeConfirmations`).
 */
export class RedactionRunner {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly personalData: PersonalData,
    private readonly dataKeys: DataKeys,
    private readonly transitKeys: TransitKeys,
    private readonly blobs: BlobStore,
    private readonly logger: Logger,
    private readonly outboxWritten: () => void,
    private readonly options: RedactionRunnerOptions = { chunkSize: 500, idleMs: 1_000, maxAttempts: 3 },
    private readonly hooks: RedactionRunnerHooks = {},
  ) {}

  async start(): Promise<void> {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** A job may be ready (a request or an approval arrived): look now rather than after the idle wait. */
  nudge(): void {
    this.wake?.();
  }

  /** Claims one runnable job and carries it out as far as the worker can; false if there was none, or it ran into an error (the runner then waits before it tries again). */
  async runNext(): Promise<boolean> {
    const candidates: { job_id: string }[] = await this.dataSource.query(
      `SELECT job_id FROM redaction_jobs
        WHERE status IN ('pending', 'running') AND phase <> 'confirming' AND (NOT approval_required OR approved_by IS NOT NULL)
        ORDER BY requested_at LIMIT 20`,
    );
    for (const { job_id: jobId } of candidates) {
      const outcome = await this.runJob(jobId);
      if (outcome !== 'claimed-elsewhere') return outcome === 'progressed';
    }
    return false;
  }

  /**
   * Carries out one job if no other worker has it: the claim is a session advisory lock on a
   * connection held for the run, which PostgreSQL releases if this process dies.
   */
  async runJob(jobId: string): Promise<'progressed' | 'error' | 'claimed-elsewhere'> {
    const connection = this.dataSource.createQueryRunner();
    await connection.connect();
    try {
      const [{ locked }] = await connection.query(`SELECT pg_try_advisory_lock(hashtext('sieve.redaction-job'), hashtext($1)) AS locked`, [jobId]);
      if (!locked) return 'claimed-elsewhere';
      try {
        return (await this.carryOut(jobId)) ? 'progressed' : 'error';
      } finally {
        await connection.query(`SELECT pg_advisory_unlock(hashtext('sieve.redaction-job'), hashtext($1))`, [jobId]);
      }
    } finally {
      await connection.release();
    }
  }

  private async carryOut(jobId: string): Promise<boolean> {
    const jobs = this.dataSource.getRepository(RedactionJobEntity);
    let job = await jobs.findOneByOrFail({ jobId });
    // Read again under the lock: another worker may have moved it on meanwhile.
    if (!(job.status === 'pending' || job.status === 'running') || job.phase === 'confirming' || job.phase === 'done') return true;
    if (job.approvalRequired && !job.approvedBy) return true;
    try {
      if (job.status === 'pending') {
        await jobs.update({ jobId, status: 'pending' }, { status: 'running', startedAt: () => 'now()' });
        this.logger.info({ jobId, target: job.target.kind }, 'redaction job started');
      }
      if (job.phase === 'planning') job = await this.plan(job);
      while (job.phase === 'removing') job = await this.removeChunk(job);
      if (job.phase === 'finishing') await this.finish(job);
      return true;
    } catch (error) {
      await this.recordFailure(job, error);
      return false;
    }
  }

  /** Lists the job's items and where its content came from (the install the completion event names). */
  private async plan(job: RedactionJobEntity): Promise<RedactionJobEntity> {
    return this.dataSource.transaction(async (manager) => {
      const itemsTotal = await planItems(manager, job.jobId, job);
      const install = await this.installOf(manager, job);
      await manager.update(RedactionJobEntity, { jobId: job.jobId }, { phase: 'removing', itemsTotal, appId: install?.appId ?? null, installId: install?.installId ?? null });
      return manager.getRepository(RedactionJobEntity).findOneByOrFail({ jobId: job.jobId });
    });
  }

  private async installOf(manager: EntityManager, job: RedactionJobEntity): Promise<{ appId: string; installId: string } | null> {
    if (job.conversationId) return manager.getRepository(ConversationEntity).findOne({ select: { appId: true, installId: true }, where: { tenantId: job.tenantId, id: job.conversationId } });
    return manager.getRepository(EndUserEntity).findOne({ select: { appId: true, installId: true }, where: { tenantId: job.tenantId, id: job.endUserId! } });
  }

  /** Removes the next chunk of undone items (all of one kind), or moves the job on when there are none. */
  private async removeChunk(job: RedactionJobEntity): Promise<RedactionJobEntity> {
    const items = this.dataSource.getRepository(RedactionJobItemEntity);
    let kind: RedactionItemKind | undefined;
    let ids: string[] = [];
    for (kind of ITEM_ORDER) {
      const undone = await items.find({ select: { itemId: true }, where: { jobId: job.jobId, kind, doneAt: IsNull() }, order: { itemId: 'ASC' }, take: this.options.chunkSize });
      ids = undone.map(({ itemId }) => itemId);
      if (ids.length > 0) break;
    }
    if (ids.length === 0 || !kind) {
      await this.dataSource.getRepository(RedactionJobEntity).update({ jobId: job.jobId, phase: 'removing' }, { phase: 'finishing' });
      return { ...job, phase: 'finishing' };
    }
    if (kind === 'attachment') await this.deleteBlobs(job.tenantId, ids);
    const removalKind = kind;
    const itemsDone = await this.dataSource.transaction(async (manager) => {
      await this.remove(manager, job, removalKind, ids);
      await manager
        .createQueryBuilder()
        .update(RedactionJobItemEntity)
        .set({ doneAt: () => 'now()' })
        .where('job_id = :jobId AND kind = :kind AND item_id IN (:...ids) AND done_at IS NULL', { jobId: job.jobId, kind: removalKind, ids })
        .execute();
      const [{ items_done }] = await manager.query(`UPDATE redaction_jobs SET items_done = items_done + $2 WHERE job_id = $1 RETURNING items_done`, [job.jobId, ids.length]);
      return items_done as number;
    });
    await this.hooks.afterChunk?.(job.jobId, itemsDone);
    return { ...job, itemsDone };
  }

  private async deleteBlobs(tenantId: string, attachmentIds: string[]): Promise<void> {
    const rows = await this.dataSource.getRepository(AttachmentEntity).find({ select: { blobKey: true }, where: { tenantId, id: In(attachmentIds) } });
    for (const { blobKey } of rows) {
      await this.blobs.delete(blobKey);
      await this.blobs.delete(uploadBlobKeyOf(blobKey));
    }
  }

  /**
   * What removing items of a kind means: an erasure deletes rows; a redaction keeps them and
   * replaces their content with the marker of who asked (the job's requester), when and in which job.
   */
  private async remove(manager: EntityManager, job: RedactionJobEntity, kind: RedactionItemKind, ids: string[]): Promise<void> {
    const erasure = job.target.kind === 'end-user';
    const marker = { redactedAt: () => 'now()', redactedBy: job.requestedBy, redactionJobId: job.jobId };
    const where = { tenantId: job.tenantId, id: In(ids) };
    switch (kind) {
      case 'message':
        if (erasure) await manager.delete(MessageEntity, where);
        else if (job.target.kind === 'message' && job.target.ranges) await this.redactRangesOf(manager, job, job.target.ranges);
        else await manager.update(MessageEntity, where, { bodySealed: null, ...marker });
        return;
      case 'attachment':
        if (erasure) await manager.delete(AttachmentEntity, where);
        else await manager.update(AttachmentEntity, where, { fileNameSealed: null, ...marker });
        return;
      case 'link-click':
        await manager.delete(LinkClickEntity, where);
        return;
      case 'faq-search':
        await manager.delete(FaqSearchEntity, where);
        return;
      case 'conversation':
        if (erasure) await manager.delete(ConversationEntity, where);
        else await manager.update(ConversationEntity, where, { customFieldsSealed: null, ...marker });
        return;
      case 'end-user':
        // Replies waiting in the outbox, sealed with the key about to be destroyed, are not sent.
        await manager.delete(OutboxMessageEntity, { tenantId: job.tenantId, endUserId: In(ids) });
        await manager.delete(EndUserEntity, where);
        return;
    }
  }

  /** The message's body sealed again with the ranges replaced by the marker (a redacted or shredded body stays as it is). */
  private async redactRangesOf(manager: EntityManager, job: RedactionJobEntity, ranges: NonNullable<Extract<RedactionJobEntity['target'], { kind: 'message' }>['ranges']>): Promise<void> {
    if (job.target.kind !== 'message') return;
    const message = await manager.getRepository(MessageEntity).findOne({ where: { tenantId: job.tenantId, id: job.target.messageId }, lock: { mode: 'pessimistic_write' } });
    if (!message?.bodySealed) return;
    const owner = { tenantId: message.tenantId, endUserId: message.endUserId };
    const body = await this.personalData.open(owner, 'messages.body', message.id, message.bodySealed);
    if (body === SHREDDED) return;
    const redacted = redactRanges(body.toString('utf8'), ranges);
    await manager.update(MessageEntity, { id: message.id }, { bodySealed: await this.personalData.seal(owner, 'messages.body', message.id, redacted), redactedAt: () => 'now()', redactedBy: job.requestedBy, redactionJobId: job.jobId });
  }

  /**
   * Destroys the erased end user's data key (again harmlessly after a crash), then records the
   * worker's receipts and announces the completion in one transaction, once.
   */
  private async finish(job: RedactionJobEntity): Promise<void> {
    const erasure = job.target.kind === 'end-user' && job.endUserId !== null;
    const counts = await this.doneCounts(this.dataSource.manager, job.jobId);
    const transitKeysDestroyed = await this.transitKeys.destroy({
      tenantId: job.tenantId,
      ...(erasure ? { subjectId: job.endUserId! } : job.target.kind === 'conversation' ? { conversationId: job.conversationId! } : { keyIds: [...(counts.get('message') ?? []), ...(counts.get('attachment') ?? [])] }),
    });
    if (erasure) await this.dataKeys.destroy(job.tenantId, job.endUserId!);
    const announced = await this.dataSource.transaction(async (manager) => {
      const moved = await manager.update(RedactionJobEntity, { jobId: job.jobId, phase: 'finishing' }, { phase: 'confirming' });
      if (moved.affected !== 1) return false;
      const removed = (kinds: RedactionItemKind[]) => kinds.reduce((sum, kind) => sum + (counts.get(kind)?.length ?? 0), 0);
      const receipts = [
        { store: RECEIPT_STORES.database, removed: removed([...ITEM_ORDER]) },
        // After a crash between destroying and this transaction the keys are found destroyed already: the receipt counts this run's.
        { store: RECEIPT_STORES.transitKeys, removed: transitKeysDestroyed },
        ...(job.target.kind === 'attachments' || job.target.kind === 'conversation' || erasure ? [{ store: RECEIPT_STORES.blobs, removed: removed(['attachment']) }] : []),
        ...(erasure ? [{ store: RECEIPT_STORES.dataKeys, removed: 1 }] : []),
      ];
      await manager.insert(RedactionReceiptEntity, receipts.map((receipt) => ({ ...receipt, jobId: job.jobId, confirmedAt: new Date() })));
      const completed: RedactionCompletedV1 = {
        jobId: job.jobId,
        kind: job.target.kind,
        ...(job.appId && job.installId ? { install: { appId: job.appId, installId: job.installId } } : {}),
        ...(erasure ? { endUserId: job.endUserId! } : {}),
        conversationIds: job.conversationId ? [job.conversationId] : (counts.get('conversation') ?? []),
        // Whole conversations and erasures are purged by conversation and install; smaller jobs name what they removed.
        messageIds: job.target.kind === 'conversation' || erasure ? [] : (counts.get('message') ?? []),
        attachmentIds: job.target.kind === 'conversation' || erasure ? [] : (counts.get('attachment') ?? []),
      };
      const event = buildEvent('redaction.completed', completed, { tenantId: job.tenantId, producer: REDACTION_WORKER_PRODUCER, correlationId: job.jobId, causationId: null });
      await new OutboxRepository(manager).add({ topic: Topics.redactionCompleted, key: job.jobId, event });
      return true;
    });
    if (!announced) return;
    this.outboxWritten();
    this.logger.info({ jobId: job.jobId, target: job.target.kind, items: job.itemsTotal }, 'redaction job removed its content; waiting for the other holders to confirm');
  }

  private async doneCounts(manager: EntityManager, jobId: string): Promise<Map<RedactionItemKind, string[]>> {
    const rows = await manager.getRepository(RedactionJobItemEntity).find({ select: { kind: true, itemId: true }, where: { jobId } });
    const byKind = new Map<RedactionItemKind, string[]>();
    for (const { kind, itemId } of rows) byKind.set(kind, [...(byKind.get(kind) ?? []), itemId]);
    return byKind;
  }

  /**
   * A database that is down is waited out (the job resumes where it was); any other error counts
   * as an attempt, and the job fails after `maxAttempts` with the error's message (never content).
   */
  private async recordFailure(job: RedactionJobEntity, error: unknown): Promise<void> {
    if (classifyDatabaseError(error) === 'transient') {
      this.logger.warn({ err: error, jobId: job.jobId }, 'redaction job paused: the database is not reachable; it resumes where it was');
      return;
    }
    const attempts = job.attempts + 1;
    const failed = attempts >= this.options.maxAttempts;
    const failure = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : 'unknown error';
    this.logger.error({ err: error, jobId: job.jobId, attempts }, failed ? 'redaction job failed' : 'redaction job ran into an error; it is tried again');
    await this.dataSource.getRepository(RedactionJobEntity).update({ jobId: job.jobId }, { attempts, ...(failed ? { status: 'failed', failure } : {}) });
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (await this.runNext()) continue;
      } catch (error) {
        this.logger.warn({ err: error }, 'redaction runner could not look for jobs; it tries again');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.idleMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
