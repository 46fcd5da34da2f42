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
    const { clean, decisions } = classifyConversationOpened(
      rawConversation({ device: { platform: 'ios', model: 'iPhone15,2', advertisingId: 'AEBE52E7-03EE-455A-B3C4-E57283966239' } }),
    );
    expect(clean.device).toEqual({ platform: 'ios', model: 'iPhone15,2' });
    expect(JSON.stringify(clean)).not.toContain('AEBE52E7');
    expect(decisions).toEqual([{ field: 'device.advertisingId', category: 'identifiers.device-id', action: 'drop' }]);
  });

  it('passes the message, install id and country through unchanged', () => {
    const raw = rawConversation();
    const { clean, decisions } = classifyConversationOpened(raw);
    expect(clean).toMatchObject({ installId: 'idfv-1', countryCode: 'DE', message: raw.message });
    expect(decisions).toEqual([]);
  });

  it('drops identity, custom fields and metadata when full privacy is on, even if the gateway let them through', () => {
    const { clean, decisions } = classifyConversationOpened(
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
    expect(decisions.map((d) => d.field)).toEqual(['identity', 'customFields', 'metadata']);
  });

  it('keeps identity and custom fields when full privacy is off', () => {
    const { clean } = classifyConversationOpened(rawConversation({ identity: { name: 'Ada' }, customFields: { tier: 'gold' } }));
    expect(clean.identity).toEqual({ name: 'Ada' });
    expect(clean.customFields).toEqual({ tier: 'gold' });
  });
});
