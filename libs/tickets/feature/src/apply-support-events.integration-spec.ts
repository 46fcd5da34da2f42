import { randomUUID } from 'node:crypto';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { DataSource } from 'typeorm';
import { buildEvent, deterministicUuid, Topics } from '@sieve/contracts';
import { ConsumedEvent, PermanentEventError } from '@sieve/kafka';
import { testStack } from '@sieve/testing';
import { ConversationEntity, createTicketsDataSource, MessageEntity } from '@sieve/tickets-data-access';
import { ApplySupportEventsUseCase } from './apply-support-events.usecase';
import { GetConversationQuery } from './get-conversation.query';

function conversationOpened(
  tenantId: string,
  overrides: { conversationId?: string; body?: string } = {},
): ConsumedEvent<typeof Topics.support> & { event: { type: 'support.conversation-opened' } } {
  const conversationId = overrides.conversationId ?? randomUUID();
  const event = buildEvent(
    'support.conversation-opened',
    {
      appId: randomUUID(),
      installId: 'idfv-1',
      conversationId,
      countryCode: 'FR',
      message: { id: deterministicUuid(conversationId, 'first-message'), body: overrides.body ?? 'Where is my order?' },
      versions: { sdk: '10.0.0', app: '2.1' },
      device: { platform: 'android' },
      customFields: { tier: 'gold' },
    },
    { tenantId, producer: 'test', correlationId: randomUUID(), causationId: null },
  );
  return { event, key: conversationId, partition: 0, offset: '0', traceContext: ROOT_CONTEXT };
}

describe('applying support events to the ticket store', () => {
  let dataSource: DataSource;
  let apply: ApplySupportEventsUseCase;

  beforeAll(async () => {
    dataSource = createTicketsDataSource(testStack.databaseUrl('tickets'), 'apply-test', 2);
    await dataSource.initialize();
    apply = new ApplySupportEventsUseCase(dataSource);
  });

  afterAll(() => dataSource.destroy());

  const countFor = async (tenantId: string) => ({
    conversations: await dataSource.getRepository(ConversationEntity).countBy({ tenantId }),
    messages: await dataSource.getRepository(MessageEntity).countBy({ tenantId }),
  });

  it('stores the conversation and its first message, readable by an agent of the same brand', async () => {
    const tenantId = randomUUID();
    const opened = conversationOpened(tenantId);
    await apply.execute([opened]);

    const view = await new GetConversationQuery(dataSource).execute(
      { tenantId, role: 'agent', credentialId: randomUUID() },
      opened.event.payload.conversationId,
    );
    expect(view).toMatchObject({
      countryCode: 'FR',
      platform: 'android',
      customFields: { tier: 'gold' },
      messages: [{ author: 'end-user', body: 'Where is my order?' }],
    });
  });

  it('changes nothing when the same events are delivered again, alone or in a replayed batch', async () => {
    const tenantId = randomUUID();
    const batch = [conversationOpened(tenantId), conversationOpened(tenantId)];
    await apply.execute(batch);
    await apply.execute(batch);
    await apply.execute([batch[1], batch[0]]);
    expect(await countFor(tenantId)).toEqual({ conversations: 2, messages: 2 });
  });

  it('rejects, permanently and without writing, an event that reuses another brand’s conversation id', async () => {
    const owner = randomUUID();
    const intruder = randomUUID();
    const original = conversationOpened(owner);
    await apply.execute([original]);

    const forged = conversationOpened(intruder, { conversationId: original.event.payload.conversationId, body: 'forged' });
    await expect(apply.execute([forged])).rejects.toThrow(PermanentEventError);
    expect(await countFor(intruder)).toEqual({ conversations: 0, messages: 0 });
    // The rolled-back batch did not record the event as processed: nothing half-applied.
    const inbox = await dataSource.query('select 1 from processed_events where event_id = $1', [forged.event.id]);
    expect(inbox).toEqual([]);
  });

  it('answers "not found" for another brand’s conversation, as for one that does not exist', async () => {
    const owner = randomUUID();
    const opened = conversationOpened(owner);
    await apply.execute([opened]);
    const query = new GetConversationQuery(dataSource);
    const otherBrand = { tenantId: randomUUID(), role: 'agent' as const, credentialId: randomUUID() };
    await expect(query.execute(otherBrand, opened.event.payload.conversationId)).rejects.toMatchObject({ code: 'not-found' });
    await expect(query.execute(otherBrand, randomUUID())).rejects.toMatchObject({ code: 'not-found' });
  });
});
