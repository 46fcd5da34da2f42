import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { buildClearEvent, deterministicUuid, Topics } from '@sieve/contracts';
import { createKafkaClient, EventPublisher, isolatedKafka, KafkaSettings, physicalTopic, TopicReader } from '@sieve/kafka';
import { KeyVault, openKeyVault } from '@sieve/key-vault';
import { getJson, Json, Platform, postJson, provisionTenant, ProvisionedTenant } from '@sieve/stack';
import { STAFF_ROLES, StaffRole } from '@sieve/tickets-data-access';
import { TICKET_STORE_CONSUMER } from '@sieve/tickets-feature';
import { eventually, quietLogger, testStack } from '@sieve/testing';

/**
 * The ticket store's agent API over HTTP, with conversations arriving on the real support topic:
 * every role against every endpoint, brands kept apart, pagination, and what leaves through the outbox.
 */
describe('the agent API', () => {
  jest.setTimeout(120_000);
  let kafka: KafkaSettings;
  let platform: Platform;
  let publisher: EventPublisher;
  let vault: KeyVault;
  let brand: ProvisionedTenant;
  let otherBrand: ProvisionedTenant;
  const databases = { ingest: testStack.databaseUrl('ingest'), tickets: testStack.databaseUrl('tickets') };

  const provision = (name: string) =>
    provisionTenant(databases, {
      tenantId: randomUUID(),
      tenantName: name,
      appId: randomUUID(),
      appName: `${name} app`,
      staff: STAFF_ROLES.map((role) => ({ id: randomUUID(), role, label: `${name} ${role}` })),
    });

  const as = (tenant: ProvisionedTenant, role: StaffRole) => ({ authorization: `Bearer ${tenant.staffTokens[role]}` });
  const url = (path = '') => `${platform.url('ticket-store')}/v1/conversations${path}`;

  /** A conversation as the classifier hands it on, applied by the ticket store. */
  async function conversation(tenant: ProvisionedTenant, countryCode = 'FR'): Promise<string> {
    const conversationId = randomUUID();
    const clear = buildClearEvent(
      'support.conversation-opened',
      {
        appId: tenant.appId,
        installId: `idfv-${randomUUID()}`,
        conversationId,
        countryCode,
        message: { id: deterministicUuid(conversationId, 'first'), body: 'My order never came' },
        versions: { sdk: '10.3.0' },
      },
      { tenantId: tenant.tenantId, producer: 'e2e', correlationId: randomUUID(), causationId: null },
    );
    const [event] = await vault.sealing.sealEvents([clear]);
    await publisher.publish(Topics.support, [{ key: conversationId, event }]);
    await eventually(async () => expect((await getJson(url(`/${conversationId}`), as(tenant, 'admin'))).status).toBe(200));
    return conversationId;
  }

  async function patchJson(target: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: Json }> {
    const response = await fetch(target, { method: 'PATCH', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Json };
  }

  beforeAll(async () => {
    Platform.build();
    kafka = await isolatedKafka(testStack.brokers, 'agent-api');
    publisher = new EventPublisher(kafka, quietLogger);
    vault = await openKeyVault(testStack.keyVault(), 'agent-api-e2e');
    [brand, otherBrand] = await Promise.all([provision('Agent API A'), provision('Agent API B')]);
    platform = Platform.forTests(kafka.topicNamespace!);
    await platform.start(['ticket-store']);
  });

  afterAll(async () => {
    await vault?.dataSource.destroy();
    await platform?.stop();
    await publisher?.disconnect();
  });

  describe('roles: agents and admins work conversations; billing and SRE never read them', () => {
    const endpoints: { name: string; call: (id: string, headers: Record<string, string>) => Promise<{ status: number; body: Json }>; success: number }[] = [
      { name: 'GET /v1/conversations', call: (_id, headers) => getJson(url(), headers), success: 200 },
      { name: 'GET /v1/conversations/:id', call: (id, headers) => getJson(url(`/${id}`), headers), success: 200 },
      { name: 'POST /v1/conversations/:id/replies', call: (id, headers) => postJson(url(`/${id}/replies`), { body: 'On its way.' }, headers), success: 201 },
      { name: 'PATCH /v1/conversations/:id', call: (id, headers) => patchJson(url(`/${id}`), { status: 'pending' }, headers), success: 200 },
      { name: 'POST /v1/conversations/:id/redactions', call: (id, headers) => postJson(url(`/${id}/redactions`), { reason: 'card number' }, headers), success: 202 },
    ];

    it.each(endpoints)('$name', async ({ call, success }) => {
      const id = await conversation(brand);
      for (const role of ['agent', 'admin'] as const) expect([role, (await call(id, as(brand, role))).status]).toEqual([role, success]);
      for (const role of ['billing', 'sre'] as const) {
        const refused = await call(id, as(brand, role));
        expect([role, refused.status, refused.body.error?.code]).toEqual([role, 403, 'forbidden']);
        expect(JSON.stringify(refused.body)).not.toContain('My order never came');
      }
      expect((await call(id, {})).status).toBe(401);
      expect((await call(id, { authorization: 'Bearer sieve_st_not-a-token' })).status).toBe(401);
    });
  });

  it('keeps brands apart: another brand’s conversation is "not found" everywhere, and never listed', async () => {
    const id = await conversation(brand);
    const intruder = as(otherBrand, 'admin');
    for (const response of [
      await getJson(url(`/${id}`), intruder),
      await postJson(url(`/${id}/replies`), { body: 'hi' }, intruder),
      await patchJson(url(`/${id}`), { status: 'closed' }, intruder),
      await postJson(url(`/${id}/redactions`), { reason: 'r' }, intruder),
    ]) {
      expect([response.status, response.body.error.code]).toEqual([404, 'not-found']);
    }
    const listed = await getJson(url('?limit=100'), intruder);
    expect(listed.body.items.map((item: Json) => item.id)).not.toContain(id);
    // Nothing was changed by the attempts.
    expect((await getJson(url(`/${id}`), as(brand, 'agent'))).body).toMatchObject({ status: 'open', messages: [expect.objectContaining({ author: 'end-user' })] });
  });

  it('lists a brand’s conversations newest first, a page at a time, filtered, with no message text', async () => {
    const tenant = await provision('Paging');
    const ids: string[] = [];
    for (const country of ['FR', 'DE', 'FR', 'GB', 'FR']) ids.push(await conversation(tenant, country));
    await patchJson(url(`/${ids[0]}`), { status: 'resolved' }, as(tenant, 'agent'));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Json } = await getJson(url(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`), as(tenant, 'agent'));
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item: Json) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect(JSON.stringify(seen)).not.toContain('My order never came');

    const french = await getJson(url('?countryCode=FR'), as(tenant, 'agent'));
    expect(french.body.items.map((item: Json) => item.id).sort()).toEqual([ids[0], ids[2], ids[4]].sort());
    const resolved = await getJson(url('?status=resolved'), as(tenant, 'agent'));
    expect(resolved.body.items).toEqual([expect.objectContaining({ id: ids[0], status: 'resolved', countryCode: 'FR' })]);

    for (const bad of ['?cursor=bm9wZQ', '?limit=0', '?status=archived', '?colour=blue']) {
      const refused = await getJson(url(bad), as(tenant, 'agent'));
      expect([bad, refused.status, refused.body.error.code]).toEqual([bad, 400, 'invalid-request']);
    }
  });

  it('records a redaction request and hands it to the redaction worker through the outbox, once per job', async () => {
    const requests = await TopicReader.start(kafka, Topics.redactionRequests);
    try {
      const id = await conversation(brand);
      const messageId = deterministicUuid(id, 'first');
      const jobId = randomUUID();
      const body = { messageId, reason: 'the end user typed a card number', jobId };
      const asked = await postJson(url(`/${id}/redactions`), body, as(brand, 'agent'));
      expect([asked.status, asked.body]).toEqual([202, expect.objectContaining({ jobId, status: 'pending', reason: body.reason, target: { kind: 'message', messageId } })]);
      expect((await postJson(url(`/${id}/redactions`), body, as(brand, 'agent'))).body).toMatchObject({ jobId, status: 'pending' });

      const published = await eventually(() => {
        const found = requests.json<Json>().filter((event) => event.payload.jobId === jobId);
        expect(found).toHaveLength(1);
        return found[0];
      });
      // Ids only on the topic: the reason a person typed stays in the job.
      expect(published).toMatchObject({ tenantId: brand.tenantId, payload: { jobId, target: { kind: 'message', messageId } } });
      expect(JSON.stringify(published)).not.toContain(body.reason);

      const unknownMessage = await postJson(url(`/${id}/redactions`), { messageId: randomUUID(), reason: 'r' }, as(brand, 'agent'));
      expect([unknownMessage.status, unknownMessage.body.error.code]).toEqual([404, 'not-found']);
      const noReason = await postJson(url(`/${id}/redactions`), {}, as(brand, 'agent'));
      expect([noReason.status, noReason.body.error.message]).toEqual([400, expect.stringContaining('reason')]);
    } finally {
      await requests.stop();
    }
  });

  it('keeps a log of who read which conversation, and refuses replies that are empty or too long', async () => {
    const id = await conversation(brand);
    await getJson(url(`/${id}`), as(brand, 'agent'));
    const db = new Client({ connectionString: databases.tickets });
    await db.connect();
    try {
      const log = await db.query('select staff_credential_id, action from access_log where conversation_id = $1', [id]);
      // The admin read while waiting for the conversation to arrive, then the agent read it.
      expect(log.rows.map((row) => row.action)).toContain('conversation.read');
      expect(new Set(log.rows.map((row) => row.staff_credential_id)).size).toBe(2);
    } finally {
      await db.end();
    }
    for (const body of [{ body: '   ' }, { body: 'x'.repeat(10_001) }, { text: 'hi' }]) {
      const refused = await postJson(url(`/${id}/replies`), body, as(brand, 'agent'));
      expect([refused.status, refused.body.error.code]).toEqual([400, 'invalid-request']);
    }
  });

  it('lets a brand’s admins, and no one else, add and revoke staff tokens', async () => {
    const tenant = await provision('Staff admin');
    const staffUrl = `${platform.url('ticket-store')}/v1/staff`;
    for (const role of ['agent', 'billing', 'sre'] as const) {
      expect([role, (await getJson(staffUrl, as(tenant, role))).status]).toEqual([role, 403]);
      expect([role, (await postJson(staffUrl, { role: 'admin', label: 'sneaky' }, as(tenant, role))).status]).toEqual([role, 403]);
    }
    const added = await postJson(staffUrl, { role: 'agent', label: 'Grace (support)' }, as(tenant, 'admin'));
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: expect.any(String), role: 'agent', label: 'Grace (support)', token: expect.stringMatching(/^sieve_st_/) });
    const withNewToken = { authorization: `Bearer ${added.body.token}` };
    expect((await getJson(url(), withNewToken)).status).toBe(200);
    const listed = await getJson(staffUrl, as(tenant, 'admin'));
    expect(listed.body).toEqual(expect.arrayContaining([{ id: added.body.id, role: 'agent', label: 'Grace (support)', createdAt: expect.any(String) }]));
    expect(JSON.stringify(listed.body)).not.toContain('sieve_st_');

    // Another brand's admin can't see or revoke it; revoking it here ends it at once.
    expect((await fetch(`${staffUrl}/${added.body.id}`, { method: 'DELETE', headers: as(otherBrand, 'admin') })).status).toBe(404);
    expect((await fetch(`${staffUrl}/${added.body.id}`, { method: 'DELETE', headers: as(tenant, 'admin') })).status).toBe(204);
    expect((await getJson(url(), withNewToken)).status).toBe(401);
    // An admin can't revoke the token they are using.
    const self = listed.body.find((member: Json) => member.role === 'admin');
    const selfRevocation = await fetch(`${staffUrl}/${self.id}`, { method: 'DELETE', headers: as(tenant, 'admin') });
    expect([selfRevocation.status, ((await selfRevocation.json()) as Json).error.message]).toEqual([400, expect.stringContaining('another admin')]);
    const invalid = await postJson(staffUrl, { role: 'owner', label: '' }, as(tenant, 'admin'));
    expect([invalid.status, invalid.body.error.message]).toEqual([400, expect.stringContaining('role')]);
  });

  it('serves its OpenAPI document and a page to read it at /docs', async () => {
    const page = await fetch(`${platform.url('ticket-store')}/docs`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(await page.text()).toContain('/docs/openapi.json');
    const document = await getJson(`${platform.url('ticket-store')}/docs/openapi.json`);
    expect(document.body).toMatchObject({ openapi: '3.1.0', info: { title: 'Sieve ticket store: the agent API' } });
  });

  it('changes nothing when the whole support topic is replayed from the beginning', async () => {
    const id = await conversation(brand);
    await postJson(url(`/${id}/replies`), { body: 'Sorry about that.' }, as(brand, 'agent'));
    const db = new Client({ connectionString: databases.tickets });
    await db.connect();
    const admin = createKafkaClient(kafka, quietLogger).admin();
    await admin.connect();
    try {
      const snapshot = async () => {
        const parts = [];
        for (const table of ['end_users', 'conversations', 'messages', 'attachments', 'faq_searches', 'link_clicks']) {
          const rows = await db.query(`select row_to_json(t)::text as row from ${table} t where tenant_id = $1 order by 1`, [brand.tenantId]);
          parts.push(...rows.rows.map((r) => r.row));
        }
        return parts;
      };
      const before = await snapshot();
      expect(before.length).toBeGreaterThan(0);

      await platform.stop();
      const groupId = physicalTopic(kafka, TICKET_STORE_CONSUMER);
      const topic = physicalTopic(kafka, Topics.support);
      await admin.resetOffsets({ groupId, topic, earliest: true });
      const [reset] = await admin.fetchOffsets({ groupId, topics: [topic] });
      expect(reset.partitions.map((p) => p.offset)).toEqual(reset.partitions.map(() => '-2')); // "the earliest", for every partition
      await platform.start(['ticket-store']);
      // Every event of the topic applied again: the group's committed offsets reach the topic's end.
      const ends = await admin.fetchTopicOffsets(topic);
      await eventually(
        async () => {
          const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
          for (const { partition, offset } of ends) expect(committed.partitions.find((p) => p.partition === partition)?.offset).toBe(offset);
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
      expect(await snapshot()).toEqual(before);
    } finally {
      await admin.disconnect();
      await db.end();
    }
  });
});
