import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { LocalFileBlobStore } from '@sieve/blob-store';
import { LocalKeyFile } from '@sieve/crypto';
import { PermanentEventError } from '@sieve/kafka';
import { testStack } from '@sieve/testing';
import { createTicketsDataSource, PersonalData } from '@sieve/tickets-data-access';
import { endUserIdOf } from '@sieve/contracts';
import { DataKeys, KeyVault, openKeyVault } from '@sieve/key-vault';
import { ApplySupportEventsUseCase, sealedBlobKeyOf } from './apply-support-events.usecase';
import { DownloadAttachmentQuery } from './download-attachment.query';
import { DownloadLinks } from './download-links';
import { GetConversationQuery } from './get-conversation.query';
import { consumed, scenario, sealingFirst } from './testing/support-scenario';

describe('applying support events to the ticket store', () => {
  let dataSource: DataSource;
  let directory: string;
  let blobs: LocalFileBlobStore;
  let dataKeys: DataKeys;
  let apply: ApplySupportEventsUseCase;
  let vault: KeyVault;
  let query: GetConversationQuery;
  let links: DownloadLinks;
  let download: DownloadAttachmentQuery;
  const agentOf = (tenantId: string) => ({ tenantId, role: 'agent' as const, credentialId: randomUUID() });

  beforeAll(async () => {
    dataSource = createTicketsDataSource(testStack.databaseUrl('tickets'), 'apply-test', 2);
    await dataSource.initialize();
    directory = mkdtempSync(path.join(tmpdir(), 'sieve-tickets-'));
    blobs = new LocalFileBlobStore(path.join(directory, 'blobs'));
    vault = await openKeyVault(testStack.keyVault(), 'apply-test');
    dataKeys = new DataKeys(vault.dataSource, await LocalKeyFile.open(path.join(directory, 'kek.json'), { create: true }));
    const personalData = new PersonalData(dataKeys);
    apply = sealingFirst(new ApplySupportEventsUseCase(dataSource, personalData, blobs, vault.sealing), vault.sealing);
    links = new DownloadLinks('integration-test-download-link-secret');
    query = new GetConversationQuery(dataSource, personalData, links);
    download = new DownloadAttachmentQuery(dataSource, personalData, blobs, links);
  });

  afterAll(async () => {
    await vault.dataSource.destroy();
    await dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  /** Every row of every ticket table that mentions this tenant, as text: what a database dump would show. */
  const rawRowsOf = async (tenantId: string, except: string[] = []) => {
    const tables: { table_name: string }[] = await dataSource.query(
      `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' and not table_name = any($1) order by table_name`,
      [except],
    );
    const rows = await Promise.all(tables.map(({ table_name }) => dataSource.query(`select row_to_json(t)::text as row from "${table_name}" t where tenant_id = $1 order by 1`, [tenantId])));
    return rows.flat().map((r: { row: string }) => r.row).join('\n');
  };

  const upload = async (tenantId: string, content: string) => {
    const key = `${tenantId}/${randomUUID()}`;
    await blobs.put(key, Readable.from([Buffer.from(content)]), { maxBytes: 1024 });
    return key;
  };

  it('stores what the SDK sent sealed: readable through the agent view, and no body, name, email, file name or query in plaintext at rest', async () => {
    const s = scenario();
    const uploadKey = await upload(s.tenantId, `bytes-${s.marker}`);
    await apply.execute([s.opened(), s.message(`second ${s.marker}`), s.attachment(uploadKey), s.faqSearch(), s.linkClick()]);

    const view = await query.execute(agentOf(s.tenantId), s.conversationId);
    expect(view).toMatchObject({
      countryCode: 'FR',
      platform: 'android',
      customFields: { tier: 'gold', note: `call ${s.marker}` },
      endUser: { id: endUserIdOf(s.tenantId, s.appId, s.installId), name: `Ada ${s.marker}`, email: `ada.${s.marker}@example.com` },
      messages: [
        { author: 'end-user', body: `Where is order ${s.marker}?`, redacted: false, piiTags: ['contact.email'] },
        { author: 'end-user', body: `second ${s.marker}`, redacted: false, piiTags: [] },
      ],
      attachments: [{ fileName: `receipt-${s.marker}.png`, contentType: 'image/png', sizeBytes: 9, redacted: false }],
    });

    const raw = await rawRowsOf(s.tenantId);
    expect(raw).toContain(s.conversationId);
    expect(raw).not.toContain(s.marker);
    // The upload was replaced by a sealed copy.
    expect(await blobs.exists(uploadKey)).toBe(false);
    const sealed = await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      blobs.read(sealedBlobKeyOf(uploadKey)).on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
    });
    expect(sealed.toString('latin1')).not.toContain(s.marker);
  });

  it('changes nothing when the same events are delivered again, alone or in a replayed batch', async () => {
    const s = scenario();
    const uploadKey = await upload(s.tenantId, 'bytes');
    const batch = [s.opened(), s.message('again'), s.attachment(uploadKey), s.faqSearch(), s.linkClick()];
    await apply.execute(batch);
    const before = await rawRowsOf(s.tenantId);
    await apply.execute(batch);
    await apply.execute([...batch].reverse());
    for (const event of batch) await apply.execute([event]);
    expect(await rawRowsOf(s.tenantId)).toBe(before);
  });

  it('keeps a conversation’s messages in the order they came, also when sent in the same millisecond', async () => {
    const s = scenario();
    const opened = s.opened();
    const sameInstant = new Date(Date.parse(opened.event.occurredAt) + 1_000);
    const bodies = Array.from({ length: 12 }, (_, n) => `part ${n}`);
    const events = bodies.map((body) => s.message(body, sameInstant));
    await apply.execute([opened, ...events.slice(0, 5)]);
    await apply.execute(events.slice(5, 6));
    await apply.execute(events.slice(6));

    const view = await query.execute(agentOf(s.tenantId), s.conversationId);
    expect(view.messages.slice(1).map((message) => message.body)).toEqual(bodies);
  });

  it('shows a conversation whose end user’s data key was destroyed as redacted, not as an error', async () => {
    const s = scenario();
    await apply.execute([s.opened(), s.attachment(await upload(s.tenantId, 'bytes'))]);
    await dataKeys.destroy({ tenantId: s.tenantId, ownerId: endUserIdOf(s.tenantId, s.appId, s.installId) });

    const view = await query.execute(agentOf(s.tenantId), s.conversationId);
    expect(view.endUser).toMatchObject({ name: null, email: null });
    expect(view.customFields).toBeNull();
    expect(view.messages).toEqual([expect.objectContaining({ body: null, redacted: true })]);
    expect(view.attachments).toEqual([expect.objectContaining({ fileName: null, redacted: true, contentType: 'image/png' })]);
  });

  it('hands out attachment bytes only through the short-lived link in the view, logs the download, and none once redacted', async () => {
    const s = scenario();
    await apply.execute([s.opened(), s.attachment(await upload(s.tenantId, `bytes-${s.marker}`))]);
    const agent = agentOf(s.tenantId);
    const [attachment] = (await query.execute(agent, s.conversationId)).attachments;
    const queryOf = (linkPath: string) => Object.fromEntries(new URL(linkPath, 'http://api').searchParams);

    const content = await download.execute(attachment.id, queryOf(attachment.downloadPath!));
    expect(content).toEqual({ fileName: `receipt-${s.marker}.png`, contentType: 'image/png', bytes: Buffer.from(`bytes-${s.marker}`) });
    const log = await dataSource.query(`select action, staff_credential_id from access_log where conversation_id = $1 order by id`, [s.conversationId]);
    expect(log).toEqual([
      { action: 'conversation.read', staff_credential_id: agent.credentialId },
      { action: 'attachment.download', staff_credential_id: agent.credentialId },
    ]);
    // A link made for another brand's attachment id does not open this one.
    const forged = queryOf(links.pathFor({ tenantId: randomUUID(), attachmentId: attachment.id, staffCredentialId: agent.credentialId }));
    await expect(download.execute(attachment.id, forged)).rejects.toMatchObject({ code: 'not-found' });

    await dataKeys.destroy({ tenantId: s.tenantId, ownerId: endUserIdOf(s.tenantId, s.appId, s.installId) });
    expect((await query.execute(agent, s.conversationId)).attachments[0]).toMatchObject({ redacted: true, downloadPath: null });
    await expect(download.execute(attachment.id, queryOf(attachment.downloadPath!))).rejects.toMatchObject({ code: 'gone' });
  });

  it('dead-letters an attachment whose uploaded bytes are missing, writing nothing', async () => {
    const s = scenario();
    await apply.execute([s.opened()]);
    await expect(apply.execute([s.attachment(`${s.tenantId}/${randomUUID()}`)])).rejects.toMatchObject({ reason: 'attachment-missing' });
    expect((await query.execute(agentOf(s.tenantId), s.conversationId)).attachments).toEqual([]);
  });

  it('refuses a message or attachment from another install of the app to a conversation it didn’t open, and keeps no bytes of it', async () => {
    const owner = scenario();
    await apply.execute([owner.opened()]);
    const intruding = consumed(owner.tenantId, 'support.message-sent', { appId: owner.appId, installId: `idfv-${randomUUID()}`, conversationId: owner.conversationId, message: { id: randomUUID(), body: 'not mine' } });
    await expect(apply.execute([intruding])).rejects.toMatchObject({ reason: 'not-this-install' });
    const uploadKey = await upload(owner.tenantId, 'bytes');
    const attachment = consumed(owner.tenantId, 'support.attachment-added', {
      appId: owner.appId,
      installId: `idfv-${randomUUID()}`,
      conversationId: owner.conversationId,
      attachment: { id: randomUUID(), blobKey: uploadKey, fileName: 'x.png', contentType: 'image/png', sizeBytes: 5 },
    });
    await expect(apply.execute([attachment])).rejects.toMatchObject({ reason: 'not-this-install' });
    expect(await blobs.exists(uploadKey)).toBe(false);
    expect((await query.execute(agentOf(owner.tenantId), owner.conversationId)).messages).toHaveLength(1);
  });

  it('stores nothing more of an erased end user: their new events fail for good, with that reason', async () => {
    const s = scenario();
    await apply.execute([s.opened()]);
    await dataKeys.destroy({ tenantId: s.tenantId, ownerId: endUserIdOf(s.tenantId, s.appId, s.installId) });
    await expect(apply.execute([s.message('I am back')])).rejects.toMatchObject({ reason: 'data-key-destroyed' });
  });

  it('rejects, permanently and without writing, an event that reuses another brand’s conversation id', async () => {
    const owner = scenario();
    await apply.execute([owner.opened()]);

    const intruder = scenario();
    const forged = intruder.opened({ conversationId: owner.conversationId, body: 'forged', messageId: randomUUID() });
    await expect(apply.execute([forged])).rejects.toThrow(PermanentEventError);
    expect(await rawRowsOf(intruder.tenantId)).toBe('');
    // The rolled-back batch did not record the event as processed: nothing half-applied.
    expect(await dataSource.query('select 1 from processed_events where event_id = $1', [forged.event.id])).toEqual([]);
  });

  it('answers "not found" for another brand’s conversation, as for one that does not exist', async () => {
    const s = scenario();
    await apply.execute([s.opened()]);
    const otherBrand = agentOf(randomUUID());
    await expect(query.execute(otherBrand, s.conversationId)).rejects.toMatchObject({ code: 'not-found' });
    await expect(query.execute(otherBrand, randomUUID())).rejects.toMatchObject({ code: 'not-found' });
  });
});
