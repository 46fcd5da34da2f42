import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { LocalFileBlobStore } from '@sieve/blob-store';
import { deterministicUuid, endUserIdOf, EventOn, Topics } from '@sieve/contracts';
import { LocalKeyFile } from '@sieve/crypto';
import { EventPublisher, isolatedKafka, KafkaSettings, TopicReader } from '@sieve/kafka';
import { DataKeys, KeyVault, openKeyVault } from '@sieve/key-vault';
import { eventually, quietLogger, testStack } from '@sieve/testing';
import { createTicketsDataSource, PersonalData } from '@sieve/tickets-data-access';
import { ApplySupportEventsUseCase } from './apply-support-events.usecase';
import { OutboxRelay } from './outbox-relay';
import { ReplyToConversationUseCase } from './reply-to-conversation.usecase';
import { consumed, sealingFirst } from './testing/support-scenario';

describe('agent replies through the outbox, over real PostgreSQL and Kafka', () => {
  let dataSource: DataSource;
  let directory: string;
  let kafka: KafkaSettings;
  let publisher: EventPublisher;
  let dataKeys: DataKeys;
  let apply: ApplySupportEventsUseCase;
  let vault: KeyVault;
  let reply: ReplyToConversationUseCase;
  let relay: OutboxRelay;
  let replies: TopicReader;
  let nudges = 0;

  beforeAll(async () => {
    dataSource = createTicketsDataSource(testStack.databaseUrl('tickets'), 'reply-test', 4);
    await dataSource.initialize();
    directory = mkdtempSync(path.join(tmpdir(), 'sieve-reply-'));
    vault = await openKeyVault(testStack.keyVault(), 'reply-test');
    dataKeys = new DataKeys(vault.dataSource, await LocalKeyFile.open(path.join(directory, 'kek.json'), { create: true }));
    const personalData = new PersonalData(dataKeys);
    kafka = await isolatedKafka(testStack.brokers, 'reply-test', [Topics.agentReplies]);
    publisher = new EventPublisher(kafka, quietLogger);
    apply = sealingFirst(new ApplySupportEventsUseCase(dataSource, personalData, new LocalFileBlobStore(path.join(directory, 'blobs')), vault.sealing), vault.sealing);
    reply = new ReplyToConversationUseCase(dataSource, personalData, vault.sealing, () => nudges++);
    relay = new OutboxRelay(dataSource, publisher, personalData, quietLogger);
    replies = await TopicReader.start(kafka, Topics.agentReplies);
  });

  afterAll(async () => {
    await vault.dataSource.destroy();
    await replies.stop();
    await publisher.disconnect();
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  async function conversation(tenantId: string) {
    const conversationId = randomUUID();
    const appId = randomUUID();
    const installId = `idfv-${randomUUID()}`;
    await apply.execute([
      consumed(tenantId, 'support.conversation-opened', { appId, installId, conversationId, countryCode: null, message: { id: deterministicUuid(conversationId, 'first'), body: 'hello' }, versions: { sdk: '10.3.0' } }),
    ]);
    return { conversationId, appId, installId };
  }

  /** Publishes everything waiting (other runs' leftovers included). */
  const drain = async () => {
    while ((await relay.publishPending()) > 0);
  };

  it('keeps the reply sealed in the outbox, and publishes it once, its body sealed under its transit key, for the install that wrote', async () => {
    const tenantId = randomUUID();
    const { conversationId, appId, installId } = await conversation(tenantId);
    const agent = { tenantId, role: 'agent' as const, credentialId: randomUUID() };
    const marker = `Refund ${randomUUID().slice(0, 8)} is on its way`;
    const clientMessageId = randomUUID();
    const sent = await reply.execute(agent, conversationId, { body: marker, clientMessageId }, 'corr-1');
    expect(await reply.execute(agent, conversationId, { body: marker, clientMessageId }, 'corr-2')).toEqual({ ...sent, status: 'duplicate' });
    expect(nudges).toBeGreaterThan(0);

    const waiting = await dataSource.query(`select row_to_json(o)::text as row from outbox o where id = (select id from outbox where tenant_id = $1)`, [tenantId]);
    expect(waiting).toHaveLength(1);
    expect(waiting[0].row).not.toContain(marker);

    await drain();
    const published = await eventually(() => {
      const found = replies.json<EventOn<typeof Topics.agentReplies>>().filter((event) => event.tenantId === tenantId);
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(JSON.stringify(published)).not.toContain(marker);
    const [opened] = await vault.sealing.open([published]);
    expect(opened).toMatchObject({ payload: { appId, installId, conversationId, message: { id: sent.messageId, body: marker, sentAt: sent.sentAt } } });
    expect(await dataSource.query('select 1 from outbox where tenant_id = $1', [tenantId])).toEqual([]);
  });

  it('stores a reply tried several times at once once, and answers the other tries "duplicate"', async () => {
    const tenantId = randomUUID();
    const { conversationId } = await conversation(tenantId);
    const agent = { tenantId, role: 'agent' as const, credentialId: randomUUID() };
    const request = { body: 'Once only', clientMessageId: randomUUID() };
    const answers = await Promise.all(Array.from({ length: 3 }, (_, n) => reply.execute(agent, conversationId, request, `corr-${n}`)));
    expect(answers.map((answer) => answer.status).sort()).toEqual(['created', 'duplicate', 'duplicate']);
    expect(new Set(answers.map((answer) => answer.messageId)).size).toBe(1);
    expect(await dataSource.query(`select 1 from messages where conversation_id = $1 and author = 'agent'`, [conversationId])).toHaveLength(1);
    expect(await dataSource.query('select 1 from outbox where tenant_id = $1', [tenantId])).toHaveLength(1);
    await drain();
  });

  it('answers "gone" for a conversation whose end user was erased, and sends nothing of a reply waiting for them', async () => {
    const tenantId = randomUUID();
    const { conversationId, appId, installId } = await conversation(tenantId);
    const agent = { tenantId, role: 'agent' as const, credentialId: randomUUID() };
    await reply.execute(agent, conversationId, { body: 'sent before the erasure' }, 'corr-3');
    await dataKeys.destroy({ tenantId, ownerId: endUserIdOf(tenantId, appId, installId) });

    await expect(reply.execute(agent, conversationId, { body: 'after' }, 'corr-4')).rejects.toMatchObject({ code: 'gone' });
    await drain();
    expect(await dataSource.query('select 1 from outbox where tenant_id = $1', [tenantId])).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(replies.json<{ tenantId: string }>().filter((event) => event.tenantId === tenantId)).toEqual([]);
  });
});
