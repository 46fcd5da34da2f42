import { DataSource, EntityManager, In, IsNull, LessThan } from 'typeorm';
import { BlobStore } from '@sieve/blob-store';
import { buildEvent, RedactionCompletedV1, Topics } from '@sieve/contracts';
import { classifyFailure } from '@sieve/kafka';
import { DataKeys, DataKeySelection, TransitKeys, TransitKeySelection } from '@sieve/key-vault';
import { classifyDatabaseError } from '@sieve/persistence';
import type { Logger } from '@sieve/telemetry';
import {
  AttachmentEntity,
  ConversationEntity,
  EndUserEntity,
  FaqSearchEntity,
  LinkClickEntity,
  MessageEntity,
  OutboxMessageEntity,
  OutboxRepository,
  keyIdsIn,
  PersonalData,
  RedactionItemKind,
  RedactionJobEntity,
  RedactionJobItemEntity,
  RedactionReceiptEntity,
  SHREDDED,
} from '@sieve/tickets-data-access';
import { uploadBlobKeyOf } from '../apply-support-events.usecase';
import { PollingLoop } from '../polling-loop';
import { isConfirmedByAnotherService, planItems, RECEIPT_STORES, receiptStoresOf } from './redaction-scope';
import { redactRanges } from './text-redaction';

export const REDACTION_WORKER_PRODUCER = 'redaction-worker';

export interface RedactionRunnerOptions {
  /** Items removed per transaction. */
  chunkSize: number;
  /** How long an idle runner waits before it looks for work again (a nudge cuts it short). */
  idleMs: number;
  /** Runs ending in an error (not a dependency that is down) before a job is failed. */
  maxAttempts: number;
  /** How long a completed removal waits for a holder's confirmation before it is announced again. */
  reannounceAfterMs: number;
}

export interface RedactionRunnerHooks {
  /** Called after each chunk is committed (tests stop the runner here). */
  afterChunk?: (jobId: string, itemsDone: number) => Promise<void> | void;
}

// Items go in this order: what hangs off a conversation before the conversation, conversations before their end user.
const ITEM_ORDER: readonly RedactionItemKind[] = ['message', 'attachment', 'link-click', 'faq-search', 'conversation', 'end-user'];

/**
 * Carries out redaction jobs. A job is claimed with a session advisory lock (released by
 * PostgreSQL when the process dies, so a restarted worker resumes at once), planned into items,
 * and its items removed a chunk at a time: a chunk claims its items (`done_at` set where still
 * null) and removes what it claimed in one transaction, so a crash never half-applies a chunk and
 * no chunk is applied twice, even by a second worker. Blobs go before the chunk that marks their
 * attachments (deleting a deleted blob is harmless). An erasure destroys the end user's keys
 * before anything else, so nothing of theirs arriving meanwhile is stored; a redaction destroys
 * the transit keys of what it removed at the end. Then one transaction records the worker's own
 * receipts and puts the completion event in the outbox. The job is completed when every other
 * holder has confirmed (`RecordPurgeConfirmationsUseCase`).
 */
export class RedactionRunner {
  private readonly loop: PollingLoop;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly personalData: PersonalData,
    private readonly dataKeys: DataKeys,
    private readonly transitKeys: TransitKeys,
    private readonly blobs: BlobStore,
    private readonly logger: Logger,
    private readonly outboxWritten: () => void,
    private readonly options: RedactionRunnerOptions,
    private readonly hooks: RedactionRunnerHooks = {},
  ) {
    this.loop = new PollingLoop(() => this.runNext(), options.idleMs, (error) => this.logger.warn({ err: error }, 'redaction runner could not look for jobs; it tries again'));
  }

  start(): Promise<void> {
    return this.loop.start();
  }

  /** Stops after the chunk in hand: a long job goes on where it was when a worker starts again. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.loop.stop();
  }

  /** A job may be ready (a request or an approval arrived): look now rather than after the idle wait. */
  nudge(): void {
    this.loop.nudge();
  }

  /** Claims one runnable job and carries it out as far as the worker can; false if there was none, or it ran into an error (the runner then waits before it tries again). */
  async runNext(): Promise<boolean> {
    await this.reannounceStale();
    // Oldest first, but jobs that ran into errors after the others: a job that keeps failing doesn't hold up the rest.
    const candidates: { job_id: string }[] = await this.dataSource.query(
      `SELECT job_id FROM redaction_jobs
        WHERE status IN ('pending', 'running') AND phase <> 'confirming' AND (NOT approval_required OR approved_by IS NOT NULL)
        ORDER BY attempts, requested_at LIMIT 20`,
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
    if (!(job.status === 'pending' || job.status === 'running') || job.phase === 'confirming') return true;
    if (job.approvalRequired && !job.approvedBy) return true;
    try {
      if (job.status === 'pending') {
        await jobs.update({ jobId, status: 'pending' }, { status: 'running', startedAt: () => 'coalesce(started_at, now())' });
        this.logger.info({ jobId, target: job.target.kind }, 'redaction job started');
      }
      if (job.phase === 'planning') job = await this.plan(job);
      while ((job.phase === 'removing' || job.phase === 'finishing') && !this.stopping) job = job.phase === 'removing' ? await this.removeChunk(job) : await this.finish(job);
      return true;
    } catch (error) {
      await this.recordFailure(job, error);
      return false;
    }
  }

  /** Lists the job's items. An erasure first destroys the end user's keys: nothing of theirs is stored or opened from then on. */
  private async plan(job: RedactionJobEntity): Promise<RedactionJobEntity> {
    if (!job.endUserId && job.conversationId) {
      // A request recorded before jobs named their end user: its conversation's, if it still exists.
      const conversation = await this.dataSource.getRepository(ConversationEntity).findOne({ select: { endUserId: true }, where: { tenantId: job.tenantId, id: job.conversationId } });
      if (conversation) await this.dataSource.getRepository(RedactionJobEntity).update({ jobId: job.jobId }, { endUserId: conversation.endUserId });
      job = { ...job, endUserId: conversation?.endUserId ?? null };
    }
    if (job.target.kind === 'end-user' && job.endUserId) {
      await this.transitKeys.destroy({ tenantId: job.tenantId, subjectId: job.endUserId });
      await this.dataKeys.destroy({ tenantId: job.tenantId, ownerId: job.endUserId });
    }
    return this.dataSource.transaction(async (manager) => {
      const itemsTotal = await planItems(manager, job.jobId, job);
      await manager.update(RedactionJobEntity, { jobId: job.jobId }, { phase: 'removing', itemsTotal });
      return { ...job, phase: 'removing' as const, itemsTotal };
    });
  }

  /** Removes the next chunk of undone items (all of one kind), or moves the job on when there are none. */
  private async removeChunk(job: RedactionJobEntity): Promise<RedactionJobEntity> {
    const items = this.dataSource.getRepository(RedactionJobItemEntity);
    for (const kind of ITEM_ORDER) {
      const undone = await items.find({ select: { itemId: true }, where: { jobId: job.jobId, kind, doneAt: IsNull() }, order: { itemId: 'ASC' }, take: this.options.chunkSize });
      if (undone.length === 0) continue;
      const ids = undone.map(({ itemId }) => itemId);
      if (kind === 'attachment') await this.deleteBlobs(job.tenantId, ids);
      const itemsDone = await this.dataSource.transaction(async (manager) => {
        // Claimed here: an item another run marked done meanwhile is not removed again, nor counted.
        // (An UPDATE answers [rows, affected].)
        const [claimed]: [{ item_id: string }[], number] = await manager.query(
          `UPDATE redaction_job_items SET done_at = now() WHERE job_id = $1 AND kind = $2 AND item_id = ANY($3::uuid[]) AND done_at IS NULL RETURNING item_id`,
          [job.jobId, kind, ids],
        );
        if (claimed.length > 0) await this.remove(manager, job, kind, claimed.map(({ item_id }) => item_id));
        const [[{ items_done }]]: [{ items_done: number }[], number] = await manager.query(`UPDATE redaction_jobs SET items_done = items_done + $2 WHERE job_id = $1 RETURNING items_done`, [job.jobId, claimed.length]);
        return items_done;
      });
      await this.hooks.afterChunk?.(job.jobId, itemsDone);
      return { ...job, itemsDone };
    }
    await this.dataSource.getRepository(RedactionJobEntity).update({ jobId: job.jobId, phase: 'removing' }, { phase: 'finishing' });
    return { ...job, phase: 'finishing' };
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
    const marker = markerOf(job);
    const where = { tenantId: job.tenantId, id: In(ids) };
    switch (kind) {
      case 'message':
        if (erasure) await manager.delete(MessageEntity, where);
        else if (job.target.kind === 'message' && job.target.ranges) await this.redactRangesOf(manager, job, job.target.messageId, job.target.ranges);
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
        // Replies waiting in the outbox, sealed with the destroyed key, are not sent.
        await manager.delete(OutboxMessageEntity, { tenantId: job.tenantId, endUserId: In(ids) });
        await manager.delete(EndUserEntity, where);
        return;
    }
  }

  /** The message's body sealed again with the ranges replaced by the marker; a body already gone (redacted whole, or shredded) stays as it is. */
  private async redactRangesOf(manager: EntityManager, job: RedactionJobEntity, messageId: string, ranges: { start: number; end: number }[]): Promise<void> {
    const message = await manager.getRepository(MessageEntity).findOne({ where: { tenantId: job.tenantId, id: messageId }, lock: { mode: 'pessimistic_write' } });
    if (!message?.bodySealed) return;
    const owner = { tenantId: message.tenantId, endUserId: message.endUserId };
    const body = await this.personalData.open(owner, 'messages.body', message.id, message.bodySealed);
    if (body === SHREDDED) return;
    const redacted = redactRanges(body.toString('utf8'), ranges);
    // Under a new key: the one that sealed the whole body is destroyed when the job finishes, and with it every copy (backups) of the whole.
    await manager.update(MessageEntity, { id: message.id }, { bodySealed: await this.personalData.sealWithNewKey(owner, 'messages.body', message.id, redacted), ...markerOf(job) });
  }

  /**
   * Content that arrived while the job ran (a conversation's or a time range's new messages) goes
   * back to removing. Otherwise the transit keys of what was removed are destroyed (again
   * harmlessly after a crash), and one transaction records the worker's receipts and announces the
   * completion, once.
   */
  private async finish(job: RedactionJobEntity): Promise<RedactionJobEntity> {
    const itemsTotal = await this.dataSource.transaction((manager) => planItems(manager, job.jobId, job));
    if (itemsTotal !== job.itemsTotal) {
      await this.dataSource.getRepository(RedactionJobEntity).update({ jobId: job.jobId }, { itemsTotal, phase: 'removing' });
      return { ...job, itemsTotal, phase: 'removing' };
    }
    const items = await this.itemsByKind(this.dataSource.manager, job.jobId);
    const erasure = job.target.kind === 'end-user';
    const selection: TransitKeySelection = erasure ? { tenantId: job.tenantId, subjectId: job.endUserId! } : { tenantId: job.tenantId, keyIds: [...(items.get('message') ?? []), ...(items.get('attachment') ?? [])] };
    await this.transitKeys.destroy(selection);
    const dataKeySelection = await this.destroyDataKeysOf(job, items);
    // No end user: the content was gone before the job ran (a request older than erasure of its conversation); nobody holds a copy.
    const nothingHeld = !job.endUserId;
    const completion = nothingHeld ? null : await this.completionOf(this.dataSource.manager, job, items);
    const announced = await this.dataSource.transaction(async (manager) => {
      const moved = await manager.update(
        RedactionJobEntity,
        { jobId: job.jobId, phase: 'finishing' },
        nothingHeld ? { phase: 'done', status: 'completed', completedAt: () => 'now()' } : { phase: 'confirming', announcedAt: () => 'now()' },
      );
      if (moved.affected !== 1) return false;
      const removed: Record<string, number> = {
        [RECEIPT_STORES.database]: itemsTotal,
        [RECEIPT_STORES.transitKeys]: await this.transitKeys.countDestroyed(selection),
        [RECEIPT_STORES.blobs]: items.get('attachment')?.length ?? 0,
        [RECEIPT_STORES.dataKeys]: await this.dataKeys.countDestroyed(dataKeySelection),
      };
      const own = receiptStoresOf(job.target.kind).filter((store) => nothingHeld || !isConfirmedByAnotherService(store));
      await manager.insert(
        RedactionReceiptEntity,
        own.map((store) => ({ jobId: job.jobId, store, removed: removed[store] ?? 0, confirmedAt: new Date() })),
      );
      if (!completion) return false;
      await this.announce(manager, job, completion);
      return true;
    });
    if (announced) {
      this.outboxWritten();
      this.logger.info({ jobId: job.jobId, target: job.target.kind, items: itemsTotal }, 'redaction job removed its content; waiting for the other holders to confirm');
    }
    return { ...job, phase: 'confirming' };
  }

  /**
   * Destroys the data keys of what the job removed; which, for the receipt. An erasure's are all
   * the end user's (destroyed when it began, and again here: a writer the first destroy waited for
   * may have made a key meanwhile, which that statement did not see). A redaction's are every key
   * of its messages, attachments and conversation but those sealing what is left of a message (the
   * rest of a body whose ranges were redacted), read under a share lock: a range job redacting the
   * same message meanwhile holds its row until its new key seals the body, so that key is kept.
   */
  private async destroyDataKeysOf(job: RedactionJobEntity, items: Map<RedactionItemKind, string[]>): Promise<DataKeySelection> {
    if (job.target.kind === 'end-user') {
      const selection = { tenantId: job.tenantId, ownerId: job.endUserId! };
      await this.dataKeys.destroy(selection);
      return selection;
    }
    const unitIds = [...(items.get('message') ?? []), ...(items.get('attachment') ?? []), ...(items.get('conversation') ?? [])];
    return this.dataSource.transaction(async (manager) => {
      // Only a range job leaves bodies (an array parameter: a job may hold more messages than a statement has parameters).
      const left: { body_sealed: Buffer }[] =
        job.target.kind === 'message' && job.target.ranges
          ? await manager.query(`SELECT body_sealed FROM messages WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND body_sealed IS NOT NULL FOR SHARE`, [job.tenantId, items.get('message') ?? []])
          : [];
      const selection = { tenantId: job.tenantId, unitIds, keep: keyIdsIn({ tenantId: job.tenantId, endUserId: job.endUserId! }, left.map(({ body_sealed }) => body_sealed)) };
      await this.dataKeys.destroy(selection);
      return selection;
    });
  }

  /** What the completion event names: ids only. Whole conversations and erasures are purged by conversation and end user; smaller jobs name the agent replies and attachments they removed. */
  private async completionOf(manager: EntityManager, job: RedactionJobEntity, items: Map<RedactionItemKind, string[]>): Promise<RedactionCompletedV1> {
    const whole = job.target.kind === 'end-user' || job.target.kind === 'conversation';
    return {
      jobId: job.jobId,
      kind: job.target.kind,
      endUserId: job.endUserId!,
      conversationIds: job.conversationId ? [job.conversationId] : (items.get('conversation') ?? []),
      messageIds: whole ? [] : await agentRepliesAmong(manager, job.tenantId, items.get('message') ?? []),
      attachmentIds: whole ? [] : (items.get('attachment') ?? []),
    };
  }

  /** Puts the completion event in the outbox (a new event each time: a holder purges again harmlessly). */
  private async announce(manager: EntityManager, job: RedactionJobEntity, completion: RedactionCompletedV1): Promise<void> {
    const event = buildEvent('redaction.completed', completion, { tenantId: job.tenantId, producer: REDACTION_WORKER_PRODUCER, correlationId: job.jobId, causationId: null });
    await new OutboxRepository(manager).add({ topic: Topics.redactionCompleted, key: job.jobId, event });
  }

  /**
   * Announces again the completion of jobs a holder has not confirmed for `reannounceAfterMs` (the
   * event was lost, or dead-lettered and since fixed): one worker does, whichever moves the time.
   */
  async reannounceStale(): Promise<string[]> {
    const cutoff = new Date(Date.now() - this.options.reannounceAfterMs);
    const stale = await this.dataSource.getRepository(RedactionJobEntity).find({ where: { phase: 'confirming', announcedAt: LessThan(cutoff) }, take: 20 });
    const announced: string[] = [];
    for (const job of stale) {
      const again = await this.dataSource.transaction(async (manager) => {
        // Moved only if still stale: of two workers, one announces (and only it reads what the event names).
        const moved = await manager.update(RedactionJobEntity, { jobId: job.jobId, phase: 'confirming', announcedAt: LessThan(cutoff) }, { announcedAt: () => 'now()' });
        if (moved.affected !== 1) return false;
        await this.announce(manager, job, await this.completionOf(manager, job, await this.itemsByKind(manager, job.jobId)));
        return true;
      });
      if (!again) continue;
      announced.push(job.jobId);
      this.logger.warn({ jobId: job.jobId }, 'redaction job still unconfirmed; its completion is announced again');
    }
    if (announced.length > 0) this.outboxWritten();
    return announced;
  }

  private async itemsByKind(manager: EntityManager, jobId: string): Promise<Map<RedactionItemKind, string[]>> {
    const rows = await manager.getRepository(RedactionJobItemEntity).find({ select: { kind: true, itemId: true }, where: { jobId } });
    const byKind = new Map<RedactionItemKind, string[]>();
    for (const { kind, itemId } of rows) {
      const ids = byKind.get(kind) ?? [];
      ids.push(itemId);
      byKind.set(kind, ids);
    }
    return byKind;
  }

  /**
   * A dependency that is down (the database, the key vault) is waited out: the job resumes where
   * it was. Any other error counts as an attempt, and the job fails after `maxAttempts`; what the
   * API shows names the kind of error only (messages may quote data), the log has the rest.
   */
  private async recordFailure(job: RedactionJobEntity, error: unknown): Promise<void> {
    if (classifyFailure(error, [classifyDatabaseError]) === 'transient') {
      this.logger.warn({ err: error, jobId: job.jobId }, 'redaction job paused: a dependency is not reachable; it resumes where it was');
      return;
    }
    const attempts = job.attempts + 1;
    const failed = attempts >= this.options.maxAttempts;
    const kind = error instanceof Error ? error.name : 'an unknown error';
    const failure = `Stopped after ${attempts} attempts by ${kind}; the redaction worker's log has the details under this job id. An admin can run it again with POST /v1/redactions/${job.jobId}/retry.`;
    this.logger.error({ err: error, jobId: job.jobId, attempts }, failed ? 'redaction job failed' : 'redaction job ran into an error; it is tried again');
    await this.dataSource.getRepository(RedactionJobEntity).update({ jobId: job.jobId }, { attempts, ...(failed ? { status: 'failed', failure } : {}) });
  }
}

/** The marker redacted content keeps: when, by whose request (the job's requester), in which job. */
const markerOf = (job: RedactionJobEntity) => ({ redactedAt: () => 'now()', redactedBy: job.requestedBy, redactionJobId: job.jobId });

async function agentRepliesAmong(manager: EntityManager, tenantId: string, messageIds: string[]): Promise<string[]> {
  if (messageIds.length === 0) return [];
  const rows: { id: string }[] = await manager.query(`SELECT id FROM messages WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND author = 'agent'`, [tenantId, messageIds]);
  return rows.map(({ id }) => id);
}
