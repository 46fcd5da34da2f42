import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager, In } from 'typeorm';
import { z } from 'zod';
import { redactionIds, RedactionTarget, textRange } from '@sieve/contracts';
import { AttachmentEntity, EndUserEntity, MessageEntity, PersonalData, RedactionJobEntity, SHREDDED } from '@sieve/tickets-data-access';
import { requireConversation } from '../conversation-lookup';
import { parseRequest, requirePathUuid } from '../parse-request';
import { StaffPrincipal } from '../staff-authenticator';
import { TicketsError } from '../tickets.error';
import { announceJob } from './announce-job';
import { contentCountOf, RedactionScope } from './redaction-scope';
import { RedactionJobView, RedactionJobsQuery } from './redaction-jobs.query';

const ids = redactionIds;
const common = {
  reason: z.string().trim().min(1).max(500),
  /** Makes a retried request one job. */
  jobId: z.uuid().optional(),
};

/**
 * What to redact in a conversation: one of `messageId` (with `ranges` for parts of it),
 * `messageIds`, `sentFrom` + `sentTo`, `attachmentIds`; none of them is the whole conversation.
 */
export const conversationRedactionSchema = z
  .object({
    ...common,
    messageId: z.uuid().optional(),
    ranges: z.array(textRange).min(1).max(100).optional(),
    messageIds: ids.optional(),
    sentFrom: z.iso.datetime({ offset: true }).optional(),
    sentTo: z.iso.datetime({ offset: true }).optional(),
    attachmentIds: ids.optional(),
  })
  .strict()
  .superRefine((body, context) => {
    const selectors = (['messageId', 'messageIds', 'sentFrom', 'attachmentIds'] as const).filter((field) => body[field] !== undefined);
    if (selectors.length > 1) context.addIssue({ code: 'custom', path: [selectors[1]], message: `give one of messageId, messageIds, sentFrom/sentTo, attachmentIds, not ${selectors.join(' and ')}` });
    if (body.ranges && !body.messageId) context.addIssue({ code: 'custom', path: ['ranges'], message: 'ranges are parts of one message: give its messageId' });
    if ((body.sentFrom === undefined) !== (body.sentTo === undefined)) context.addIssue({ code: 'custom', path: [body.sentFrom ? 'sentTo' : 'sentFrom'], message: 'a time range needs both sentFrom and sentTo' });
    if (body.sentFrom && body.sentTo && Date.parse(body.sentFrom) >= Date.parse(body.sentTo)) context.addIssue({ code: 'custom', path: ['sentTo'], message: 'must be later than sentFrom' });
  });

export const erasureSchema = z.object(common).strict();

export interface RedactionRules {
  /** Requests covering more messages and attachments than this wait for a second admin's approval. */
  approvalThreshold: number;
}

/**
 * Records a redaction or erasure an agent or admin asks for, as a job. Unless it needs a second
 * admin's approval, the same transaction announces it to the redaction worker through the outbox.
 * The worker carries it out; this only asks. Asking again with the same job id is the same job.
 */
export class RequestRedactionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly personalData: PersonalData,
    private readonly jobs: RedactionJobsQuery,
    private readonly rules: RedactionRules,
    private readonly outboxWritten: () => void,
  ) {}

  /** Content of one conversation (`POST /v1/conversations/:id/redactions`). */
  async redact(staff: StaffPrincipal, conversationId: string, body: unknown, correlationId: string): Promise<RedactionJobView> {
    const request = parseRequest(conversationRedactionSchema, body);
    return this.record(staff, request, correlationId, async (manager) => {
      // Locked: two tries of one request at once are one after the other, and the second finds the first.
      const conversation = await requireConversation(manager, staff.tenantId, conversationId, { forUpdate: true });
      const target = targetOf(conversationId, request);
      if (target.kind === 'message') await this.checkMessage(manager, conversation.endUserId, staff.tenantId, conversationId, target);
      if (target.kind === 'messages') await requireAll(manager, MessageEntity, 'message', staff.tenantId, conversationId, target.messageIds);
      if (target.kind === 'attachments') await requireAll(manager, AttachmentEntity, 'attachment', staff.tenantId, conversationId, target.attachmentIds);
      return { tenantId: staff.tenantId, target, conversationId, endUserId: conversation.endUserId, requestedAt: new Date() };
    });
  }

  /** Everything of one end user (`POST /v1/end-users/:id/erasure`). */
  async erase(staff: StaffPrincipal, endUserId: string, body: unknown, correlationId: string): Promise<RedactionJobView> {
    requirePathUuid(endUserId, 'end user');
    const request = parseRequest(erasureSchema, body);
    return this.record(staff, request, correlationId, async (manager) => {
      const endUser = await manager.getRepository(EndUserEntity).findOne({ where: { tenantId: staff.tenantId, id: endUserId }, lock: { mode: 'pessimistic_write' } });
      const erased = !endUser && (await this.jobs.findErasure(manager, staff.tenantId, endUserId));
      // Another brand's end user is "not found" too. One already erased can be asked for again (it finds nothing).
      if (!endUser && !erased) throw new TicketsError('not-found', `No end user ${endUserId} in this brand.`);
      return { tenantId: staff.tenantId, target: { kind: 'end-user', endUserId }, conversationId: null, endUserId, requestedAt: new Date() };
    });
  }

  private async record(
    staff: StaffPrincipal,
    request: { reason: string; jobId?: string },
    correlationId: string,
    scopeOf: (manager: EntityManager) => Promise<RedactionScope>,
  ): Promise<RedactionJobView> {
    const jobId = request.jobId ?? randomUUID();
    const created = await this.recordOnce(jobId, staff, request, correlationId, scopeOf).catch((error: unknown) => {
      // Two tries of one job at once that nothing else serialised (an erasure of an end user already erased): the second finds the first.
      if (isUniqueViolation(error)) return this.recordOnce(jobId, staff, request, correlationId, scopeOf);
      throw error;
    });
    if (created) this.outboxWritten();
    return (await this.jobs.find(this.dataSource.manager, staff.tenantId, jobId))!;
  }

  /** Records the job unless it exists; whether it was made and announced now. */
  private recordOnce(
    jobId: string,
    staff: StaffPrincipal,
    request: { reason: string },
    correlationId: string,
    scopeOf: (manager: EntityManager) => Promise<RedactionScope>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const scope = await scopeOf(manager);
      const existing = await manager.getRepository(RedactionJobEntity).findOneBy({ jobId });
      if (existing) {
        if (existing.tenantId !== staff.tenantId || !isDeepStrictEqual(existing.target, scope.target)) {
          throw new TicketsError('conflict', `Job id ${jobId} is already a job for another request; leave jobId out to get a new one.`);
        }
        return false;
      }
      const size = await contentCountOf(manager, scope);
      const approvalRequired = size > this.rules.approvalThreshold;
      const job = { jobId, tenantId: staff.tenantId, conversationId: scope.conversationId, endUserId: scope.endUserId, requestedBy: staff.credentialId, reason: request.reason, target: scope.target, sizeAtRequest: size, approvalRequired };
      await manager.insert(RedactionJobEntity, job);
      if (!approvalRequired) await announceJob(manager, job, correlationId);
      return !approvalRequired;
    });
  }

  /** A message of this conversation, and ranges that lie within its body (offsets into the text the agent API shows). */
  private async checkMessage(manager: EntityManager, endUserId: string, tenantId: string, conversationId: string, target: Extract<RedactionTarget, { kind: 'message' }>): Promise<void> {
    const message = await manager.getRepository(MessageEntity).findOneBy({ tenantId, conversationId, id: target.messageId });
    if (!message) throw new TicketsError('not-found', `No message ${target.messageId} in conversation ${conversationId}.`);
    if (!target.ranges || !message.bodySealed) return;
    // Offsets are into the body as it is now: another job's markers, still to come, would shift them.
    const pending = await manager
      .getRepository(RedactionJobEntity)
      .createQueryBuilder('j')
      .where(`j.tenant_id = :tenantId AND j.status IN ('pending', 'running') AND j.target ->> 'kind' = 'message' AND j.target ->> 'messageId' = :messageId AND j.target -> 'ranges' IS NOT NULL`, { tenantId, messageId: target.messageId })
      .getOne();
    if (pending) throw new TicketsError('conflict', `Parts of message ${target.messageId} are being redacted already (job ${pending.jobId}); ask again, with offsets into the body as it is then, once that job completed.`);
    const body = await this.personalData.open({ tenantId, endUserId }, 'messages.body', message.id, message.bodySealed);
    if (body === SHREDDED) return;
    const length = body.toString('utf8').length;
    const outside = target.ranges.find(({ end }) => end > length);
    if (outside) throw new TicketsError('invalid-request', `The range ${outside.start}–${outside.end} goes past the end of the message (${length} characters); offsets count UTF-16 code units of the body the agent API shows.`);
  }
}

function targetOf(conversationId: string, request: z.infer<typeof conversationRedactionSchema>): RedactionTarget {
  if (request.messageId) return { kind: 'message', messageId: request.messageId, ...(request.ranges ? { ranges: request.ranges } : {}) };
  if (request.messageIds) return { kind: 'messages', conversationId, messageIds: request.messageIds };
  if (request.sentFrom && request.sentTo) return { kind: 'messages-sent-between', conversationId, from: request.sentFrom, to: request.sentTo };
  if (request.attachmentIds) return { kind: 'attachments', conversationId, attachmentIds: request.attachmentIds };
  return { kind: 'conversation', conversationId };
}

/** Every one of these ids is a row of the conversation; otherwise "not found", naming (some of) the others. */
async function requireAll(manager: EntityManager, entity: typeof MessageEntity | typeof AttachmentEntity, noun: string, tenantId: string, conversationId: string, ids: readonly string[]): Promise<void> {
  const found = new Set((await manager.getRepository<{ id: string }>(entity).find({ select: { id: true }, where: { tenantId, conversationId, id: In([...ids]) } as never })).map(({ id }) => id));
  const missing = [...new Set(ids)].filter((id) => !found.has(id));
  if (missing.length > 0) throw new TicketsError('not-found', `No ${noun} ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''} in conversation ${conversationId}.`);
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505' || (error as { driverError?: { code?: string } } | null)?.driverError?.code === '23505';
