import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rewrap, UnknownKeyEncryptionKeyError } from './key-encryption-keys';
import { LocalKeyFile } from './local-key-file';
import { newKey, seal, unseal, UnsealError } from './sealed-box';

describe('LocalKeyFile', () => {
  let directory: string;
  let file: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'sieve-keys-'));
    file = path.join(directory, 'keys', 'kek.json');
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('makes a key file readable only by its owner on first use, and finds the same keys again', async () => {
    const keys = await LocalKeyFile.open(file, { create: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const dataKey = newKey();
    const wrapped = await keys.wrap(dataKey, 'end-user:u-1');
    expect(wrapped.wrapped.includes(dataKey)).toBe(false);

    const reopened = await LocalKeyFile.open(file, { create: true });
    expect(reopened.currentKeyId()).toBe(keys.currentKeyId());
    expect((await reopened.unwrap(wrapped, 'end-user:u-1')).equals(dataKey)).toBe(true);
  });

  it('binds a wrapped key to what it protects', async () => {
    const keys = await LocalKeyFile.open(file, { create: true });
    const wrapped = await keys.wrap(newKey(), 'end-user:u-1');
    await expect(keys.unwrap(wrapped, 'end-user:u-2')).rejects.toThrow(UnsealError);
  });

  it('rotates: data keys are rewrapped under the new key and the data they protect opens unchanged', async () => {
    const keys = await LocalKeyFile.open(file, { create: true });
    const dataKey = newKey();
    const body = seal('my order never came', dataKey, 'messages.body:m-1');
    const wrapped = await keys.wrap(dataKey, 'end-user:u-1');
    const first = keys.currentKeyId();

    const second = await keys.rotate();
    expect(second).not.toBe(first);
    // Until rewrapped, the old wrap still opens.
    expect((await keys.unwrap(wrapped, 'end-user:u-1')).equals(dataKey)).toBe(true);
    const rewrapped = await rewrap(keys, wrapped, 'end-user:u-1');
    expect(rewrapped.kekId).toBe(second);
    expect(rewrapped.wrapped.equals(wrapped.wrapped)).toBe(false);
    expect(await rewrap(keys, rewrapped, 'end-user:u-1')).toBe(rewrapped);

    await keys.retire(first);
    await expect(keys.unwrap(wrapped, 'end-user:u-1')).rejects.toThrow(UnknownKeyEncryptionKeyError);
    const reopened = await LocalKeyFile.open(file, { create: true });
    expect(reopened.keyIds()).toEqual([second]);
    expect(unseal(body, await reopened.unwrap(rewrapped, 'end-user:u-1'), 'messages.body:m-1').toString()).toBe('my order never came');
  });

  it('makes no key file where it may not, and says how to fix that', async () => {
    await expect(LocalKeyFile.open(file, { create: false })).rejects.toThrow(/does not exist. Mount the key file there, or set KEY_ENCRYPTION_KEY_FILE_CREATE=true/);
    expect(existsSync(file)).toBe(false);
  });

  it('reads the file again for a key rotated in by another process', async () => {
    const running = await LocalKeyFile.open(file, { create: true });
    const operator = await LocalKeyFile.open(file, { create: false });
    await operator.rotate();
    const dataKey = newKey();
    const wrapped = await operator.wrap(dataKey, 'end-user:u-1');
    expect((await running.unwrap(wrapped, 'end-user:u-1')).equals(dataKey)).toBe(true);
  });

  it('wraps new data keys under the current key of the file, also after another process rotated it', async () => {
    const running = await LocalKeyFile.open(file, { create: true });
    const operator = await LocalKeyFile.open(file, { create: false });
    await new Promise((resolve) => setTimeout(resolve, 20)); // a later modification time
    const rotated = await operator.rotate();
    expect((await running.wrap(newKey(), 'end-user:u-2')).kekId).toBe(rotated);
  });

  it('makes one key file when several processes start at once', async () => {
    const opened = await Promise.all(Array.from({ length: 5 }, () => LocalKeyFile.open(file, { create: true })));
    expect(new Set(opened.map((keys) => keys.currentKeyId())).size).toBe(1);
  });

  it('will not retire the current key', async () => {
    const keys = await LocalKeyFile.open(file, { create: true });
    await expect(keys.retire(keys.currentKeyId())).rejects.toThrow(/is the current one; rotate before retiring it/);
  });

  it('refuses a damaged key file, saying what is wrong, and leaves it as it is', async () => {
    await LocalKeyFile.open(file, { create: true });
    const original = JSON.parse(readFileSync(file, 'utf8'));
    const damaged = { ...original, current: 'kek-missing' };
    writeFileSync(file, JSON.stringify(damaged));
    await expect(LocalKeyFile.open(file, { create: true })).rejects.toThrow(/current key kek-missing is not among its keys/);
    writeFileSync(file, '{');
    await expect(LocalKeyFile.open(file, { create: true })).rejects.toThrow(/is not JSON/);
    expect(readFileSync(file, 'utf8')).toBe('{');
  });
});
