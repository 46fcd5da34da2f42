import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { buildClearEvent, deterministicUuid, EventOn, TopicName, Topics } from '@sieve/contracts';
import { EventPublisher, isolatedKafka, KafkaSettings, TopicReader } from '@sieve/kafka';
import { KeyVault, openKeyVault } from '@sieve/key-vault';
import { getJson, Json, localBlobDirectory, localKeyFile, Platform, postJson, provisionTenant, ProvisionedTenant } from '@sieve/stack';
import { LOCAL_REDIS_URL } from '@sieve/config';
import { eventually, quietLogger, testStack } from '@sieve/testing';
import { generateStaffToken, hashStaffToken } from '@sieve/tickets-feature';
import { backUpTicketStore, openableBackupValues, openableTicketValues, openableTopicMessages, scanDirectory, scanPostgres, scanRedis, scanTexts, Sighting, TicketStores } from './plaintext-scan';

/** Every topic a service reads or writes: the raw SDK topic and the clean ones after classification. */
const TOPICS: TopicName[] = [
  Topics.sdkRaw,
  Topics.support,
  Topics.usage,
  Topics.diagnostics,
  Topics.piiFindings,
  Topics.agentReplies,
  Topics.redactionRequests,
  Topics.redactionCompleted,
  Topics.redactionConfirmations,
];

/**
 * The proof the redaction issue asks for, over the real services: values planted through the SDK
 * and the agent API in every place an end user's data goes, then redacted or erased; afterwards no
 * store Sieve has — every PostgreSQL table, Redis, the blob store, the services' logs, the Kafka
 * topics (raw and clean) — holds one in plaintext, and a backup of the ticket store taken before can't be
 * opened for them with the keys Sieve still has. And a worker killed mid-job completes it exactly once.
 */
describe('redaction and erasure, end to end', () => {
  jest.setTimeout(240_000);
  let kafka: KafkaSettings;
  let platform: Platform;
  let brand: ProvisionedTenant;
  let vault: KeyVault;
  const topics = new Map<TopicName, TopicReader>();
  const databases = { ingest: testStack.databaseUrl('ingest'), tickets: testStack.databaseUrl('tickets') };
  const ticketStores: TicketStores = { ticketsDatabaseUrl: databases.tickets, blobDirectory: localBlobDirectory('test'), keyVaultDatabaseUrl: testStack.databaseUrl('keys'), keyFile: localKeyFile('test') };
  const APPROVAL_THRESHOLD = 50;
  const workerSettings = { 'redaction-worker': { REDACTION_CHUNK_SIZE: '25' } };

  const sdk = () => ({ 'x-sieve-app-id': brand.appId, 'x-sieve-api-key': brand.apiKey });
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const gateway = (route: string) => `${platform.url('ingest-gateway')}${route}`;
  const tickets = (route: string) => `${platform.url('ticket-store')}${route}`;

  beforeAll(async () => {
    Platform.build();
    kafka = await isolatedKafka(testStack.brokers, 'redaction');
    brand = await provisionTenant(databases, {
      tenantId: randomUUID(),
      tenantName: 'Redaction brand',
      appId: randomUUID(),
      appName: 'Redaction app',
      staff: [
        { id: randomUUID(), role: 'agent', label: 'agent' },
        { id: randomUUID(), role: 'admin', label: 'first admin' },
      ],
    });
    for (const topic of TOPICS) topics.set(topic, await TopicReader.start(kafka, topic));
    vault = await openKeyVault(testStack.keyVault(), 'redaction-e2e');
    platform = Platform.forTests(kafka.topicNamespace!);
    await platform.start(undefined, { 'ticket-store': { REDACTION_APPROVAL_THRESHOLD: String(APPROVAL_THRESHOLD) }, ...workerSettings });
  });

  afterAll(async () => {
    await platform?.stop();
    await vault?.dataSource.destroy();
    for (const reader of topics.values()) await reader.stop();
  });

  /**
   * One end user's conversation through the SDK: identity, two messages, an attachment, an FAQ
   * search, a link click, and an agent reply waiting in the gateway for the install. Each carries a
   * value found nowhere else.
   */
  async function plantConversation() {
    const tag = randomBytes(6).toString('hex');
    const planted = {
      name: `Nadia Q${tag}n`,
      email: `nadia.q${tag}e@example.com`,
      firstMessage: `my locker code is zq${tag}m1`,
      secondMessage: `and my backup code is zq${tag}m2`,
      fileName: `scan-zq${tag}f.png`,
      fileBytes: `zq${tag}bytes`,
      search: `zq${tag}s refund`,
      reply: `Thanks, we noted zq${tag}r`,
    };
    const installId = `idfv-${randomUUID()}`;
    const versions = { sdk: '10.3.0' };
    const opened = await postJson(
      gateway('/v1/conversations'),
      { clientEventId: randomUUID(), installId, message: { body: planted.firstMessage }, identity: { name: planted.name, email: planted.email }, versions },
      sdk(),
    );
    expect(opened.status).toBe(202);
    const { conversationId } = opened.body;
    const second = await postJson(gateway(`/v1/conversations/${conversationId}/messages`), { clientEventId: randomUUID(), installId, message: { body: planted.secondMessage }, versions }, sdk());
    expect(second.status).toBe(202);
    const form = new FormData();
    form.append('clientEventId', randomUUID());
    form.append('installId', installId);
    form.append('sdkVersion', '10.3.0');
    form.append('file', new Blob([Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from(planted.fileBytes)])], { type: 'image/png' }), planted.fileName);
    expect((await fetch(gateway(`/v1/conversations/${conversationId}/attachments`), { method: 'POST', headers: sdk(), body: form })).status).toBe(202);
    const now = new Date().toISOString();
    const batch = await postJson(
      gateway('/v1/batches'),
      {
        installId,
        versions,
        events: [
          { type: 'faq-search', clientEventId: randomUUID(), query: planted.search, searchedAt: now },
          { type: 'link-click', clientEventId: randomUUID(), conversationId, messageId: second.body.messageId, url: 'https://help.example.com/lockers', clickedAt: now },
        ],
      },
      sdk(),
    );
    expect(batch.body.results.map((result: Json) => result.status)).toEqual(['accepted', 'accepted']);

    const conversation = await eventually(async () => {
      const read = await getJson(tickets(`/v1/conversations/${conversationId}`), as(brand.staffTokens.agent));
      expect(read.body.messages).toHaveLength(2);
      expect(read.body.attachments).toHaveLength(1);
      return read.body;
    });
    const replied = await postJson(tickets(`/v1/conversations/${conversationId}/replies`), { body: planted.reply }, as(brand.staffTokens.agent));
    expect(replied.status).toBe(201);
    // The reply waits in the gateway until the install fetches it (it doesn't here).
    const waiting = await eventually(async () => {
      const held = await getJson(gateway(`/v1/replies?installId=${installId}&waitSeconds=0`), sdk());
      expect(held.body.replies).toHaveLength(1);
      return held.body.replies;
    });
    expect(waiting[0].body).toBe(planted.reply);
    return { planted, installId, conversationId, conversation, replyId: replied.body.messageId as string };
  }

  /**
   * Everywhere Sieve keeps anything, searched for the values: as stored, and opened with every key
   * Sieve still has (the ticket store's key file and data keys, the key vault's transit keys).
   */
  async function sightingsOf(values: readonly string[]): Promise<Sighting[]> {
    const topicTexts = Object.fromEntries([...topics].map(([topic, reader]) => [topic, reader.messages.map(({ key, value }) => `${key ?? ''} ${value ?? ''}`)]));
    const openedTopics = Object.fromEntries(await Promise.all([...topics].map(async ([topic, reader]) => [topic, await openableTopicMessages(vault.sealing, reader.messages.map(({ value }) => value))])));
    const logs = Object.fromEntries([...platform.services.keys()].map((service) => [service, [platform.logs(service)]]));
    return [
      ...(await scanPostgres({ ...databases, analytics: testStack.databaseUrl('analytics'), keys: testStack.databaseUrl('keys') }, values)),
      ...scanTexts('ticket store, opened with its keys', { sealed: await openableTicketValues(ticketStores, brand.tenantId) }, values),
      ...(await scanRedis(LOCAL_REDIS_URL, values)),
      ...scanDirectory('blob store', localBlobDirectory('test'), values),
      ...scanTexts('logs', logs, values),
      ...scanTexts('kafka', topicTexts, values),
      ...scanTexts('kafka, opened with the key vault', openedTopics, values),
    ];
  }

  async function completed(jobId: string): Promise<Json> {
    return eventually(
      async () => {
        const job = await getJson(tickets(`/v1/redactions/${jobId}`), as(brand.staffTokens.agent));
        expect(job.body.status).toBe('completed');
        return job.body;
      },
      { timeoutMs: 90_000, intervalMs: 100 },
    );
  }

  it('redacts one message: afterwards its text is in no table, cache, blob, log line or clean topic; the rest stays', async () => {
    const { planted, conversationId, conversation } = await plantConversation();
    const secondId = conversation.messages[1].id;
    // The scan finds what is there: before the redaction the message opens in the database and on the topic.
    const before = await sightingsOf([planted.secondMessage]);
    expect([...new Set(before.map(({ store }) => store))].sort()).toEqual(['kafka, opened with the key vault', 'ticket store, opened with its keys']);
    // Opened on the raw topic as on the clean one: the gateway sealed it under the key the classifier sealed it under again.
    expect(before.filter(({ store }) => store.startsWith('kafka')).map(({ where }) => where).sort()).toEqual([Topics.sdkRaw, Topics.support].sort());
    const backup = backUpTicketStore(ticketStores);
    expect(await openableBackupValues(backup, ticketStores, brand.tenantId)).toEqual(expect.arrayContaining([planted.firstMessage, planted.secondMessage]));
    const asked = await postJson(tickets(`/v1/conversations/${conversationId}/redactions`), { messageId: secondId, reason: 'backup code in a message' }, as(brand.staffTokens.agent));
    expect([asked.status, asked.body.status]).toEqual([202, 'pending']);

    const job = await completed(asked.body.jobId);
    expect(job.receipts.map((receipt: Json) => receipt.store)).toEqual(['ticket-store.database', 'key-vault.transit-keys', 'key-vault.data-keys', 'ingest-gateway.pending-replies']);
    expect(job.receipts.every((receipt: Json) => typeof receipt.confirmedAt === 'string')).toBe(true);
    const after = await getJson(tickets(`/v1/conversations/${conversationId}`), as(brand.staffTokens.agent));
    expect(after.body.messages[1]).toMatchObject({ id: secondId, body: null, redacted: true, redaction: { jobId: job.jobId } });
    expect(after.body.messages[0].body).toBe(planted.firstMessage);

    expect(await sightingsOf([planted.secondMessage])).toEqual([]);
    // The backup taken before still holds the message, sealed under a key that no longer exists; the rest of it opens as before.
    const restored = await openableBackupValues(backup, ticketStores, brand.tenantId);
    expect(restored).toContain(planted.firstMessage);
    expect(restored).not.toContain(planted.secondMessage);
    rmSync(backup.directory, { recursive: true, force: true });
  });

  it('erases an end user: identity, messages, attachment, search, click, the waiting reply and the key, from every store', async () => {
    const { planted, installId, conversationId, conversation } = await plantConversation();
    const backup = backUpTicketStore(ticketStores);
    const asked = await postJson(tickets(`/v1/end-users/${conversation.endUser.id}/erasure`), { reason: 'the end user asked to be forgotten' }, as(brand.staffTokens.admin));
    expect(asked.status).toBe(202);
    const job = await completed(asked.body.jobId);
    expect(job.receipts).toEqual([
      expect.objectContaining({ store: 'ticket-store.database' }),
      // Both messages, the attachment, the search and the reply: their copies on the clean topics can't be opened.
      expect.objectContaining({ store: 'key-vault.transit-keys', removed: 5 }),
      expect.objectContaining({ store: 'blob-store', removed: 1 }),
      // Their own key (identity, search, waiting reply), the conversation's, and one per message (the reply's too) and attachment.
      expect.objectContaining({ store: 'key-vault.data-keys', removed: 6 }),
      expect.objectContaining({ store: 'ingest-gateway.pending-replies', removed: 1 }),
    ]);
    expect((await getJson(tickets(`/v1/conversations/${conversationId}`), as(brand.staffTokens.agent))).status).toBe(404);
    expect((await getJson(gateway(`/v1/replies?installId=${installId}&waitSeconds=0`), sdk())).body.replies).toEqual([]);

    expect(await sightingsOf(Object.values(planted))).toEqual([]);
    expect(scanTexts('backup, opened with the keys left', { restored: await openableBackupValues(backup, ticketStores, brand.tenantId) }, Object.values(planted))).toEqual([]);
    rmSync(backup.directory, { recursive: true, force: true });
  });

  it('completes a bulk erasure exactly once when the worker is killed halfway and started again', async () => {
    const MESSAGES = 3_000;
    const endUser = await plantBulkConversation(MESSAGES);
    const admin = as(brand.staffTokens.admin);
    const colleague = await secondAdmin();
    const asked = await postJson(tickets(`/v1/end-users/${endUser}/erasure`), { reason: 'bulk erasure' }, admin);
    expect(asked.body).toMatchObject({ status: 'pending', approval: { required: true, approvedBy: null } });
    // Neither the requester nor a token it made after asking can approve; a second admin does.
    const minted = await postJson(tickets('/v1/staff'), { role: 'admin', label: 'made by the first admin' }, admin);
    expect((await postJson(tickets(`/v1/redactions/${asked.body.jobId}/approve`), {}, admin)).status).toBe(403);
    expect((await postJson(tickets(`/v1/redactions/${asked.body.jobId}/approve`), {}, as(minted.body.token))).status).toBe(403);
    expect((await postJson(tickets(`/v1/redactions/${asked.body.jobId}/approve`), {}, as(colleague))).status).toBe(200);

    const halfway = await eventually(
      async () => {
        const job = (await getJson(tickets(`/v1/redactions/${asked.body.jobId}`), admin)).body;
        expect(job.progress.itemsDone).toBeGreaterThan(0);
        return job;
      },
      { timeoutMs: 60_000, intervalMs: 20 },
    );
    await platform.kill('redaction-worker');
    const atKill = (await getJson(tickets(`/v1/redactions/${asked.body.jobId}`), admin)).body;
    expect(atKill.status).toBe('running');
    expect(atKill.progress.itemsDone).toBeLessThan(atKill.progress.itemsTotal);
    expect(atKill.progress.itemsDone).toBeGreaterThanOrEqual(halfway.progress.itemsDone);

    await platform.start(['redaction-worker'], workerSettings);
    const job = await completed(asked.body.jobId);
    // Every message, the conversation and the end user: each removed once.
    expect(job.progress).toEqual({ itemsTotal: MESSAGES + 2, itemsDone: MESSAGES + 2 });
    await eventually(() => expect(topics.get(Topics.redactionCompleted)!.json<EventOn<typeof Topics.redactionCompleted>>().filter(({ payload }) => payload.jobId === job.jobId)).toHaveLength(1));
    const client = new Client({ connectionString: databases.tickets });
    await client.connect();
    try {
      const { rows } = await client.query(`select count(*)::int as n from messages where end_user_id = $1`, [endUser]);
      expect(rows).toEqual([{ n: 0 }]);
      const items = await client.query(`select count(*)::int as n, count(done_at)::int as done from redaction_job_items where job_id = $1`, [job.jobId]);
      expect(items.rows).toEqual([{ n: MESSAGES + 2, done: MESSAGES + 2 }]);
    } finally {
      await client.end();
    }
  });

  /** A token of another admin of the brand, provisioned as the first was (not made by the first). */
  async function secondAdmin(): Promise<string> {
    const token = generateStaffToken();
    const client = new Client({ connectionString: databases.tickets });
    await client.connect();
    try {
      await client.query(`insert into staff_credentials (id, tenant_id, role, label, token_hash) values ($1, $2, 'admin', 'second admin', $3)`, [randomUUID(), brand.tenantId, hashStaffToken(token)]);
    } finally {
      await client.end();
    }
    return token;
  }

  /** A conversation with many messages, straight onto the support topic as the classifier would put them; its end user's id. */
  async function plantBulkConversation(messages: number): Promise<string> {
    const conversationId = randomUUID();
    const installId = `idfv-${randomUUID()}`;
    const meta = { tenantId: brand.tenantId, producer: 'e2e', correlationId: randomUUID(), causationId: null };
    const publisher = new EventPublisher(kafka, quietLogger);
    const vault = await openKeyVault(testStack.keyVault(), 'redaction-e2e');
    try {
      const opened = buildClearEvent(
        'support.conversation-opened',
        { appId: brand.appId, installId, conversationId, countryCode: null, message: { id: deterministicUuid(conversationId, 'first'), body: 'first' }, versions: { sdk: '10.3.0' } },
        meta,
      );
      await publisher.publish(Topics.support, (await vault.sealing.sealEvents([opened])).map((event) => ({ key: conversationId, event })));
      const sent = Array.from({ length: messages - 1 }, (_, i) =>
        buildClearEvent('support.message-sent', { appId: brand.appId, installId, conversationId, message: { id: randomUUID(), body: `message ${i}` } }, meta),
      );
      for (let i = 0; i < sent.length; i += 500) {
        await publisher.publish(Topics.support, (await vault.sealing.sealEvents(sent.slice(i, i + 500))).map((event) => ({ key: conversationId, event })));
      }
    } finally {
      await publisher.disconnect();
      await vault.dataSource.destroy();
    }
    const read = await eventually(
      async () => {
        const conversation = await getJson(tickets(`/v1/conversations/${conversationId}`), as(brand.staffTokens.agent));
        expect(conversation.body.messages).toHaveLength(messages);
        return conversation.body;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    return read.endUser.id;
  }
});
