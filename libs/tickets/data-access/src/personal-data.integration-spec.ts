import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalKeyFile, seal, UnsealError } from '@sieve/crypto';
import { DataKeys, KeyVault, openKeyVault } from '@sieve/key-vault';
import { testStack } from '@sieve/testing';
import { keyIdsIn, PersonalData, SHREDDED } from './personal-data';

describe('personal data sealed with the key vault’s data keys', () => {
  let vault: KeyVault;
  let directory: string;
  let dataKeys: DataKeys;
  let personalData: PersonalData;
  const owner = () => ({ tenantId: randomUUID(), endUserId: randomUUID() });
  const text = async (opened: Promise<Buffer | typeof SHREDDED>) => {
    const value = await opened;
    return value === SHREDDED ? SHREDDED : value.toString('utf8');
  };

  beforeAll(async () => {
    vault = await openKeyVault(testStack.keyVault(), 'personal-data-test');
    directory = mkdtempSync(path.join(tmpdir(), 'sieve-personal-data-'));
    dataKeys = new DataKeys(vault.dataSource, await LocalKeyFile.open(path.join(directory, 'kek.json'), { create: true }));
    personalData = new PersonalData(dataKeys);
  });

  afterAll(async () => {
    await vault.dataSource.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  it('seals each message under a key of its own: destroying one message’s key shreds only that message, wherever it was copied', async () => {
    const o = owner();
    const [first, second] = [randomUUID(), randomUUID()];
    const sealedFirst = await personalData.seal(o, 'messages.body', first, 'my card is 4111');
    const sealedSecond = await personalData.seal(o, 'messages.body', second, 'thanks');
    const name = await personalData.seal(o, 'end_users.name', o.endUserId, 'Ada');
    expect(keyIdsIn(o, [sealedFirst, sealedSecond, name]).sort()).toEqual([first, second, o.endUserId].sort());

    await dataKeys.destroy({ tenantId: o.tenantId, unitIds: [first] });
    await personalData.prepareToOpen([sealedFirst, sealedSecond, name].map((sealed) => ({ owner: o, sealed })));
    expect(await text(personalData.open(o, 'messages.body', first, sealedFirst))).toBe(SHREDDED);
    expect(await text(personalData.open(o, 'messages.body', second, sealedSecond))).toBe('thanks');
    expect(await text(personalData.open(o, 'end_users.name', o.endUserId, name))).toBe('Ada');
    await expect(personalData.seal(o, 'messages.body', first, 'again')).rejects.toThrow(/was destroyed/);
  });

  it('seals what is left of a message under a new key, so the key of the whole can go', async () => {
    const o = owner();
    const messageId = randomUUID();
    const whole = await personalData.seal(o, 'messages.body', messageId, 'my card is 4111 1111');
    const rest = await personalData.sealWithNewKey(o, 'messages.body', messageId, 'my card is [redacted]');
    const [restKey] = keyIdsIn(o, [rest]);
    expect(restKey).not.toBe(messageId);

    await dataKeys.destroy({ tenantId: o.tenantId, unitIds: [messageId], keep: [restKey] });
    expect(await text(personalData.open(o, 'messages.body', messageId, whole))).toBe(SHREDDED);
    expect(await text(personalData.open(o, 'messages.body', messageId, rest))).toBe('my card is [redacted]');
  });

  it('opens values sealed before keys were per unit (no key named: the end user’s own key), until the end user is erased', async () => {
    const o = owner();
    const messageId = randomUUID();
    const own = (await dataKeys.issue([{ tenantId: o.tenantId, ownerId: o.endUserId, unitId: o.endUserId }])).get(o.endUserId)!;
    const legacy = seal('written last year', own, `messages.body:${messageId}`);
    expect(keyIdsIn(o, [legacy])).toEqual([o.endUserId]);
    expect(await text(personalData.open(o, 'messages.body', messageId, legacy))).toBe('written last year');

    await dataKeys.destroy({ tenantId: o.tenantId, ownerId: o.endUserId });
    expect(await text(personalData.open(o, 'messages.body', messageId, legacy))).toBe(SHREDDED);
  });

  it('does not open a sealed value copied to another row or field', async () => {
    const o = owner();
    const messageId = randomUUID();
    const sealed = await personalData.seal(o, 'messages.body', messageId, 'mine');
    await expect(personalData.open(o, 'messages.body', randomUUID(), sealed)).rejects.toThrow(UnsealError);
    await expect(personalData.open(o, 'attachments.file_name', messageId, sealed)).rejects.toThrow(UnsealError);
  });
});
