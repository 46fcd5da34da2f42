import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { buildClearEvent, deterministicUuid, EventOn, Topics } from '@sieve/contracts';
import { EventPublisher, isolatedKafka, KafkaSettings } from '@sieve/kafka';
import { openKeyVault, TransitSealing } from '@sieve/key-vault';
import { Platform, postJson, provisionTenant } from '@sieve/stack';
import { quietLogger, testStack } from '@sieve/testing';
import { Benchmark, Figures, quantile, timed } from '../harness';

const SAMPLES = Number(process.env.BENCH_REDACTION_SAMPLES ?? 200);
const ERASURE_MESSAGES = Number(process.env.BENCH_REDACTION_ERASURE_MESSAGES ?? 10_000);
const ERASURES = 3;
const BODY = 'My card number is 4111 1111 1111 1111 and the charge never went through.';

type SupportEvent = EventOn<typeof Topics.support>;

/** One end user's conversation of `messages` messages, sealed as the classifier publishes it; its ids. */
async function conversation(publisher: EventPublisher, sealing: TransitSealing, tenantId: string, appId: string, messages: number) {
  const conversationId = randomUUID();
  const installId = `idfv-${randomUUID()}`;
  const meta = { tenantId, producer: 'bench', correlationId: randomUUID(), causationId: null };
  const messageIds = Array.from({ length: messages }, (_, n) => deterministicUuid(conversationId, String(n)));
  const opened = buildClearEvent('support.conversation-opened', { appId, installId, conversationId, countryCode: 'FR', message: { id: messageIds[0], body: BODY }, versions: { sdk: '10.3.0' } }, meta);
  await publisher.publish(Topics.support, (await sealing.sealEvents([opened])).map((event) => ({ key: conversationId, event: event as SupportEvent })));
  for (let n = 1; n < messages; n += 1_000) {
    const sent = messageIds.slice(n, n + 1_000).map((id) => buildClearEvent('support.message-sent', { appId, installId, conversationId, message: { id, body: BODY } }, meta));
    await publisher.publish(Topics.support, (await sealing.sealEvents(sent)).map((event) => ({ key: conversationId, event: event as SupportEvent })));
  }
  return { conversationId, messageIds };
}

/** Waits until the job is completed (every store confirmed), looking every millisecond or two. */
async function untilCompleted(db: Client, jobId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ status: string }>('select status from redaction_jobs where job_id = $1', [jobId]);
    if (rows[0]?.status === 'completed') return;
    if (rows[0]?.status === 'failed' || Date.now() > deadline) throw new Error(`redaction job ${jobId} did not complete (${rows[0]?.status ?? 'not recorded'})`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * Redaction on this machine, every service it involves running (ticket store, redaction worker,
 * gateway): from `POST …/redactions` to the job "completed" — rows changed, transit keys destroyed,
 * the completion event through the outbox, the gateway's purge confirmed — for one message, and for
 * erasing an end user with 10,000 messages. Baselines in the same run: the bare SQL a redaction
 * can't do without (one UPDATE; one DELETE of the 10,000 rows).
 */
export const redactionBenchmark: Benchmark = {
  name: 'redaction',
  description: 'request to completed: one message, and erasing an end user with 10,000 messages',
  async run(): Promise<Figures> {
    Platform.build();
    const kafka: KafkaSettings = await isolatedKafka(testStack.brokers, 'bench-redaction');
    const tenant = await provisionTenant(
      { ingest: testStack.databaseUrl('ingest'), tickets: testStack.databaseUrl('tickets') },
      {
        tenantId: randomUUID(),
        tenantName: 'Redaction bench',
        appId: randomUUID(),
        appName: 'Redaction bench app',
        staff: [
          { id: randomUUID(), role: 'agent', label: 'Bench agent' },
          { id: randomUUID(), role: 'admin', label: 'Bench admin' },
        ],
      },
    );
    const publisher = new EventPublisher(kafka, quietLogger);
    const vault = await openKeyVault(testStack.keyVault(), 'bench-redaction');
    const db = new Client({ connectionString: testStack.databaseUrl('tickets') });
    await db.connect();
    const platform = Platform.forTests(kafka.topicNamespace!);
    try {
      const small: { conversationId: string; messageIds: string[] }[] = [];
      for (let n = 0; n < SAMPLES; n++) small.push(await conversation(publisher, vault.sealing, tenant.tenantId, tenant.appId, 2));
      const large: { conversationId: string; messageIds: string[] }[] = [];
      // One more than erased: the bare DELETE baseline takes the last.
      for (let n = 0; n <= ERASURES; n++) large.push(await conversation(publisher, vault.sealing, tenant.tenantId, tenant.appId, ERASURE_MESSAGES));
      const quiet = { LOG_LEVEL: 'warn' };
      // Erasing 10,000 messages is over the approval threshold: approval is a person's time, not the system's, so it is off here.
      await platform.start(['ticket-store', 'redaction-worker', 'ingest-gateway'], { 'ticket-store': { ...quiet, REDACTION_APPROVAL_THRESHOLD: String(ERASURE_MESSAGES * 2) }, 'redaction-worker': quiet, 'ingest-gateway': quiet });
      const expected = SAMPLES * 2 + (ERASURES + 1) * ERASURE_MESSAGES;
      for (const deadline = Date.now() + 600_000; ; ) {
        const { rows } = await db.query('select count(*)::int as n from messages where tenant_id = $1', [tenant.tenantId]);
        if (rows[0].n === expected) break;
        if (Date.now() > deadline) throw new Error(`the ticket store applied ${rows[0].n} of ${expected} messages`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }

      const agent = { authorization: `Bearer ${tenant.staffTokens.agent}` };
      const redactOne = (index: number) => async () => {
        const { conversationId, messageIds } = small[index];
        const asked = await postJson(`${platform.url('ticket-store')}/v1/conversations/${conversationId}/redactions`, { messageId: messageIds[1], reason: 'card number' }, agent);
        if (asked.status !== 202) throw new Error(`the redaction request answered ${asked.status}`);
        await untilCompleted(db, asked.body.jobId, 30_000);
      };
      let next = 0;
      await timed(10, redactOne(next++));
      const oneMessage = await timed(SAMPLES - 10, () => redactOne(next++)());
      const bareUpdate = await timed(SAMPLES, async () => {
        await db.query(`update messages set body_sealed = null, redacted_at = now() where id = $1`, [small[Math.floor(Math.random() * SAMPLES)].messageIds[0]]);
      });

      const admin = { authorization: `Bearer ${tenant.staffTokens.admin}` };
      const erasures: number[] = [];
      for (const { conversationId } of large.slice(0, ERASURES)) {
        const { rows } = await db.query<{ end_user_id: string }>('select end_user_id from conversations where id = $1', [conversationId]);
        const [latency] = await timed(1, async () => {
          const asked = await postJson(`${platform.url('ticket-store')}/v1/end-users/${rows[0].end_user_id}/erasure`, { reason: 'bench' }, admin);
          if (asked.status !== 202) throw new Error(`the erasure request answered ${asked.status}`);
          await untilCompleted(db, asked.body.jobId, 300_000);
        });
        erasures.push(latency);
      }
      const last = large[ERASURES];
      const [bareDelete] = await timed(1, async () => {
        await db.query('begin');
        await db.query('delete from messages where conversation_id = $1', [last.conversationId]);
        await db.query('delete from conversations where id = $1', [last.conversationId]);
        await db.query('commit');
      });

      return {
        redact_one_message_p50: { value: quantile(oneMessage, 0.5), unit: 'ms', better: 'lower' },
        redact_one_message_p99: { value: quantile(oneMessage, 0.99), unit: 'ms', better: 'lower' },
        baseline_bare_update_one_message_p50: { value: quantile(bareUpdate, 0.5), unit: 'ms', better: 'lower' },
        baseline_bare_update_one_message_p99: { value: quantile(bareUpdate, 0.99), unit: 'ms', better: 'lower' },
        [`erase_end_user_${ERASURE_MESSAGES}_messages_best`]: { value: Math.min(...erasures), unit: 'ms', better: 'lower' },
        [`erase_end_user_${ERASURE_MESSAGES}_messages_worst`]: { value: Math.max(...erasures), unit: 'ms', better: 'lower' },
        [`baseline_bare_delete_${ERASURE_MESSAGES}_messages`]: { value: bareDelete, unit: 'ms', better: 'lower' },
      };
    } finally {
      await platform.stop();
      // What the bench made and didn't erase goes: the test database is the tests' too.
      await db.query('delete from redaction_job_items where job_id in (select job_id from redaction_jobs where tenant_id = $1)', [tenant.tenantId]);
      await db.query('delete from redaction_receipts where job_id in (select job_id from redaction_jobs where tenant_id = $1)', [tenant.tenantId]);
      for (const table of ['messages', 'attachments', 'link_clicks', 'faq_searches', 'conversations', 'end_users', 'redaction_jobs', 'outbox']) {
        await db.query(`delete from ${table} where tenant_id = $1`, [tenant.tenantId]).catch(() => undefined);
      }
      await db.end();
      await vault.dataSource.destroy();
      await publisher.disconnect();
    }
  },
};
