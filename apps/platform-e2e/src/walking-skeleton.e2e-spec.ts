import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { buildEvent, deadLetterTopicOf, EventOn, MessageHeaders, Topics } from '@sieve/contracts';
import { signIdentity } from '@sieve/ingest-domain';
import { createKafkaClient, EventPublisher, isolatedKafka, KafkaSettings, physicalTopic, TopicReader } from '@sieve/kafka';
import { KEY_GONE, KeyVault, openKeyVault } from '@sieve/key-vault';
import { getJson, Json, localBlobDirectory, Platform, postJson, provisionTenant, ProvisionedTenant } from '@sieve/stack';
import { eventually, quietLogger, testStack } from '@sieve/testing';

/**
 * One support conversation through the real services: SDK request → gateway → raw topic →
 * classifier → support topic → ticket store (PostgreSQL) → agent API. Every hop is real.
 */
describe('the platform, end to end', () => {
  jest.setTimeout(120_000);
  const ADVERTISING_ID = `ADID-${randomBytes(6).toString('hex').toUpperCase()}`;
  const ATTACHMENT_LIMIT = 1024 * 1024;
  let kafka: KafkaSettings;
  let platform: Platform;
  let brand: ProvisionedTenant;
  let otherBrand: ProvisionedTenant;
  let rawTopic: TopicReader;
  let vault: KeyVault;
  let supportTopic: TopicReader;
  const databases = { ingest: testStack.databaseUrl('ingest'), tickets: testStack.databaseUrl('tickets') };

  const provision = (name: string) =>
    provisionTenant(databases, {
      tenantId: randomUUID(),
      tenantName: name,
      appId: randomUUID(),
      appName: `${name} app`,
      customFields: [
        { key: 'level', type: 'number', label: 'Player level', required: false },
        { key: 'tier', type: 'dropdown', label: 'Tier', required: false, options: ['bronze', 'silver', 'gold'] },
      ],
      staff: [
        { id: randomUUID(), role: 'agent', label: `${name} agent` },
        { id: randomUUID(), role: 'admin', label: `${name} admin` },
      ],
    });

  const sdkHeaders = (tenant: ProvisionedTenant, apiKey = tenant.apiKey) => ({ 'x-sieve-app-id': tenant.appId, 'x-sieve-api-key': apiKey });
  const agentHeaders = (tenant: ProvisionedTenant) => ({ authorization: `Bearer ${tenant.staffTokens.agent}` });

  function openConversationBody(overrides: Record<string, unknown> = {}) {
    return {
      clientEventId: randomUUID(),
      installId: `idfv-${randomUUID()}`,
      message: { body: 'The gems I bought never arrived' },
      versions: { sdk: '10.3.0', app: '5.2.1', os: '17.4' },
      device: { platform: 'ios', model: 'iPhone15,2', advertisingId: ADVERTISING_ID },
      customFields: { level: 42 },
      ...overrides,
    };
  }

  beforeAll(async () => {
    Platform.build();
    kafka = await isolatedKafka(testStack.brokers, 'e2e');
    [brand, otherBrand] = await Promise.all([provision('Brand A'), provision('Brand B')]);
    rawTopic = await TopicReader.start(kafka, Topics.sdkRaw);
    supportTopic = await TopicReader.start(kafka, Topics.support);
    vault = await openKeyVault(testStack.keyVault(), 'walking-skeleton');
    platform = Platform.forTests(kafka.topicNamespace!);
    // The tests stand in for a load balancer on this machine, telling the client address.
    await platform.start(undefined, { 'ingest-gateway': { TRUSTED_PROXIES: '127.0.0.1', ATTACHMENT_MAX_BYTES: String(ATTACHMENT_LIMIT) } });
  });

  afterAll(async () => {
    await platform?.stop();
    await rawTopic?.stop();
    await supportTopic?.stop();
    await vault?.dataSource.destroy();
  });

  /** A raw event as the classifier reads it: what a person typed opened from its transit key. */
  async function openedRaw(value: string | null | undefined): Promise<Json> {
    const [opened] = await vault.sealing.open([JSON.parse(value ?? 'null') as EventOn<typeof Topics.sdkRaw>]);
    if (opened === KEY_GONE) throw new Error('the raw event’s transit key is gone');
    return opened as Json;
  }

  it('takes a conversation from the SDK to the agent API, without the advertising id the disclosure does not collect', async () => {
    const request = openConversationBody();
    const CLIENT_ADDRESS = '81.2.69.142';
    const accepted = await postJson(`${platform.url('ingest-gateway')}/v1/conversations`, request, { ...sdkHeaders(brand), 'x-forwarded-for': CLIENT_ADDRESS });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'accepted', conversationId: expect.any(String), messageId: expect.any(String) });
    const { conversationId } = accepted.body;

    const conversation = await eventually(async () => {
      const response = await getJson(`${platform.url('ticket-store')}/v1/conversations/${conversationId}`, agentHeaders(brand));
      expect(response.status).toBe(200);
      return response.body;
    });
    expect(conversation).toMatchObject({
      id: conversationId,
      appId: brand.appId,
      status: 'open',
      platform: 'ios',
      sdkVersion: '10.3.0',
      appVersion: '5.2.1',
      // The country comes from the client address; the address itself went no further than the gateway.
      countryCode: 'GB',
      customFields: { level: 42 },
      messages: [{ author: 'end-user', body: 'The gems I bought never arrived' }],
    });

    // Every hop was real: the raw event still carried the id, the clean one no longer does.
    const raw = rawTopic.messages.find((m) => m.key === conversationId);
    const clean = supportTopic.messages.find((m) => m.key === conversationId);
    // Sealed on the raw topic too: only its transit key opens it.
    expect(raw?.value).not.toContain(ADVERTISING_ID);
    expect((await openedRaw(raw?.value)).payload.device.advertisingId).toBe(ADVERTISING_ID);
    expect(clean).toBeDefined();
    expect(clean?.value).not.toContain(ADVERTISING_ID);
    expect(clean?.headers[MessageHeaders.correlationId]).toBe(accepted.body.correlationId);
    // One trace spans gateway → classifier: the clean event continues the raw event's trace.
    const traceId = (header?: string) => header?.split('-')[1];
    expect(traceId(clean?.headers.traceparent)).toBe(traceId(raw?.headers.traceparent));
    expect(traceId(raw?.headers.traceparent)).toMatch(/^[0-9a-f]{32}$/);

    const db = new Client({ connectionString: databases.tickets });
    await db.connect();
    try {
      const rows = await db.query('select row_to_json(c)::text as row from conversations c where id = $1', [conversationId]);
      expect(rows.rows).toHaveLength(1);
      expect(rows.rows[0].row).not.toContain(ADVERTISING_ID);
    } finally {
      await db.end();
    }
    expect(platform.logs()).not.toContain(ADVERTISING_ID);
    expect(platform.logs()).not.toContain('The gems I bought never arrived');
    expect(platform.logs()).not.toContain(CLIENT_ADDRESS);
    expect(raw?.value).not.toContain(CLIENT_ADDRESS);
    expect(JSON.stringify(raw?.headers)).not.toContain(CLIENT_ADDRESS);
  });

  it('masks a card number an end user typed before it is stored, and audits the finding without the value', async () => {
    const findingsTopic = await TopicReader.start(kafka, Topics.piiFindings);
    try {
      const body = 'I was charged twice on my card 5555 5555 5555 4444, email me at grace@example.com';
      const accepted = await postJson(`${platform.url('ingest-gateway')}/v1/conversations`, openConversationBody({ message: { body } }), sdkHeaders(brand));
      const stored = await eventually(async () => {
        const response = await getJson(`${platform.url('ticket-store')}/v1/conversations/${accepted.body.conversationId}`, agentHeaders(brand));
        expect(response.status).toBe(200);
        return response.body;
      });
      expect(stored.messages[0].body).toBe('I was charged twice on my card **** **** **** 4444, email me at grace@example.com');
      expect(stored.messages[0].piiTags).toEqual(['contact.email', 'financial.payment']);
      expect(supportTopic.messages.find((m) => m.key === accepted.body.conversationId)?.value).not.toContain('5555 5555');

      const audit = await eventually(() => {
        const mine = findingsTopic.messages.filter((m) => m.key === accepted.body.conversationId);
        expect(mine.length).toBeGreaterThanOrEqual(3); // the advertising id, the card, the email
        return mine;
      });
      const payloads = audit.map((m) => JSON.parse(m.value ?? '').payload);
      expect(payloads).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ piiType: 'CREDIT_CARD', field: 'message.body', action: 'mask', start: 31, end: 50 }),
          expect.objectContaining({ piiType: 'EMAIL_ADDRESS', action: 'tag' }),
          expect.objectContaining({ field: 'device.advertisingId', action: 'drop', reason: 'not-collected' }),
        ]),
      );
      for (const message of audit) {
        // The card's digits as typed (ids may hold "5555" by chance; none holds a space).
        expect(message.value).not.toContain('5555 5555');
        expect(message.value).not.toContain('grace@example.com');
      }
    } finally {
      await findingsTopic.stop();
    }
  });

  it('answers a retried request "duplicate" and stores the conversation once', async () => {
    const request = openConversationBody();
    const first = await postJson(`${platform.url('ingest-gateway')}/v1/conversations`, request, sdkHeaders(brand));
    const retry = await postJson(`${platform.url('ingest-gateway')}/v1/conversations`, request, sdkHeaders(brand));
    expect(first.status).toBe(202);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ status: 'duplicate', conversationId: first.body.conversationId });
    await eventually(async () => {
      const response = await getJson(`${platform.url('ticket-store')}/v1/conversations/${first.body.conversationId}`, agentHeaders(brand));
      expect(response.body.messages).toHaveLength(1);
    });
    expect(rawTopic.messages.filter((m) => m.key === first.body.conversationId)).toHaveLength(1);
  });

  it('keeps brands apart: another brand’s agent gets 404, as for a conversation that does not exist', async () => {
    const accepted = await postJson(`${platform.url('ingest-gateway')}/v1/conversations`, openConversationBody(), sdkHeaders(brand));
    const url = `${platform.url('ticket-store')}/v1/conversations/${accepted.body.conversationId}`;
    await eventually(async () => expect((await getJson(url, agentHeaders(brand))).status).toBe(200));
    const intruder = await getJson(url, agentHeaders(otherBrand));
    const missing = await getJson(`${platform.url('ticket-store')}/v1/conversations/${randomUUID()}`, agentHeaders(otherBrand));
    expect(intruder).toEqual({ status: 404, body: { error: { code: 'not-found', message: expect.any(String) } } });
    expect(missing.status).toBe(404);
    expect((await getJson(url)).status).toBe(401);
    const malformed = await getJson(`${platform.url('ticket-store')}/v1/conversations/${'-'.repeat(36)}`, agentHeaders(brand));
    expect(malformed).toEqual({ status: 400, body: { error: { code: 'invalid-request', message: 'The conversation id in the path must be a UUID.' } } });
  });

  it('receives no custom data under full privacy, whether the app or the request asks for it', async () => {
    const privateApp = await provisionTenant(databases, {
      tenantId: randomUUID(),
      tenantName: 'Private brand',
      appId: randomUUID(),
      appName: 'Private app',
      fullPrivacy: true,
      staff: [{ id: randomUUID(), role: 'agent', label: 'agent' }],
    });
    const customData = { identity: { name: 'Grace Hopper', email: 'grace@example.com' }, customFields: { vip: 'yes' }, metadata: { plan: 'gold' } };
    const byApp = await postJson(`${platform.url('ingest-gateway')}/v1/conversations`, openConversationBody(customData), sdkHeaders(privateApp));
    const byRequest = await postJson(
      `${platform.url('ingest-gateway')}/v1/conversations`,
      openConversationBody({ ...customData, fullPrivacy: true }),
      sdkHeaders(brand),
    );
    for (const [tenant, accepted] of [
      [privateApp, byApp],
      [brand, byRequest],
    ] as const) {
      expect(accepted.status).toBe(202);
      const stored = await eventually(async () => {
        const response = await getJson(`${platform.url('ticket-store')}/v1/conversations/${accepted.body.conversationId}`, agentHeaders(tenant));
        expect(response.status).toBe(200);
        return response.body;
      });
      expect(stored.customFields).toEqual({});
      const raw = rawTopic.messages.find((m) => m.key === accepted.body.conversationId)?.value ?? '';
      expect(raw).toContain('"fullPrivacy":true');
      const opened = JSON.stringify(await openedRaw(raw));
      for (const value of ['Grace Hopper', 'grace@example.com', 'vip', 'gold']) expect(opened).not.toContain(value);
    }
  });

  describe('bad input at the gateway gets a precise error and writes nothing', () => {
    const gateway = () => `${platform.url('ingest-gateway')}/v1/conversations`;
    const rejected: string[] = [];

    afterAll(async () => {
      // Give any stray write time to show up, then check none did.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const written = rawTopic.messages.map((m) => m.value ?? '');
      for (const marker of rejected) expect(written.some((value) => value.includes(marker))).toBe(false);
    });

    const marked = (overrides: Record<string, unknown> = {}) => {
      const body = openConversationBody(overrides);
      rejected.push(body.clientEventId as string);
      return body;
    };

    it('401 without credentials or with a wrong key', async () => {
      const none = await postJson(gateway(), marked());
      const wrong = await postJson(gateway(), marked(), sdkHeaders(brand, 'sieve_ak_not-a-real-key'));
      expect(none.status).toBe(401);
      expect(none.body.error.code).toBe('unauthenticated');
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.message).toMatch(/API key is not valid/);
    });

    it('403 with the key of another app', async () => {
      const response = await postJson(gateway(), marked(), { 'x-sieve-app-id': brand.appId, 'x-sieve-api-key': otherBrand.apiKey });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('forbidden');
    });

    it('400 for malformed JSON', async () => {
      const marker = randomUUID();
      rejected.push(marker);
      const response = await postJson(gateway(), `{"clientEventId":"${marker}", "message":`, sdkHeaders(brand));
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/JSON/);
    });

    it('400 naming each wrong field', async () => {
      const response = await postJson(
        gateway(),
        marked({ installId: 12345, message: { body: '' }, surprise: true }),
        sdkHeaders(brand),
      );
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid-request');
      expect(response.body.error.fields).toEqual(expect.arrayContaining(['installId', 'message.body', 'surprise']));
    });

    it('413 for a body over the limit', async () => {
      const response = await postJson(gateway(), marked({ metadata: { blob: 'x'.repeat(200_000) } }), sdkHeaders(brand));
      expect(response.status).toBe(413);
      expect(response.body.error.code).toBe('payload-too-large');
    });
  });

  describe('the SDK surface beyond the first message', () => {
    it('adds a further message to the conversation; a retry of it is "duplicate"', async () => {
      const opened = await postJson(`${platform.url('ingest-gateway')}/v1/conversations`, openConversationBody({ installId: 'idfv-e2e' }), sdkHeaders(brand));
      const { conversationId } = opened.body;
      // From the install that opened it: only that one may write to it.
      const message = { clientEventId: randomUUID(), installId: 'idfv-e2e', message: { body: 'Any news on my gems?' }, versions: { sdk: '10.3.0' } };
      const url = `${platform.url('ingest-gateway')}/v1/conversations/${conversationId}/messages`;
      const sent = await postJson(url, message, sdkHeaders(brand));
      const retried = await postJson(url, message, sdkHeaders(brand));
      expect([sent.status, sent.body.status]).toEqual([202, 'accepted']);
      expect([retried.status, retried.body.status, retried.body.messageId]).toEqual([200, 'duplicate', sent.body.messageId]);

      const conversation = await eventually(async () => {
        const response = await getJson(`${platform.url('ticket-store')}/v1/conversations/${conversationId}`, agentHeaders(brand));
        expect(response.body?.messages).toHaveLength(2);
        return response.body;
      });
      expect(conversation.messages.map((m: { body: string }) => m.body)).toEqual(['The gems I bought never arrived', 'Any news on my gems?']);
    });

    it('serves its OpenAPI document and a page to read it at /docs, with nothing fetched from elsewhere', async () => {
      const gateway = platform.url('ingest-gateway');
      const document = await getJson(`${gateway}/docs/openapi.json`);
      expect(document.status).toBe(200);
      expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/v1/conversations', '/v1/batches']));
      const page = await fetch(`${gateway}/docs`);
      const html = await page.text();
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      for (const asset of html.match(/(?:src|href)="([^"]+)"/g) ?? []) {
        const url = asset.replace(/^(?:src|href)="|"$/g, '');
        expect(url.startsWith('/docs/')).toBe(true);
        expect((await fetch(`${gateway}${url}`)).status).toBe(200);
      }
      expect((await fetch(`${gateway}/docs/assets/package.json`)).status).toBe(404);
    });

    it('tells the SDK its app configuration, and holds custom field values to it', async () => {
      const config = await getJson(`${platform.url('ingest-gateway')}/v1/app-config`, sdkHeaders(brand));
      expect(config.status).toBe(200);
      expect(config.body).toEqual({
        appId: brand.appId,
        fullPrivacy: false,
        customFields: [
          { key: 'level', type: 'number', label: 'Player level', required: false },
          { key: 'tier', type: 'dropdown', label: 'Tier', required: false, options: ['bronze', 'silver', 'gold'] },
        ],
      });

      const body = openConversationBody({ customFields: { level: 'forty-two', tier: 'platinum', favourite_colour: 'blue' } });
      const refused = await postJson(`${platform.url('ingest-gateway')}/v1/conversations`, body, sdkHeaders(brand));
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields.sort()).toEqual(['customFields.favourite_colour', 'customFields.level', 'customFields.tier']);
      expect(refused.body.error.message).toContain('expected one of the options: bronze, silver, gold');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(rawTopic.messages.some((m) => m.value?.includes(body.clientEventId as string))).toBe(false);
    });

    it('stores an attachment in the blob store and sends on only its reference; refuses what it must not take', async () => {
      const opened = await postJson(`${platform.url('ingest-gateway')}/v1/conversations`, openConversationBody({ installId: 'idfv-e2e' }), sdkHeaders(brand));
      const url = `${platform.url('ingest-gateway')}/v1/conversations/${opened.body.conversationId}/attachments`;
      const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(2_000)]);
      const upload = async (bytes: Buffer, type: string, clientEventId = randomUUID(), extra: Record<string, string> = {}) => {
        const form = new FormData();
        form.append('clientEventId', clientEventId);
        form.append('installId', 'idfv-e2e');
        form.append('sdkVersion', '10.3.0');
        for (const [name, value] of Object.entries(extra)) form.append(name, value);
        form.append('file', new Blob([bytes], { type }), 'receipt.png');
        const response = await fetch(url, { method: 'POST', headers: sdkHeaders(brand), body: form });
        return { status: response.status, body: (await response.json()) as Json };
      };

      const clientEventId = randomUUID();
      const stored = await upload(png, 'image/png', clientEventId);
      expect([stored.status, stored.body.status]).toEqual([202, 'accepted']);
      const event = await openedRaw(
        await eventually(() => {
          const found = rawTopic.messages.find((m) => m.value?.includes(stored.body.attachmentId));
          expect(found).toBeDefined();
          return found!.value;
        }),
      );
      expect(event.payload.attachment).toEqual({ id: stored.body.attachmentId, blobKey: `${brand.tenantId}/${stored.body.attachmentId}`, fileName: 'receipt.png', contentType: 'image/png', sizeBytes: png.length });
      // The ticket store seals the upload with the end user's key and removes the plaintext bytes.
      const conversation = await eventually(async () => {
        const response = await getJson(`${platform.url('ticket-store')}/v1/conversations/${opened.body.conversationId}`, agentHeaders(brand));
        expect(response.body.attachments).toHaveLength(1);
        return response.body;
      });
      expect(conversation.attachments[0]).toMatchObject({ id: stored.body.attachmentId, fileName: 'receipt.png', contentType: 'image/png', sizeBytes: png.length, redacted: false });
      const uploadPath = path.join(localBlobDirectory('test'), event.payload.attachment.blobKey);
      await eventually(() => expect(existsSync(uploadPath)).toBe(false));
      const sealed = readFileSync(`${uploadPath}.sealed`);
      expect(sealed.length).toBeGreaterThan(png.length);
      expect(sealed.includes(png.subarray(8, 64))).toBe(false);
      // The agent downloads the original bytes through the view's short-lived link, no token needed.
      const downloaded = await fetch(`${platform.url('ticket-store')}${conversation.attachments[0].downloadPath}`);
      expect([downloaded.status, downloaded.headers.get('content-type'), downloaded.headers.get('content-disposition')]).toEqual([
        200,
        'image/png',
        `attachment; filename="receipt.png"; filename*=UTF-8''receipt.png`,
      ]);
      expect(Buffer.from(await downloaded.arrayBuffer()).equals(png)).toBe(true);

      const retried = await upload(png, 'image/png', clientEventId);
      expect([retried.status, retried.body.status, retried.body.attachmentId]).toEqual([200, 'duplicate', stored.body.attachmentId]);
      expect((await upload(png, 'application/x-msdownload')).status).toBe(415);
      expect((await upload(Buffer.alloc(ATTACHMENT_LIMIT + 1), 'image/png')).status).toBe(413);
      // Under full privacy Sieve takes no attachment at all: the bytes are not stored.
      const refused = await upload(png, 'image/png', randomUUID(), { fullPrivacy: 'true' });
      expect([refused.status, refused.body.error.code]).toEqual([422, 'not-collected']);
    });

    it("takes an end user's identity only signed by the brand's server, where the app requires it", async () => {
      const secret = randomBytes(16).toString('hex');
      const verifying = await provisionTenant(databases, { tenantId: randomUUID(), tenantName: 'Verifying', appId: randomUUID(), appName: 'Verifying app', identitySecret: secret, staff: [] });
      const identity = { name: 'Ada Lovelace', email: 'ada@example.com' };
      const url = `${platform.url('ingest-gateway')}/v1/conversations`;

      const unsigned = await postJson(url, openConversationBody({ identity, customFields: undefined }), sdkHeaders(verifying));
      expect([unsigned.status, unsigned.body.error.code]).toEqual([401, 'identity-unverified']);

      const signed = await postJson(url, openConversationBody({ identity: { ...identity, signature: signIdentity(secret, identity) }, customFields: undefined }), sdkHeaders(verifying));
      expect(signed.status).toBe(202);
      const raw = await openedRaw(
        await eventually(() => {
          const found = rawTopic.messages.find((m) => m.key === signed.body.conversationId);
          expect(found).toBeDefined();
          return found!.value;
        }),
      );
      expect(raw.payload.identity).toEqual(identity);
    });

    it('takes an agent reply from the agent API to the install that wrote, through the outbox, Kafka and the gateway', async () => {
      const installId = `idfv-${randomUUID()}`;
      const opened = await postJson(`${platform.url('ingest-gateway')}/v1/conversations`, openConversationBody({ installId }), sdkHeaders(brand));
      const conversationUrl = `${platform.url('ticket-store')}/v1/conversations/${opened.body.conversationId}`;
      await eventually(async () => expect((await getJson(conversationUrl, agentHeaders(brand))).status).toBe(200));

      const replies = `${platform.url('ingest-gateway')}/v1/replies`;
      const waiting = getJson(`${replies}?installId=${installId}&waitSeconds=20`, sdkHeaders(brand));
      const sent = await postJson(`${conversationUrl}/replies`, { body: 'Your gems are on their way.' }, agentHeaders(brand));
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ status: 'created', messageId: expect.any(String) });

      const fetched = await waiting;
      expect(fetched.status).toBe(200);
      expect(fetched.body.replies).toEqual([{ id: sent.body.messageId, conversationId: opened.body.conversationId, body: 'Your gems are on their way.', sentAt: sent.body.sentAt }]);
      // Another install of the same app sees nothing of it.
      expect((await getJson(`${replies}?installId=idfv-someone-else`, sdkHeaders(brand))).body.replies).toEqual([]);
      // The agent sees their reply in the conversation.
      expect((await getJson(conversationUrl, agentHeaders(brand))).body.messages).toEqual([
        expect.objectContaining({ author: 'end-user' }),
        expect.objectContaining({ id: sent.body.messageId, author: 'agent', body: 'Your gems are on their way.' }),
      ]);

      const acknowledged = await postJson(`${replies}/acknowledge`, { installId, replyIds: [sent.body.messageId] }, sdkHeaders(brand));
      expect(acknowledged.body).toEqual({ acknowledged: 1 });
      expect((await getJson(`${replies}?installId=${installId}`, sdkHeaders(brand))).body.replies).toEqual([]);
    });

    it('lets a brand admin, and no one else, issue and revoke the app’s SDK keys; a revoked key stops working', async () => {
      const tenant = await provision('Key admin');
      const keysUrl = `${platform.url('ingest-gateway')}/v1/admin/apps/${tenant.appId}/keys`;
      const admin = { authorization: `Bearer ${tenant.staffTokens.admin}` };
      const send = (apiKey: string) => postJson(`${platform.url('ingest-gateway')}/v1/conversations`, openConversationBody(), sdkHeaders(tenant, apiKey));

      expect((await getJson(keysUrl, { authorization: `Bearer ${tenant.staffTokens.agent}` })).status).toBe(403);
      expect((await getJson(keysUrl, { authorization: 'Bearer sieve_st_nobody' })).status).toBe(401);
      expect((await getJson(keysUrl)).status).toBe(401);
      // Another brand's admin: "not found", as for an app that doesn't exist.
      expect((await getJson(keysUrl, { authorization: `Bearer ${otherBrand.staffTokens.admin}` })).status).toBe(404);

      const [original] = (await getJson(keysUrl, admin)).body;
      expect(original).toMatchObject({ id: expect.any(String), revokedAt: null });
      // The last live key can't be revoked: the app would be cut off.
      const refused = await fetch(`${keysUrl}/${original.id}`, { method: 'DELETE', headers: admin });
      expect(refused.status).toBe(400);

      const issued = await postJson(keysUrl, {}, admin);
      expect(issued.status).toBe(201);
      expect(issued.body.key).toMatch(/^sieve_ak_/);
      expect((await send(issued.body.key)).status).toBe(202);
      expect(JSON.stringify((await getJson(keysUrl, admin)).body)).not.toContain(issued.body.key);

      expect((await fetch(`${keysUrl}/${original.id}`, { method: 'DELETE', headers: admin })).status).toBe(204);
      expect((await send(tenant.apiKey)).status).toBe(401);
      expect((await send(issued.body.key)).status).toBe(202);
      expect((await getJson(keysUrl, admin)).body).toEqual([
        { id: original.id, createdAt: original.createdAt, revokedAt: expect.any(String) },
        { id: issued.body.id, createdAt: issued.body.createdAt, revokedAt: null },
      ]);
    });

    it('400 for a message to something that is no conversation id', async () => {
      const response = await postJson(
        `${platform.url('ingest-gateway')}/v1/conversations/not-a-conversation/messages`,
        { clientEventId: randomUUID(), installId: 'idfv-e2e', message: { body: 'hello' }, versions: { sdk: '10.3.0' } },
        sdkHeaders(brand),
      );
      expect(response.status).toBe(400);
      expect(response.body.error.fields).toEqual(['conversationId']);
    });

    it('answers a batch event by event, and takes batches larger than a single request may be', async () => {
      const now = new Date().toISOString();
      const marker = randomUUID();
      const events = [
        { type: 'session', clientEventId: `${marker}-s`, eventTime: now, kind: 'session-start', properties: { note: 'x'.repeat(33_000) } },
        { type: 'crash', clientEventId: `${marker}-c`, crashedAt: now, crash: { type: 'NullPointerException', stackTrace: 'at Main.run(Main.java:42)' } },
        { type: 'performance', clientEventId: `${marker}-p`, hangRate: 0.02 },
        ...Array.from({ length: 3 }, (_, i) => ({ type: 'faq-search', clientEventId: `${marker}-f${i}`, query: 'refund policy '.repeat(30), searchedAt: now })),
      ];
      // The first event is over the 32 KB an event may have; the batch, about 70 KB, over the 64 KB a single request may have.
      const body = { installId: 'idfv-e2e', versions: { sdk: '10.3.0' }, events: [...events, ...Array.from({ length: 80 }, (_, i) => ({ type: 'faq-search', clientEventId: `${marker}-g${i}`, query: 'where is my order '.repeat(25), searchedAt: now }))] };
      const response = await postJson(`${platform.url('ingest-gateway')}/v1/batches`, body, sdkHeaders(brand));
      expect(response.status).toBe(200);
      const statuses = response.body.results.map((result: { status: string; reason?: string }) => result.reason ?? result.status);
      expect(statuses.slice(0, 6)).toEqual(['too-large', 'accepted', 'not-collected', 'accepted', 'accepted', 'accepted']);
      expect(statuses.slice(6).every((status: string) => status === 'accepted')).toBe(true);
      await eventually(() => expect(rawTopic.messages.filter((m) => m.value?.includes(marker))).toHaveLength(statuses.filter((status: string) => status === 'accepted').length));

      const tooBig = await postJson(`${platform.url('ingest-gateway')}/v1/batches`, { ...body, events: Array.from({ length: 30 }, () => events[0]) }, sdkHeaders(brand));
      expect(tooBig.status).toBe(413);
    });
  });

  it('dead-letters what the classifier cannot parse, with its reason, and keeps the partition flowing', async () => {
    const deadLetters = await TopicReader.start(kafka, deadLetterTopicOf(Topics.sdkRaw));
    try {
      const producer = createKafkaClient(kafka, quietLogger).producer();
      await producer.connect();
      const poisonKey = randomUUID();
      // Same key as the valid request below is impossible to know in advance, so poison every partition.
      const partitions = 3;
      await producer.send({
        topic: physicalTopic(kafka, Topics.sdkRaw),
        messages: Array.from({ length: partitions }, (_, partition) => ({ key: poisonKey, value: '{"type":"sdk.conversation-opened"', partition })),
      });
      await producer.disconnect();

      const accepted = await postJson(`${platform.url('ingest-gateway')}/v1/conversations`, openConversationBody(), sdkHeaders(brand));
      await eventually(async () => {
        const response = await getJson(`${platform.url('ticket-store')}/v1/conversations/${accepted.body.conversationId}`, agentHeaders(brand));
        expect(response.status).toBe(200);
      });
      await eventually(() => expect(deadLetters.messages.filter((m) => m.key === poisonKey)).toHaveLength(partitions));
      expect(deadLetters.messages[0].headers[MessageHeaders.deadLetterReason]).toBe('not-json');
    } finally {
      await deadLetters.stop();
    }
  });

  it('runs analytics and the redaction worker: healthy, consuming their topics', async () => {
    const publisher = new EventPublisher(kafka, quietLogger);
    const meta = { tenantId: brand.tenantId, producer: 'e2e', correlationId: randomUUID(), causationId: null };
    await publisher.publish(Topics.usage, [
      {
        key: 'idfv-1',
        event: buildEvent('usage.session-event', { appId: brand.appId, installId: 'idfv-1', eventTime: new Date().toISOString(), kind: 'session-start' }, meta),
      },
    ]);
    await publisher.publish(Topics.redactionRequests, [
      {
        key: 'job',
        event: buildEvent(
          'tickets.redaction-requested',
          { jobId: randomUUID(), requestedBy: 'agent', target: { kind: 'conversation', conversationId: randomUUID() } },
          meta,
        ),
      },
    ]);
    await publisher.disconnect();

    const metric = async (service: 'analytics' | 'redaction-worker', name: string) => {
      const text = await (await fetch(`${platform.url(service)}/metrics`)).text();
      return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    };
    await eventually(async () => expect(await metric('analytics', 'sieve_analytics_session_events_counted_total')).toBe(1));
    await eventually(async () => expect(await metric('redaction-worker', 'sieve_redaction_requests_received_total')).toBe(1));
    for (const service of ['ingest-gateway', 'pii-classifier', 'ticket-store', 'analytics', 'redaction-worker'] as const) {
      const live = await getJson(`${platform.url(service)}/health/live`);
      expect(live).toEqual({ status: 200, body: { status: 'ok' } });
    }
  });

  it('stops every service cleanly on SIGTERM', async () => {
    const outputs = new Map([...platform.services].map(([name, service]) => [name, service.output]));
    const codes = await platform.stop();
    // A service that did not stop in time fails the test with how far it got.
    const [stuck] = Object.entries(codes).filter(([, code]) => code !== 0);
    if (stuck) throw new Error(`${stuck[0]} did not stop cleanly (exit ${stuck[1]}); its last log lines:\n${outputs.get(stuck[0] as never)?.slice(-30).join('')}`);
    expect(codes).toEqual({ 'ingest-gateway': 0, 'pii-classifier': 0, 'ticket-store': 0, analytics: 0, 'redaction-worker': 0 });
  });
});

describe('the gateway when Kafka is unreachable', () => {
  jest.setTimeout(60_000);

  it('answers 503 with Retry-After and acknowledges nothing', async () => {
    Platform.build();
    const brand = await provisionTenant(
      { ingest: testStack.databaseUrl('ingest'), tickets: testStack.databaseUrl('tickets') },
      { tenantId: randomUUID(), tenantName: 'Offline', appId: randomUUID(), appName: 'Offline app', staff: [] },
    );
    const platform = Platform.forTests('unused');
    // Nothing listens on port 1: every connection to "Kafka" is refused.
    await platform.start(['ingest-gateway'], { 'ingest-gateway': { KAFKA_BROKERS: '127.0.0.1:1', PUBLISH_TIMEOUT_MS: '1500' } }, 'live');
    try {
      const ready = await getJson(`${platform.url('ingest-gateway')}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body.error).toMatchObject({ code: 'not-ready', checks: { kafka: expect.stringMatching(/^down/), postgresql: 'up', redis: 'up' } });

      const request = {
        clientEventId: randomUUID(),
        installId: 'idfv-offline',
        message: { body: 'hello?' },
        versions: { sdk: '10.3.0' },
      };
      const headers = { 'x-sieve-app-id': brand.appId, 'x-sieve-api-key': brand.apiKey };
      const response = await postJson(`${platform.url('ingest-gateway')}/v1/conversations`, request, headers);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.body.error.code).toBe('kafka-unavailable');
      // Nothing was marked as accepted: the retry is tried again, not answered "duplicate".
      const retry = await postJson(`${platform.url('ingest-gateway')}/v1/conversations`, request, headers);
      expect(retry.status).toBe(503);
    } finally {
      await platform.stop();
    }
  });
});
