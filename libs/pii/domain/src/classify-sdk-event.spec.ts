import { buildClearEvent, ClearEventOn, ClearPayloadOf, SdkConversationOpenedV1, SupportConversationOpenedClear, Topics } from '@sieve/contracts';
import { classifySdkEvent, classifySdkEvents } from './classify-sdk-event';

const meta = { tenantId: 't-1', producer: 'test', correlationId: 'c-1', causationId: null };

/** Classifies a conversation-opened payload and returns the clean payload with the decisions. */
function classifyConversationOpened(payload: SdkConversationOpenedV1) {
  const { output, fieldDecisions, textFindings } = classifySdkEvent(buildClearEvent('sdk.conversation-opened', payload, meta));
  return { clean: output?.payload as SupportConversationOpenedClear, fieldDecisions, textFindings, output };
}

function classify<T extends ClearEventOn<typeof Topics.sdkRaw>['type']>(type: T, payload: ClearPayloadOf<T>) {
  return classifySdkEvent(buildClearEvent(type, payload, meta) as ClearEventOn<typeof Topics.sdkRaw>);
}

function rawConversation(overrides: Partial<SdkConversationOpenedV1> = {}): SdkConversationOpenedV1 {
  return {
    appId: 'b0b5a5b0-0000-4000-8000-000000000001',
    installId: 'idfv-1',
    conversationId: '9a3c1c5e-8a53-5a6e-9b53-3f1a1c2f0e11',
    clientEventId: 'evt-1',
    fullPrivacy: false,
    countryCode: 'DE',
    message: { id: '2c0f3a1e-5d1b-5f4e-8a3c-1b2c3d4e5f60', body: 'My purchase did not arrive' },
    versions: { sdk: '10.2.0' },
    ...overrides,
  };
}

describe('classifyConversationOpened', () => {
  it('drops the advertising id, which the disclosure says is never collected, and keeps the rest of the device', () => {
    const { clean, fieldDecisions } = classifyConversationOpened(
      rawConversation({ device: { platform: 'ios', model: 'iPhone15,2', advertisingId: 'AEBE52E7-03EE-455A-B3C4-E57283966239' } }),
    );
    expect(clean.device).toEqual({ platform: 'ios', model: 'iPhone15,2' });
    expect(JSON.stringify(clean)).not.toContain('AEBE52E7');
    expect(fieldDecisions.filter((d) => d.action === 'drop')).toEqual([
      { field: 'device.advertisingId', category: 'identifiers.device-id', action: 'drop', reason: 'not-collected' },
    ]);
  });

  it('passes the message, install id and country through unchanged', () => {
    const raw = rawConversation();
    const { clean, fieldDecisions, textFindings } = classifyConversationOpened(raw);
    expect(clean).toMatchObject({ installId: 'idfv-1', countryCode: 'DE', message: { ...raw.message, piiTags: [] } });
    expect(fieldDecisions.filter((d) => d.action === 'drop')).toEqual([]);
    expect(textFindings).toEqual([]);
  });

  it('drops identity, custom fields and metadata when full privacy is on, even if the gateway let them through', () => {
    const { clean, fieldDecisions } = classifyConversationOpened(
      rawConversation({
        fullPrivacy: true,
        identity: { name: 'Ada Lovelace', email: 'ada@example.com' },
        customFields: { tier: 'gold' },
        metadata: { level: 12 },
      }),
    );
    expect(clean).not.toHaveProperty('identity');
    expect(clean).not.toHaveProperty('customFields');
    expect(clean).not.toHaveProperty('metadata');
    expect(fieldDecisions.filter((d) => d.reason === 'full-privacy').map((d) => d.field)).toEqual([
      'identity.name',
      'identity.email',
      'customFields.tier',
      'metadata.level',
    ]);
  });

  it('keeps identity and custom fields when full privacy is off', () => {
    const { clean } = classifyConversationOpened(rawConversation({ identity: { name: 'Ada' }, customFields: { tier: 'gold' } }));
    expect(clean.identity).toEqual({ name: 'Ada' });
    expect(clean.customFields).toEqual({ tier: 'gold' });
  });
});

describe('classifyConversationOpened on free text', () => {
  it('masks a card number keeping its last four, and reports where it is in the stored text', () => {
    const body = 'I was charged twice on 4111 1111 1111 1111, please refund';
    const { clean, textFindings } = classifyConversationOpened(rawConversation({ message: { id: '2c0f3a1e-5d1b-5f4e-8a3c-1b2c3d4e5f60', body } }));
    expect(clean.message.body).toBe('I was charged twice on **** **** **** 1111, please refund');
    // The message says what it held, by category: agents see it without the value.
    expect(clean.message.piiTags).toEqual(['financial.payment']);
    expect(textFindings).toEqual([
      expect.objectContaining({ type: 'CREDIT_CARD', field: 'message.body', category: 'financial.payment', action: 'mask', start: 23, end: 42 }),
    ]);
  });

  it('masks an SSN whole and coarsens coordinates below three decimals; offsets follow the changed text', () => {
    const body = 'I am at 48.85837, 2.29448 and my ssn is 123-45-6789';
    const { clean, textFindings } = classifyConversationOpened(rawConversation({ message: { id: '2c0f3a1e-5d1b-5f4e-8a3c-1b2c3d4e5f60', body } }));
    expect(clean.message.body).toBe('I am at 48.86, 2.29 and my ssn is ***-**-****');
    const [location, ssn] = textFindings;
    expect(clean.message.body.slice(location.start, location.end)).toBe('48.86, 2.29');
    expect(clean.message.body.slice(ssn.start, ssn.end)).toBe('***-**-****');
  });

  it('keeps and tags an email in a message, and scans custom field values too', () => {
    const { clean, textFindings } = classifyConversationOpened(
      rawConversation({
        message: { id: '2c0f3a1e-5d1b-5f4e-8a3c-1b2c3d4e5f60', body: 'write to ada@example.com' },
        customFields: { note: 'card 5555 5555 5555 4444' },
      }),
    );
    expect(clean.message.body).toBe('write to ada@example.com');
    expect(clean.message.piiTags).toEqual(['contact.email']);
    expect(clean.customFields).toEqual({ note: 'card **** **** **** 4444' });
    expect(textFindings.map((f) => [f.type, f.field, f.action])).toEqual([
      ['EMAIL_ADDRESS', 'message.body', 'tag'],
      ['CREDIT_CARD', 'customFields.note', 'mask'],
    ]);
  });
});

describe('classifySdkEvent routes every raw event to its clean topic', () => {
  const base = { appId: 'app-1', installId: 'idfv-1', clientEventId: 'e-1', fullPrivacy: false, versions: { sdk: '10.0.0' } };

  it('sends session events to usage, keyed by install, with brand properties scanned', () => {
    const { output } = classify('sdk.session-event', {
      ...base,
      eventTime: '2026-11-29T10:00:00Z',
      kind: 'session-start',
      properties: { level: 3, note: 'mail me at ada@example.com' },
    });
    expect(output).toMatchObject({ topic: Topics.usage, type: 'usage.session-event', key: 'idfv-1' });
    expect(output?.payload).toEqual({
      appId: 'app-1',
      installId: 'idfv-1',
      eventTime: '2026-11-29T10:00:00Z',
      kind: 'session-start',
      properties: { level: 3, note: 'mail me at ada@example.com' },
    });
  });

  it('strips the install id from a crash report (not linked) and masks a card in its stack trace', () => {
    const { output, fieldDecisions } = classify('sdk.crash-reported', {
      ...base,
      reportId: '6f1c2a9e-3b7d-4c5e-9f0a-1b2c3d4e5f60',
      crashedAt: '2026-11-29T10:00:00Z',
      crash: { type: 'NullPointerException', stackTrace: 'at pay(4111111111111111)' },
    });
    expect(output).toMatchObject({ topic: Topics.diagnostics, type: 'diagnostics.crash-reported' });
    expect(JSON.stringify(output?.payload)).not.toContain('idfv-1');
    expect((output?.payload as { crash: { stackTrace: string } }).crash.stackTrace).toBe('at pay(************1111)');
    expect(fieldDecisions).toContainEqual({ field: 'installId', category: 'other.idfv', action: 'drop', reason: 'not-linked' });
  });

  it('keeps the url of a link clicked in an agent reply: the disclosure\'s one browsing exception', () => {
    const { output } = classify('sdk.link-clicked', {
      ...base,
      conversationId: '9a3c1c5e-8a53-5a6e-9b53-3f1a1c2f0e11',
      messageId: '2c0f3a1e-5d1b-5f4e-8a3c-1b2c3d4e5f60',
      url: 'https://help.example.com/refunds',
      clickedAt: '2026-11-29T10:00:00Z',
    });
    expect(output).toMatchObject({ topic: Topics.support, type: 'support.link-clicked', key: '9a3c1c5e-8a53-5a6e-9b53-3f1a1c2f0e11' });
    expect((output?.payload as { url: string }).url).toBe('https://help.example.com/refunds');
  });

  it('publishes nothing of an attachment under full privacy', () => {
    const { output, fieldDecisions } = classify('sdk.attachment-added', {
      ...base,
      fullPrivacy: true,
      conversationId: '9a3c1c5e-8a53-5a6e-9b53-3f1a1c2f0e11',
      attachment: { id: '2c0f3a1e-5d1b-5f4e-8a3c-1b2c3d4e5f60', blobKey: 'b/1', fileName: 'passport.jpg', contentType: 'image/jpeg', sizeBytes: 1 },
    });
    expect(output).toBeNull();
    expect(fieldDecisions.filter((d) => d.reason === 'full-privacy').map((d) => d.field)).toEqual(['attachment.fileName', 'attachment.contentType']);
  });

  it('tags an email in an FAQ search, which is kept as search history', () => {
    const { output, textFindings } = classify('sdk.faq-searched', {
      ...base,
      searchId: '2c0f3a1e-5d1b-5f4e-8a3c-1b2c3d4e5f60',
      query: 'change email ada@example.com',
      searchedAt: '2026-11-29T10:00:00Z',
    });
    expect(output).toMatchObject({ type: 'support.faq-searched', key: 'idfv-1' });
    expect(textFindings.map((f) => [f.type, f.field, f.action])).toEqual([['EMAIL_ADDRESS', 'query', 'tag']]);
  });
});

describe('classifySdkEvents', () => {
  it('classifies a batch as each event alone, findings staying with their own event and field', () => {
    const raws = [
      { body: 'card 4111 1111 1111 1111 please refund', customFields: {} },
      { body: 'nothing personal here', customFields: { note: 'mail ada@example.com' } },
      { body: 'call me on +44 20 7946 0958', customFields: {} },
    ].map(({ body, customFields }, index) =>
      buildClearEvent('sdk.conversation-opened', rawConversation({ clientEventId: `evt-${index}`, message: { id: '2c0f3a1e-5d1b-5f4e-8a3c-1b2c3d4e5f60', body }, customFields }), meta),
    );
    const batch = classifySdkEvents(raws);
    expect(batch).toEqual(raws.map((raw) => classifySdkEvent(raw)));
    expect(batch.map(({ textFindings }) => textFindings.map((finding) => [finding.type, finding.field]))).toEqual([
      [['CREDIT_CARD', 'message.body']],
      [['EMAIL_ADDRESS', 'customFields.note']],
      [['PHONE_NUMBER', 'message.body']],
    ]);
  });
});
