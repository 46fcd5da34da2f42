import { SdkConversationOpenedV1 } from '@sieve/contracts';
import { classifyConversationOpened } from './conversation-classifier';

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
    expect(clean).toMatchObject({ installId: 'idfv-1', countryCode: 'DE', message: raw.message });
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
    expect(clean.customFields).toEqual({ note: 'card **** **** **** 4444' });
    expect(textFindings.map((f) => [f.type, f.field, f.action])).toEqual([
      ['EMAIL_ADDRESS', 'message.body', 'tag'],
      ['CREDIT_CARD', 'customFields.note', 'mask'],
    ]);
  });
});
