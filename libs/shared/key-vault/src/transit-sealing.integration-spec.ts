import { randomUUID } from 'node:crypto';
import { buildClearEvent, buildEvent, ClearPayloadOf, EventOn, Topics, transitUnitOf } from '@sieve/contracts';
import { testStack } from '@sieve/testing';
import { KeyVault, openKeyVault } from './open-key-vault';
import { KEY_GONE } from './transit-sealing';

describe('transit sealing over the real key vault', () => {
  let vault: KeyVault;

  beforeAll(async () => {
    vault = await openKeyVault(testStack.keyVault(), 'transit-sealing-test');
  });

  afterAll(() => vault.dataSource.destroy());

  const opened = (tenantId: string, overrides: Partial<ClearPayloadOf<'support.conversation-opened'>> = {}): ClearPayloadOf<'support.conversation-opened'> => ({
    appId: randomUUID(),
    installId: `idfv-${randomUUID()}`,
    conversationId: randomUUID(),
    countryCode: 'FR',
    message: { id: randomUUID(), body: `my card is 4111 ${tenantId}` },
    identity: { name: 'Ada Lovelace', email: 'ada@example.com' },
    versions: { sdk: '10.3.0' },
    customFields: { tier: 'gold' },
    ...overrides,
  });

  /** Sealed, then as a consumer reads it off the topic. */
  async function travel(tenantId: string, payload: ClearPayloadOf<'support.conversation-opened'>) {
    const [sealed] = await vault.sealing.seal([{ tenantId, type: 'support.conversation-opened', payload }]);
    return buildEvent('support.conversation-opened', sealed as never, { tenantId, producer: 'test', correlationId: 'c', causationId: null }) as EventOn<typeof Topics.support>;
  }

  it('seals every field a person typed, and opens them again with the unit’s key', async () => {
    const tenantId = randomUUID();
    const clear = opened(tenantId);
    const event = await travel(tenantId, clear);
    const text = JSON.stringify(event);
    for (const typed of ['4111', 'Ada Lovelace', 'ada@example.com', 'gold']) expect(text).not.toContain(typed);
    expect(event.payload).toMatchObject({ conversationId: clear.conversationId, countryCode: 'FR', message: { id: clear.message.id, body: { keyId: clear.message.id } } });
    expect(await vault.sealing.open([event])).toEqual([{ ...event, payload: clear }]);
  });

  it('seals a redelivered event under the same key, made once', async () => {
    const tenantId = randomUUID();
    const clear = opened(tenantId);
    const [first, second] = await Promise.all([travel(tenantId, clear), travel(tenantId, clear)]);
    const opener = await vault.sealing.open([first, second]);
    expect(opener).toEqual([{ ...first, payload: clear }, { ...second, payload: clear }]);
    expect(await vault.dataSource.query('select count(*)::int as n from transit_keys where key_id = $1', [clear.message.id])).toEqual([{ n: 1 }]);
  });

  it('can’t open what a destroyed key sealed, by unit, conversation or end user, and won’t seal it again', async () => {
    const tenantId = randomUUID();
    const [one, other, third] = [opened(tenantId), opened(tenantId), opened(tenantId)];
    const events = await Promise.all([one, other, third].map((payload) => travel(tenantId, payload)));
    expect(await vault.transitKeys.destroy({ tenantId, keyIds: [one.message.id] })).toBe(1);
    expect(await vault.transitKeys.destroy({ tenantId, conversationId: other.conversationId })).toBe(1);
    expect(await vault.transitKeys.destroy({ tenantId, subjectId: transitUnitOf(tenantId, third).subjectId })).toBe(1);
    expect(await vault.sealing.open(events)).toEqual([KEY_GONE, KEY_GONE, KEY_GONE]);
    expect(await vault.sealing.seal([{ tenantId, type: 'support.conversation-opened', payload: one }])).toEqual([KEY_GONE]);
    // Destroying is of one brand's keys only, and again destroys nothing.
    expect(await vault.transitKeys.destroy({ tenantId: randomUUID(), keyIds: [one.message.id] })).toBe(0);
    expect(await vault.transitKeys.destroy({ tenantId, keyIds: [one.message.id] })).toBe(0);
  });

  it('does not open a sealed value moved to another field, and refuses a unit claimed by another brand', async () => {
    const tenantId = randomUUID();
    const clear = opened(tenantId);
    const event = await travel(tenantId, clear);
    const payload = event.payload as unknown as { identity: { name: unknown; email: unknown } };
    const swapped = { ...event, payload: { ...event.payload, identity: { name: payload.identity.email, email: payload.identity.name } } } as EventOn<typeof Topics.support>;
    await expect(vault.sealing.open([swapped])).rejects.toThrow(/could not be decrypted/);
    await expect(travel(randomUUID(), clear)).rejects.toThrow(/belongs to another brand/);
  });

  it('passes on an event of version 1, which travelled clear, as it is (the upcast of the old shape)', async () => {
    const tenantId = randomUUID();
    const clear = opened(tenantId);
    const old = { ...buildClearEvent('support.conversation-opened', clear, { tenantId, producer: 'test', correlationId: 'c', causationId: null }), version: 1 } as unknown as EventOn<typeof Topics.support>;
    expect(await vault.sealing.open([old])).toEqual([old]);
    expect(await vault.transitKeys.load([{ tenantId, keyId: clear.message.id }])).toEqual(new Map());
  });

  it('passes events without personal fields as they are, and deletes keys made before a time', async () => {
    const tenantId = randomUUID();
    const click = { appId: randomUUID(), conversationId: randomUUID(), messageId: randomUUID(), url: 'https://help.example.com', clickedAt: new Date().toISOString() };
    expect(await vault.sealing.seal([{ tenantId, type: 'support.link-clicked', payload: click }])).toEqual([click]);
    const clear = opened(tenantId);
    await travel(tenantId, clear);
    await vault.dataSource.query(`update transit_keys set created_at = now() - interval '10 days' where key_id = $1`, [clear.message.id]);
    expect(await vault.transitKeys.deleteMadeBefore(new Date(Date.now() - 9 * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect(await vault.transitKeys.load([{ tenantId, keyId: clear.message.id }])).toEqual(new Map());
  });
});
