import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { buildClearEvent, deadLetterTopicOf, deterministicUuid, EventOn, Topics } from '@sieve/contracts';
import { isolatedKafka } from '@sieve/kafka';
import { openKeyVault, TransitSealing } from '@sieve/key-vault';
import { getJson, Platform, provisionTenant } from '@sieve/stack';
import { testStack } from '@sieve/testing';
import { drainRate, produceBacklog } from '../backlog';
import { Benchmark, Figures, quantile, timed } from '../harness';

type SupportEvent = EventOn<typeof Topics.support>;

const CONVERSATIONS = 2_000;
const MESSAGES_PER_CONVERSATION = 10;
const LONG_CONVERSATION_MESSAGES = 200;
const READS = 200;
const BODY = 'I bought the 500 gem pack on Tuesday and the gems never arrived; the charge is on my card statement though.';

/** A conversation opened and `messages - 1` further messages, as the classifier writes them (sealed under their transit keys). */
async function conversationEvents(sealing: TransitSealing, tenantId: string, appId: string, conversationId: string, messages: number): Promise<{ key: string; event: SupportEvent }[]> {
  const meta = { tenantId, producer: 'bench', correlationId: randomUUID(), causationId: null };
  const installId = `idfv-${conversationId}`;
  const opened = buildClearEvent(
    'support.conversation-opened',
    { appId, installId, conversationId, countryCode: 'FR', message: { id: deterministicUuid(conversationId, '0'), body: BODY }, identity: { name: 'Ada Lovelace', email: 'ada@example.com' }, versions: { sdk: '10.3.0' } },
    meta,
  );
  const further = Array.from({ length: messages - 1 }, (_, n) =>
    buildClearEvent('support.message-sent', { appId, installId, conversationId, message: { id: deterministicUuid(conversationId, String(n + 1)), body: `${BODY} (${n + 1})` } }, meta),
  );
  const sealed = [...(await sealing.sealEvents([opened])), ...(await sealing.sealEvents(further))] as SupportEvent[];
  return sealed.map((event) => ({ key: conversationId, event }));
}

/**
 * The baseline for applying: the same number of message rows written straight into PostgreSQL in
 * transactions of 500 (multi-row INSERTs, no Kafka, no inbox, no sealing, no end users).
 */
async function rawInsertsPerSecond(db: Client, rows: number): Promise<number> {
  const tenantId = randomUUID();
  const conversationId = randomUUID();
  const started = Date.now();
  for (let i = 0; i < rows; i += 500) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let n = i; n < Math.min(rows, i + 500); n++) {
      const p = values.length;
      tuples.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, 'end-user', $${p + 5}, now())`);
      values.push(randomUUID(), tenantId, conversationId, conversationId, randomBytes(BODY.length + 29));
    }
    await db.query('begin');
    await db.query(`insert into messages (id, tenant_id, conversation_id, end_user_id, author, body_sealed, sent_at) values ${tuples.join(', ')}`, values);
    await db.query('commit');
  }
  const perSecond = rows / ((Date.now() - started) / 1000);
  await db.query('delete from messages where tenant_id = $1', [tenantId]);
  return perSecond;
}

/**
 * The ticket store on this machine, broker included: (1) support events applied per second while
 * draining a backlog (conversations opened and messages, sealed, through the inbox), beside raw
 * multi-row INSERTs of as many rows; (2) reading a 200-message conversation through the agent API
 * (authenticate, load, open every body, access log), beside the bare SQL query for its rows.
 */
export const ticketStoreBenchmark: Benchmark = {
  name: 'ticket-store',
  description: 'support events applied per second, and reading a 200-message conversation through the agent API',
  async run(): Promise<Figures> {
    Platform.build();
    const kafka = await isolatedKafka(testStack.brokers, 'bench-tickets', [Topics.support, Topics.diagnostics, Topics.agentReplies, Topics.redactionRequests, deadLetterTopicOf(Topics.support), deadLetterTopicOf(Topics.diagnostics)]);
    const tenant = await provisionTenant(
      { ingest: testStack.databaseUrl('ingest'), tickets: testStack.databaseUrl('tickets') },
      { tenantId: randomUUID(), tenantName: 'Bench', appId: randomUUID(), appName: 'Bench app', staff: [{ id: randomUUID(), role: 'agent', label: 'Bench agent' }] },
    );
    const longConversation = randomUUID();
    const vault = await openKeyVault(testStack.keyVault(), 'bench-tickets');
    const backlog: { key: string; event: SupportEvent }[] = [];
    for (let n = 0; n < CONVERSATIONS; n++) backlog.push(...(await conversationEvents(vault.sealing, tenant.tenantId, tenant.appId, randomUUID(), MESSAGES_PER_CONVERSATION)));
    backlog.push(...(await conversationEvents(vault.sealing, tenant.tenantId, tenant.appId, longConversation, LONG_CONVERSATION_MESSAGES)));
    await vault.dataSource.destroy();
    await produceBacklog(kafka, Topics.support, backlog);

    const db = new Client({ connectionString: testStack.databaseUrl('tickets') });
    await db.connect();
    const platform = Platform.forTests(kafka.topicNamespace!);
    try {
      const applied = async () => Number((await db.query('select count(*) as n from messages where tenant_id = $1', [tenant.tenantId])).rows[0].n);
      await platform.start(['ticket-store'], { 'ticket-store': { LOG_LEVEL: 'warn' } });
      const eventsPerSecond = await drainRate(applied, backlog.length, 600_000, 'the ticket store did not apply the backlog');
      const baselinePerSecond = await rawInsertsPerSecond(db, backlog.length);

      const url = `${platform.url('ticket-store')}/v1/conversations/${longConversation}`;
      const headers = { authorization: `Bearer ${tenant.staffTokens.agent}` };
      const read = async () => {
        const response = await getJson(url, headers);
        if (response.status !== 200 || response.body.messages.length !== LONG_CONVERSATION_MESSAGES) throw new Error(`reading the conversation answered ${response.status}`);
      };
      await timed(20, read);
      const api = await timed(READS, read);
      const bare = await timed(READS, async () => {
        await db.query('select * from messages where tenant_id = $1 and conversation_id = $2 order by sent_at, id', [tenant.tenantId, longConversation]);
      });

      return {
        support_events_applied_per_s: { value: Math.round(eventsPerSecond), unit: 'events/s', better: 'higher' },
        raw_insert_rows_per_s: { value: Math.round(baselinePerSecond), unit: 'rows/s', better: 'higher' },
        applied_fraction_of_raw_inserts: { value: eventsPerSecond / baselinePerSecond, unit: 'ratio', better: 'higher' },
        read_200_message_conversation_p50: { value: quantile(api, 0.5), unit: 'ms', better: 'lower' },
        read_200_message_conversation_p99: { value: quantile(api, 0.99), unit: 'ms', better: 'lower' },
        bare_sql_200_messages_p50: { value: quantile(bare, 0.5), unit: 'ms', better: 'lower' },
        bare_sql_200_messages_p99: { value: quantile(bare, 0.99), unit: 'ms', better: 'lower' },
      };
    } finally {
      await platform.stop();
      await db.end();
    }
  },
};
