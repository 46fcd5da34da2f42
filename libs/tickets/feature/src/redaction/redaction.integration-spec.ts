import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { DataSource } from 'typeorm';
import { LocalFileBlobStore, readWhole } from '@sieve/blob-store';
import { buildEvent, endUserIdOf, EventOn, RedactionCompletedV1, Topics } from '@sieve/contracts';
import { LocalKeyFile } from '@sieve/crypto';
import { EventPublisher, isolatedKafka, KafkaSettings, PermanentEventError, TopicReader } from '@sieve/kafka';
import { DataKeys, KeyVault, openKeyVault } from '@sieve/key-vault';
import { eventually, quietLogger, testStack } from '@sieve/testing';
import { createTicketsDataSource, openableOf, PersonalData, RedactionJobEntity, sealedValuesOf, StoredSealedValue } from '@sieve/tickets-data-access';
import { ApplySupportEventsUseCase } from '../apply-support-events.usecase';
import { DownloadAttachmentQuery } from '../download-attachment.query';
import { DownloadLinks } from '../download-links';
import { GetConversationQuery } from '../get-conversation.query';
import { OutboxRelay } from '../outbox-relay';
import { ReplyToConversationUseCase } from '../reply-to-conversation.usecase';
import { StaffPrincipal } from '../staff-authenticator';
import { scenario, sealingFirst } from '../testing/support-scenario';
import { TicketsError } from '../tickets.error';
import { ManageStaffUseCase } from '../manage-staff.usecase';
import { DecideRedactionJobUseCase } from './decide-redaction-job.usecase';
import { RecordPurgeConfirmationsUseCase } from './record-purge-confirmations.usecase';
import { RedactionJobsQuery } from './redaction-jobs.query';
import { RedactionRunner } from './redaction-runner';
import { RECEIPT_STORES } from './redaction-scope';
import { RequestRedactionUseCase } from './request-redaction.usecase';
import { REDACTION_MARKER } from './text-redaction';

const APPROVAL_THRESHOLD = 6;

describe('redaction jobs, from the request to the last receipt, over real PostgreSQL, Kafka and a blob store', () => {
  jest.setTimeout(30_000);

  let dataSource: DataSource;
  let directory: string;
  let blobs: LocalFileBlobStore;
  let personalData: PersonalData;
  let kafka: KafkaSettings;
  let publisher: EventPublisher;
  let relay: OutboxRelay;
  let completions: TopicReader;
  let apply: ApplySupportEventsUseCase;
  let vault: KeyVault;
  let reply: ReplyToConversationUseCase;
  let view: GetConversationQuery;
  let links: DownloadLinks;
  let download: DownloadAttachmentQuery;
  let jobs: RedactionJobsQuery;
  let request: RequestRedactionUseCase;
  let decide: DecideRedactionJobUseCase;
  let runner: RedactionRunner;
  let confirmations: RecordPurgeConfirmationsUseCase;
  /** Chunks still to fail (the worker stopping between chunks, or a fault that stays). */
  let chunksToFail = 0;
  const tenants: string[] = [];

  beforeAll(async () => {
    dataSource = createTicketsDataSource(testStack.databaseUrl('tickets'), 'redaction-test', 4);
    await dataSource.initialize();
    directory = mkdtempSync(path.join(tmpdir(), 'sieve-redaction-'));
    blobs = new LocalFileBlobStore(path.join(directory, 'blobs'));
    vault = await openKeyVault(testStack.keyVault(), 'redaction-test');
    const dataKeys = new DataKeys(vault.dataSource, await LocalKeyFile.open(path.join(directory, 'kek.json'), { create: true }));
    personalData = new PersonalData(dataKeys);
    kafka = await isolatedKafka(testStack.brokers, 'redaction-test', [Topics.redactionRequests, Topics.redactionCompleted, Topics.agentReplies]);
    publisher = new EventPublisher(kafka, quietLogger);
    relay = new OutboxRelay(dataSource, publisher, personalData, quietLogger);
    completions = await TopicReader.start(kafka, Topics.redactionCompleted);
    apply = sealingFirst(new ApplySupportEventsUseCase(dataSource, personalData, blobs, vault.sealing), vault.sealing);
    reply = new ReplyToConversationUseCase(dataSource, personalData, vault.sealing, () => {});
    links = new DownloadLinks('integration-test-download-link-secret');
    view = new GetConversationQuery(dataSource, personalData, links);
    download = new DownloadAttachmentQuery(dataSource, personalData, blobs, links);
    jobs = new RedactionJobsQuery(dataSource);
    request = new RequestRedactionUseCase(dataSource, personalData, jobs, { approvalThreshold: APPROVAL_THRESHOLD }, () => {});
    decide = new DecideRedactionJobUseCase(dataSource, jobs, () => {});
    runner = new RedactionRunner(dataSource, personalData, dataKeys, vault.transitKeys, blobs, quietLogger, () => {}, { chunkSize: 2, idleMs: 50, maxAttempts: 3, reannounceAfterMs: 60_000 }, {
      afterChunk: () => {
        if (chunksToFail === 0) return;
        chunksToFail--;
        throw new Error('the worker stopped here');
      },
    });
    confirmations = new RecordPurgeConfirmationsUseCase(dataSource, quietLogger);
  });

  afterEach(() => {
    chunksToFail = 0;
  });

  afterAll(async () => {
    await vault.dataSource.destroy();
    await completions.stop();
    await publisher.disconnect();
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  const staff = (tenantId: string, role: 'agent' | 'admin' = 'agent'): StaffPrincipal => ({ tenantId, role, credentialId: randomUUID() });

  /** A brand's conversation with recognisable values everywhere the SDK can put them, and an agent reply waiting in the outbox. */
  async function planted(extraMessages = 2) {
    const s = scenario();
    tenants.push(s.tenantId);
    const uploadKey = `${s.tenantId}/${randomUUID()}`;
    await blobs.put(uploadKey, Readable.from([Buffer.from(`bytes-${s.marker}`)]), { maxBytes: 1024 });
    const base = Date.now() - 60_000;
    const messages = Array.from({ length: extraMessages }, (_, i) => s.message(`message ${i} card 4111 1111 1111 1111 ${s.marker}`, new Date(base + i * 1000)));
    await apply.execute([s.opened(), ...messages, s.attachment(uploadKey), s.faqSearch(), s.linkClick()]);
    const agent = staff(s.tenantId);
    await reply.execute(agent, s.conversationId, { body: `We will call you, ${s.marker}` }, randomUUID());
    const before = await view.execute(agent, s.conversationId);
    return { ...s, agent, before, messageIds: messages.map(({ event }) => (event.payload as { message: { id: string } }).message.id), endUserId: endUserIdOf(s.tenantId, s.appId, s.installId) };
  }

  /** The job run as far as the worker can take it, then the gateway's confirmation recorded. */
  async function carryOut(tenantId: string, jobId: string, { purged = 0 } = {}) {
    expect(await runner.runJob(jobId)).toBe('progressed');
    await drainOutbox();
    await confirm(tenantId, jobId, purged);
    return jobs.find(dataSource.manager, tenantId, jobId);
  }

  const confirm = (tenantId: string, jobId: string, purged: number) =>
    confirmations.execute([
      {
        event: buildEvent('redaction.purge-confirmed', { jobId, holder: RECEIPT_STORES.pendingReplies, purged, confirmedAt: new Date().toISOString() }, { tenantId, producer: 'test', correlationId: jobId, causationId: null }),
        key: jobId,
        partition: 0,
        offset: '0',
        traceContext: ROOT_CONTEXT,
      },
    ]);

  const drainOutbox = async () => {
    while ((await relay.publishPending()) > 0);
  };

  /** Which of these units' transit keys still open their copies on the clean topics. */
  const liveTransitKeys = async (tenantId: string, keyIds: string[]) => [...(await vault.transitKeys.load(keyIds.map((keyId) => ({ tenantId, keyId })))).keys()].sort();

  const completionsOf = (jobId: string) => completions.json<EventOn<typeof Topics.redactionCompleted>>().filter(({ payload }) => payload.jobId === jobId);

  /**
   * Every value of the brand anyone could still read: every row of every table as text (a dump),
   * every sealed value opened with the live keys, and every blob. What a planted value must not be in.
   */
  async function readableEverywhere(tenantId: string): Promise<string> {
    const tables: { table_name: string }[] = await dataSource.query(`select distinct table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by 1`);
    const dump = (await Promise.all(tables.map(({ table_name }) => dataSource.query(`select row_to_json(t)::text as row from "${table_name}" t where tenant_id = $1`, [tenantId])))).flat().map(({ row }) => row);
    const opened = await openableOf(personalData, await sealedValuesOf(dataSource.manager, tenantId));
    const blobDirectory = path.join(directory, 'blobs', tenantId);
    const blobText = readdirSync(blobDirectory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'));
    return [...dump, ...opened, ...blobText].join('\n');
  }

  /** A backup of the brand's ticket data as taken now: every sealed value and attachment's sealed bytes, copied as stored. */
  async function backUp(tenantId: string): Promise<StoredSealedValue[]> {
    const attachments: { id: string; owner: string; blob_key: string }[] = await dataSource.query(`select id, end_user_id as owner, blob_key from attachments where tenant_id = $1`, [tenantId]);
    const bytes = await Promise.all(
      attachments.map(async ({ id, owner, blob_key }) => ({ owner: { tenantId, endUserId: owner }, field: 'attachments.bytes' as const, rowId: id, sealed: await readWhole(blobs.read(blob_key)) })),
    );
    return [...(await sealedValuesOf(dataSource.manager, tenantId)), ...bytes];
  }

  /** What of a backup the keys Sieve has now still open. */
  const openedFrom = async (backup: StoredSealedValue[]) => (await openableOf(personalData, backup)).join('\n');

  it('redacts ranges of one message: the rest of it stays readable, the marker says who and when, and nothing else changes', async () => {
    const p = await planted();
    const [target, untouched] = p.messageIds;
    const body = p.before.messages.find(({ id }) => id === target)!.body!;
    const card = body.indexOf('4111');
    const backup = await backUp(p.tenantId);
    const job = await request.redact(p.agent, p.conversationId, { reason: 'card number in message', messageId: target, ranges: [{ start: card, end: card + 19 }] }, 'corr-1');
    expect(job).toMatchObject({ status: 'pending', approval: { required: false }, sizeAtRequest: 1, requestedBy: p.agent.credentialId, reason: 'card number in message' });

    const done = await carryOut(p.tenantId, job.jobId);
    expect(done).toMatchObject({ status: 'completed', progress: { itemsTotal: 1, itemsDone: 1 } });
    expect(done!.receipts.map(({ store }) => store)).toEqual([RECEIPT_STORES.database, RECEIPT_STORES.transitKeys, RECEIPT_STORES.dataKeys, RECEIPT_STORES.pendingReplies]);
    expect(done!.receipts.find(({ store }) => store === RECEIPT_STORES.transitKeys)).toMatchObject({ removed: 1 });
    // The key that sealed the whole body is destroyed; what is left of it is sealed under a new one.
    expect(done!.receipts.find(({ store }) => store === RECEIPT_STORES.dataKeys)).toMatchObject({ removed: 1 });
    // The copy Kafka retains of the original message can't be opened any more; the other message's still can.
    expect(await liveTransitKeys(p.tenantId, [target, untouched])).toEqual([untouched]);
    expect(done!.receipts.every(({ confirmedAt }) => confirmedAt !== null)).toBe(true);

    const after = await view.execute(p.agent, p.conversationId);
    const redacted = after.messages.find(({ id }) => id === target)!;
    expect(redacted).toMatchObject({ body: `message 0 card ${REDACTION_MARKER} ${p.marker}`, redacted: false, redaction: { by: p.agent.credentialId, jobId: job.jobId } });
    expect(after.messages.find(({ id }) => id === untouched)!.body).toContain('4111 1111 1111 1111');
    // A backup taken before holds the whole body under the destroyed key: restored, it opens without it.
    const restored = await openedFrom(backup);
    expect(restored).not.toContain('message 0 card 4111');
    expect(restored).toContain('message 1 card 4111 1111 1111 1111');

    const [completion] = completionsOf(job.jobId);
    // An end user's message: nobody outside the ticket store holds a copy, so no message id is named.
    expect(completion.payload).toEqual<RedactionCompletedV1>({ jobId: job.jobId, kind: 'message', endUserId: p.endUserId, conversationIds: [p.conversationId], messageIds: [], attachmentIds: [] });
  });

  it('redacts messages by id and by sent time: their bodies are gone for good, the others stay', async () => {
    const p = await planted(4);
    const backup = await backUp(p.tenantId);
    const byId = await request.redact(p.agent, p.conversationId, { reason: 'pasted a password', messageIds: [p.messageIds[0], p.messageIds[1]] }, 'corr');
    await carryOut(p.tenantId, byId.jobId);
    // Messages 2 and 3 were sent a second apart, from base + 2 s.
    const sentAt = p.before.messages.filter(({ id }) => id === p.messageIds[2] || id === p.messageIds[3]).map(({ sentAt }) => Date.parse(sentAt));
    const byTime = await request.redact(p.agent, p.conversationId, { reason: 'two bad minutes', sentFrom: new Date(Math.min(...sentAt)).toISOString(), sentTo: new Date(Math.max(...sentAt)).toISOString() }, 'corr');
    expect(await carryOut(p.tenantId, byTime.jobId)).toMatchObject({ status: 'completed', progress: { itemsTotal: 1, itemsDone: 1 } });

    const after = await view.execute(p.agent, p.conversationId);
    const bodies = new Map(after.messages.map((message) => [message.id, message]));
    for (const id of p.messageIds.slice(0, 3)) expect(bodies.get(id)).toMatchObject({ body: null, redacted: true, redaction: { by: p.agent.credentialId } });
    expect(bodies.get(p.messageIds[3])).toMatchObject({ redacted: false, redaction: null });
    const rows: { body_sealed: Buffer | null }[] = await dataSource.query(`select body_sealed from messages where id = any($1)`, [p.messageIds.slice(0, 3)]);
    expect(rows.map(({ body_sealed }) => body_sealed)).toEqual([null, null, null]);
    // Their copies in a backup taken before can't be opened any more; the one left alone can.
    const restored = await openedFrom(backup);
    for (const i of [0, 1, 2]) expect(restored).not.toContain(`message ${i} card`);
    expect(restored).toContain('message 3 card');
  });

  it('redacts an attachment: the blob is deleted, the name is gone, the download link answers gone', async () => {
    const p = await planted();
    const [attachment] = p.before.attachments;
    const backup = await backUp(p.tenantId);
    expect(await openedFrom(backup)).toContain(`bytes-${p.marker}`);
    const job = await request.redact(p.agent, p.conversationId, { reason: 'photo of an ID card', attachmentIds: [attachment.id] }, 'corr');
    const done = await carryOut(p.tenantId, job.jobId);
    expect(done!.receipts.find(({ store }) => store === RECEIPT_STORES.blobs)).toMatchObject({ removed: 1 });

    const after = await view.execute(p.agent, p.conversationId);
    expect(after.attachments[0]).toMatchObject({ id: attachment.id, fileName: null, redacted: true, downloadPath: null, redaction: { jobId: job.jobId } });
    const query = Object.fromEntries(new URL(attachment.downloadPath!, 'http://x').searchParams);
    await expect(download.execute(attachment.id, query)).rejects.toMatchObject({ code: 'gone' });
    expect(await readableEverywhere(p.tenantId)).not.toContain(`bytes-${p.marker}`);
    expect(await readableEverywhere(p.tenantId)).not.toContain(`receipt-${p.marker}`);
    // Name and bytes in a backup taken before: under the attachment's destroyed key.
    const restored = await openedFrom(backup);
    for (const planted of [`bytes-${p.marker}`, `receipt-${p.marker}`]) expect(restored).not.toContain(planted);
  });

  it('redacts a whole conversation: every message, attachment and custom field, and the gateway is told which conversation', async () => {
    const p = await planted();
    const backup = await backUp(p.tenantId);
    const job = await request.redact(p.agent, p.conversationId, { reason: 'wrong customer' }, 'corr');
    expect(job.target).toEqual({ kind: 'conversation', conversationId: p.conversationId });
    await carryOut(p.tenantId, job.jobId, { purged: 1 });

    const after = await view.execute(p.agent, p.conversationId);
    expect(after.messages.every(({ redacted }) => redacted)).toBe(true);
    expect(after.attachments.every(({ redacted }) => redacted)).toBe(true);
    expect(after.customFields).toEqual({});
    // The identity is the end user's, not the conversation's: it stays until they are erased.
    expect(after.endUser.name).toBe(`Ada ${p.marker}`);
    const readable = await readableEverywhere(p.tenantId);
    const restored = await openedFrom(backup);
    for (const planted of [`Where is order ${p.marker}`, `card 4111`, `call ${p.marker}`, `bytes-${p.marker}`, `receipt-${p.marker}`, `We will call you`]) {
      expect(readable).not.toContain(planted);
      expect(restored).not.toContain(planted);
    }
    // In the backup as in the store, the identity stays (it is the end user's, not the conversation's).
    expect(restored).toContain(`Ada ${p.marker}`);
    // The conversation's events (messages, the attachment, the reply) can't be opened on the topics; the FAQ search, not part of it, still can.
    const searchId = (await dataSource.query(`select id from faq_searches where tenant_id = $1`, [p.tenantId]))[0].id as string;
    expect(await liveTransitKeys(p.tenantId, [...p.before.messages.map(({ id }) => id), p.before.attachments[0].id, searchId])).toEqual([searchId]);
    expect((await jobs.show(p.agent, job.jobId)).receipts.find(({ store }) => store === RECEIPT_STORES.pendingReplies)).toMatchObject({ removed: 1 });
    expect(completionsOf(job.jobId).map(({ payload }) => payload)).toEqual([expect.objectContaining({ kind: 'conversation', conversationIds: [p.conversationId], messageIds: [] })]);
  });

  it('erases an end user: identity, conversations, messages, attachments, searches, clicks, the waiting reply and the data key', async () => {
    const p = await planted();
    const admin = staff(p.tenantId, 'admin');
    const job = await request.erase(admin, p.endUserId, { reason: 'erasure request from the end user' }, 'corr');
    expect(job).toMatchObject({ target: { kind: 'end-user', endUserId: p.endUserId }, approval: { required: false } });
    const done = await carryOut(p.tenantId, job.jobId, { purged: 1 });
    expect(done).toMatchObject({ status: 'completed' });
    expect(done!.receipts.map(({ store }) => store)).toEqual([RECEIPT_STORES.database, RECEIPT_STORES.transitKeys, RECEIPT_STORES.blobs, RECEIPT_STORES.dataKeys, RECEIPT_STORES.pendingReplies]);
    // Every event of theirs on the clean topics: opening message, two more, the attachment, the search, the reply.
    expect(done!.receipts.find(({ store }) => store === RECEIPT_STORES.transitKeys)).toMatchObject({ removed: 6 });
    // 4 messages (opening, two more, the reply), 1 attachment, 1 click, 1 search, 1 conversation, the end user.
    expect(done!.progress).toEqual({ itemsTotal: 9, itemsDone: 9 });

    await expect(view.execute(p.agent, p.conversationId)).rejects.toMatchObject({ code: 'not-found' });
    const readable = await readableEverywhere(p.tenantId);
    for (const planted of [p.marker, p.installId, '4111']) expect(readable).not.toContain(planted);
    // Every data key of theirs destroyed: their own, the conversation's, the 4 messages', the attachment's.
    expect(await vault.dataSource.query(`select count(*)::int as keys, count(wrapped)::int as live from data_keys where owner_id = $1`, [p.endUserId])).toEqual([{ keys: 7, live: 0 }]);
    expect(done!.receipts.find(({ store }) => store === RECEIPT_STORES.dataKeys)).toMatchObject({ removed: 7 });
    // Only ids are kept in the audit trail and sent on: Sieve's end user id, never the install's.
    expect(JSON.stringify(await dataSource.getRepository(RedactionJobEntity).findOneByOrFail({ jobId: job.jobId }))).not.toContain(p.installId);
    const [completion] = completionsOf(job.jobId);
    expect(completion.payload).toMatchObject({ kind: 'end-user', endUserId: p.endUserId, conversationIds: [p.conversationId] });
    expect(JSON.stringify(completion)).not.toContain(p.installId);

    // The install writing again stores nothing: its end user is gone for good.
    await expect(apply.execute([p.faqSearch()])).rejects.toThrow(PermanentEventError);
    await expect(request.erase(admin, p.endUserId, { reason: 'again', jobId: job.jobId }, 'corr')).resolves.toMatchObject({ jobId: job.jobId, status: 'completed' });
    await expect(request.erase(admin, randomUUID(), { reason: 'nobody' }, 'corr')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('holds a request over the threshold for a second admin, who is not the one who asked', async () => {
    const p = await planted(APPROVAL_THRESHOLD);
    const admin = staff(p.tenantId, 'admin');
    const job = await request.redact(admin, p.conversationId, { reason: 'bulk clean-up' }, 'corr');
    expect(job).toMatchObject({ status: 'pending', sizeAtRequest: APPROVAL_THRESHOLD + 3, approval: { required: true, approvedBy: null } });
    await drainOutbox();
    expect(await runner.runJob(job.jobId)).toBe('progressed');
    expect(await jobs.show(admin, job.jobId)).toMatchObject({ status: 'pending', startedAt: null });
    expect((await jobs.list(admin, { awaitingApproval: 'true' })).items.map(({ jobId }) => jobId)).toEqual([job.jobId]);

    await expect(decide.approve(admin, job.jobId, 'corr')).rejects.toMatchObject({ code: 'forbidden' });
    const second = staff(p.tenantId, 'admin');
    expect(await decide.approve(second, job.jobId, 'corr')).toMatchObject({ approval: { required: true, approvedBy: second.credentialId } });
    expect(await decide.approve(staff(p.tenantId, 'admin'), job.jobId, 'corr')).toMatchObject({ approval: { approvedBy: second.credentialId } });
    expect(await carryOut(p.tenantId, job.jobId)).toMatchObject({ status: 'completed' });

    const small = await request.redact(admin, p.conversationId, { reason: 'one', messageId: p.messageIds[0] }, 'corr');
    await expect(decide.approve(second, small.jobId, 'corr')).rejects.toMatchObject({ code: 'conflict' });
    await carryOut(p.tenantId, small.jobId);
  });

  it('resumes a job that stopped between chunks and applies every chunk once', async () => {
    const p = await planted(5);
    const job = await request.redact(p.agent, p.conversationId, { reason: 'resume', messageIds: p.messageIds }, 'corr');
    chunksToFail = 1;
    expect(await runner.runJob(job.jobId)).toBe('error');
    const firstChunk: { id: string; redacted_at: Date }[] = await dataSource.query(`select id, redacted_at from messages where id = any($1) and redacted_at is not null order by id`, [p.messageIds]);
    expect(firstChunk).toHaveLength(2);
    expect(await jobs.show(p.agent, job.jobId)).toMatchObject({ status: 'running', progress: { itemsTotal: 5, itemsDone: 2 } });

    const done = await carryOut(p.tenantId, job.jobId);
    expect(done).toMatchObject({ status: 'completed', progress: { itemsTotal: 5, itemsDone: 5 } });
    const again: { id: string; redacted_at: Date }[] = await dataSource.query(`select id, redacted_at from messages where id = any($1) and id = any($2) order by id`, [p.messageIds, firstChunk.map(({ id }) => id)]);
    expect(again).toEqual(firstChunk);
    expect(await runner.runJob(job.jobId)).toBe('progressed');
    await drainOutbox();
    await eventually(() => expect(completionsOf(job.jobId)).toHaveLength(1));
  });

  it('is one job per job id, and refuses a job id taken by another request', async () => {
    const p = await planted();
    const jobId = randomUUID();
    const body = { reason: 'twice', messageIds: [p.messageIds[0]], jobId };
    const [first, second] = await Promise.all([request.redact(p.agent, p.conversationId, body, 'corr'), request.redact(p.agent, p.conversationId, body, 'corr')]);
    expect(second.jobId).toBe(first.jobId);
    const announced: { n: number }[] = await dataSource.query(`select count(*)::int as n from outbox where event -> 'payload' ->> 'jobId' = $1`, [jobId]);
    expect(announced).toEqual([{ n: 1 }]);
    await expect(request.redact(p.agent, p.conversationId, { ...body, messageIds: [p.messageIds[1]] }, 'corr')).rejects.toMatchObject({ code: 'conflict' });
    await expect(request.redact(staff(randomUUID()), p.conversationId, body, 'corr')).rejects.toMatchObject({ code: 'not-found' });
    await carryOut(p.tenantId, jobId);
  });

  it.each<[string, Record<string, unknown>, TicketsError['code'], string]>([
    ['two selectors', { messageId: randomUUID(), messageIds: [randomUUID()] }, 'invalid-request', 'give one of'],
    ['ranges without a message', { ranges: [{ start: 0, end: 2 }] }, 'invalid-request', 'ranges'],
    ['an empty range', { messageId: 'first', ranges: [{ start: 3, end: 3 }] }, 'invalid-request', 'end must be greater than start'],
    ['a range past the end', { messageId: 'first', ranges: [{ start: 0, end: 10_000 }] }, 'invalid-request', 'goes past the end'],
    ['half a time range', { sentFrom: new Date().toISOString() }, 'invalid-request', 'sentTo'],
    ['a message of another conversation', { messageIds: [randomUUID()] }, 'not-found', 'No message'],
    ['an unknown attachment', { attachmentIds: [randomUUID()] }, 'not-found', 'No attachment'],
    ['no reason', { reason: undefined }, 'invalid-request', 'reason'],
  ])('refuses %s with a precise error and records nothing', async (_case, selector, code, message) => {
    const p = await planted(0);
    const firstMessage = p.before.messages[0].id;
    const body = { reason: 'test', ...selector, ...(selector.messageId === 'first' ? { messageId: firstMessage } : {}) };
    const failure = await request.redact(p.agent, p.conversationId, body, 'corr').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TicketsError);
    expect(failure).toMatchObject({ code, message: expect.stringContaining(message) });
    expect(await dataSource.query(`select 1 from redaction_jobs where tenant_id = $1`, [p.tenantId])).toEqual([]);
  });

  it('lists the brand’s jobs newest first, a page at a time, and never another brand’s', async () => {
    const p = await planted();
    const made = [];
    for (const id of p.messageIds) made.push((await request.redact(p.agent, p.conversationId, { reason: 'list', messageId: id }, 'corr')).jobId);
    const first = await jobs.list(p.agent, { limit: '1' });
    expect(first.items.map(({ jobId }) => jobId)).toEqual([made[1]]);
    const second = await jobs.list(p.agent, { limit: '1', cursor: first.nextCursor });
    expect(second.items.map(({ jobId }) => jobId)).toEqual([made[0]]);
    expect(second.nextCursor).toBeNull();
    expect((await jobs.list(staff(randomUUID()), {})).items).toEqual([]);
    await expect(jobs.show(staff(randomUUID()), made[0])).rejects.toMatchObject({ code: 'not-found' });
    for (const jobId of made) await carryOut(p.tenantId, jobId);
  });

  it('does not take a token made after the request as a second admin (the requester minting one to approve it themselves)', async () => {
    const p = await planted(APPROVAL_THRESHOLD);
    const staffApi = new ManageStaffUseCase(dataSource);
    const founder = staff(p.tenantId, 'admin');
    const requester = await staffApi.add(founder, { role: 'admin', label: 'requester' });
    const colleague = await staffApi.add(founder, { role: 'admin', label: 'colleague' });
    const asRequester = { tenantId: p.tenantId, role: 'admin' as const, credentialId: requester.id };
    await new Promise((resolve) => setTimeout(resolve, 5));
    const job = await request.redact(asRequester, p.conversationId, { reason: 'bulk' }, 'corr');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const minted = await staffApi.add(asRequester, { role: 'admin', label: 'made by the requester afterwards' });
    await expect(decide.approve({ ...asRequester, credentialId: minted.id }, job.jobId, 'corr')).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('made after this request') });
    // Who made which token is on record.
    expect(await dataSource.query('select created_by from staff_credentials where id = $1', [minted.id])).toEqual([{ created_by: requester.id }]);
    expect(await decide.approve({ ...asRequester, credentialId: colleague.id }, job.jobId, 'corr')).toMatchObject({ approval: { approvedBy: colleague.id } });
    await carryOut(p.tenantId, job.jobId);
  });

  it('stores nothing of an end user once their erasure began, whatever key another instance still has in memory', async () => {
    const p = await planted(1);
    // A second ticket-store instance, which has the end user's key in its cache.
    const otherKeys = new DataKeys(vault.dataSource, await LocalKeyFile.open(path.join(directory, 'kek.json'), { create: false }));
    const otherInstance = sealingFirst(new ApplySupportEventsUseCase(dataSource, new PersonalData(otherKeys), blobs, vault.sealing), vault.sealing);
    await otherInstance.execute([p.message('cached the key')]);
    const job = await request.erase(staff(p.tenantId, 'admin'), p.endUserId, { reason: 'erase' }, 'corr');
    await carryOut(p.tenantId, job.jobId);
    await expect(otherInstance.execute([p.opened({ conversationId: randomUUID(), messageId: randomUUID(), body: `after ${p.marker}` })])).rejects.toMatchObject({ reason: 'data-key-destroyed' });
    await expect(otherInstance.execute([p.faqSearch()])).rejects.toMatchObject({ reason: 'data-key-destroyed' });
    expect(await dataSource.query('select 1 from end_users where id = $1', [p.endUserId])).toEqual([]);
    expect(await readableEverywhere(p.tenantId)).not.toContain(p.marker);
  });

  it('takes into a time range reaching past the request nothing sent after it', async () => {
    const p = await planted(1);
    const job = await request.redact(p.agent, p.conversationId, { reason: 'range', sentFrom: new Date(Date.now() - 3_600_000).toISOString(), sentTo: new Date(Date.now() + 3_600_000).toISOString() }, 'corr');
    chunksToFail = 1;
    expect(await runner.runJob(job.jobId)).toBe('error');
    const later = p.message('sent after the request');
    await apply.execute([later]);
    const done = await carryOut(p.tenantId, job.jobId);
    const laterId = (later.event.payload as { message: { id: string } }).message.id;
    expect(done).toMatchObject({ status: 'completed' });
    expect((await view.execute(p.agent, p.conversationId)).messages.find(({ id }) => id === laterId)).toMatchObject({ redacted: false, body: 'sent after the request' });
  });

  it('fails a job after repeated errors, saying nothing of the content, and runs it again on an admin’s retry', async () => {
    const p = await planted(6);
    const job = await request.redact(p.agent, p.conversationId, { reason: 'retry', messageIds: p.messageIds }, 'corr');
    // Three chunks of two, each followed by an error: the third fails the job.
    chunksToFail = 3;
    for (let attempt = 0; attempt < 3; attempt++) expect(await runner.runJob(job.jobId)).toBe('error');
    const failed = await jobs.show(p.agent, job.jobId);
    expect(failed).toMatchObject({ status: 'failed', failure: expect.stringContaining(`/v1/redactions/${job.jobId}/retry`), progress: { itemsTotal: 6, itemsDone: 6 } });
    expect(failed.failure).not.toContain(p.marker);
    expect(await runner.runJob(job.jobId)).toBe('progressed');
    expect(await jobs.show(p.agent, job.jobId)).toMatchObject({ status: 'failed' });

    await expect(decide.retry(staff(randomUUID(), 'admin'), job.jobId, 'corr')).rejects.toMatchObject({ code: 'not-found' });
    expect(await decide.retry(staff(p.tenantId, 'admin'), job.jobId, 'corr')).toMatchObject({ status: 'pending', failure: null });
    expect(await carryOut(p.tenantId, job.jobId)).toMatchObject({ status: 'completed', progress: { itemsTotal: 6, itemsDone: 6 } });
    await expect(decide.retry(staff(p.tenantId, 'admin'), job.jobId, 'corr')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses ranges of a message while another job redacts parts of it (its offsets would shift)', async () => {
    const p = await planted(1);
    const [target] = p.messageIds;
    const first = await request.redact(p.agent, p.conversationId, { reason: 'one', messageId: target, ranges: [{ start: 0, end: 7 }] }, 'corr');
    await expect(request.redact(p.agent, p.conversationId, { reason: 'two', messageId: target, ranges: [{ start: 10, end: 14 }] }, 'corr')).rejects.toMatchObject({ code: 'conflict' });
    await carryOut(p.tenantId, first.jobId);
    // "message 0 card …" became "[redacted] 0 card …": the second job's offsets are into that.
    const second = await request.redact(p.agent, p.conversationId, { reason: 'two', messageId: target, ranges: [{ start: REDACTION_MARKER.length, end: REDACTION_MARKER.length + 3 }] }, 'corr');
    await carryOut(p.tenantId, second.jobId);
    expect((await view.execute(p.agent, p.conversationId)).messages.find(({ id }) => id === target)!.body).toBe(`${REDACTION_MARKER}${REDACTION_MARKER}card 4111 1111 1111 1111 ${p.marker}`);
  });

  it('takes confirmations only from the holders the job waits for', async () => {
    const p = await planted(1);
    const job = await request.redact(p.agent, p.conversationId, { reason: 'holders', messageId: p.messageIds[0] }, 'corr');
    expect(await runner.runJob(job.jobId)).toBe('progressed');
    const from = (holder: string) =>
      confirmations.execute([{ event: buildEvent('redaction.purge-confirmed', { jobId: job.jobId, holder, purged: 0, confirmedAt: new Date().toISOString() }, { tenantId: p.tenantId, producer: 'test', correlationId: 'c', causationId: null }), key: null, partition: 0, offset: '0', traceContext: ROOT_CONTEXT }]);
    await from(RECEIPT_STORES.database);
    await from('someone-else');
    expect(await jobs.show(p.agent, job.jobId)).toMatchObject({ status: 'running' });
    await confirm(p.tenantId, job.jobId, 0);
    expect(await jobs.show(p.agent, job.jobId)).toMatchObject({ status: 'completed' });
    await drainOutbox();
  });

  it('removes what arrives in a conversation while its redaction runs', async () => {
    const p = await planted(2);
    const job = await request.redact(p.agent, p.conversationId, { reason: 'growing' }, 'corr');
    chunksToFail = 1;
    expect(await runner.runJob(job.jobId)).toBe('error');
    const late = p.message(`late ${p.marker}`);
    await apply.execute([late]);
    const done = await carryOut(p.tenantId, job.jobId);
    const lateId = (late.event.payload as { message: { id: string } }).message.id;
    expect(done!.progress.itemsTotal).toBe(done!.progress.itemsDone);
    expect((await view.execute(p.agent, p.conversationId)).messages.find(({ id }) => id === lateId)).toMatchObject({ redacted: true, redaction: { jobId: job.jobId } });
  });

  it('announces a completion again when a holder stays silent, until it confirms', async () => {
    const p = await planted(1);
    const job = await request.redact(p.agent, p.conversationId, { reason: 'lost event', messageId: p.messageIds[0] }, 'corr');
    expect(await runner.runJob(job.jobId)).toBe('progressed');
    await drainOutbox();
    expect(await runner.reannounceStale()).not.toContain(job.jobId);
    // The gateway never confirmed (its event was lost): two minutes on, the worker tells it again, once.
    await dataSource.query(`update redaction_jobs set announced_at = now() - interval '2 minutes' where job_id = $1`, [job.jobId]);
    expect(await runner.reannounceStale()).toContain(job.jobId);
    expect(await runner.reannounceStale()).not.toContain(job.jobId);
    await drainOutbox();
    await eventually(() => expect(completionsOf(job.jobId)).toHaveLength(2));
    expect(completionsOf(job.jobId)[1].payload).toEqual(completionsOf(job.jobId)[0].payload);
    await confirm(p.tenantId, job.jobId, 0);
    expect(await jobs.show(p.agent, job.jobId)).toMatchObject({ status: 'completed' });
    await dataSource.query(`update redaction_jobs set announced_at = now() - interval '2 minutes' where job_id = $1`, [job.jobId]);
    expect(await runner.reannounceStale()).not.toContain(job.jobId);
  });
});
