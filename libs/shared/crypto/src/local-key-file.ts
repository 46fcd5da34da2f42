import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KeyEncryptionKeys, UnknownKeyEncryptionKeyError, WrappedKey } from './key-encryption-keys';
import { KEY_BYTES, newKey, seal, unseal } from './sealed-box';

interface KeyFileContent {
  format: 1;
  current: string;
  /** Key id → the key, base64. Older keys stay until nothing is wrapped under them. */
  keys: Record<string, string>;
}

/**
 * Key encryption keys in a local JSON file (mode 0600), the default key provider: fine for one
 * machine, where a cloud KMS would hold them in production. `rotate` adds a key and makes it
 * current, `retire` drops one nothing is wrapped under.
 */
export class LocalKeyFile implements KeyEncryptionKeys {
  private checking?: Promise<void>;

  private constructor(
    private readonly file: string,
    private content: KeyFileContent,
    /** When the file was last read: a newer file (a rotation elsewhere) is read again before wrapping. */
    private readAt: number,
  ) {}

  /** Reads the key file; makes it with one key if it is missing and `create` allows (the local stack). */
  static async open(file: string, { create }: { create: boolean }): Promise<LocalKeyFile> {
    try {
      return await LocalKeyFile.read(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (!create) throw new Error(`key file ${file} does not exist. Mount the key file there, or set KEY_ENCRYPTION_KEY_FILE_CREATE=true to make a new one (only where no data was sealed before).`);
    }
    const id = newKeyId();
    const made = new LocalKeyFile(file, { format: 1, current: id, keys: { [id]: newKey().toString('base64') } }, 0);
    // Made only if still missing: of two processes starting at once, one file wins and both use it.
    await made.save({ exclusive: true });
    return LocalKeyFile.read(file);
  }

  private static async read(file: string): Promise<LocalKeyFile> {
    const { mtimeMs } = await stat(file);
    return new LocalKeyFile(file, parseKeyFile(file, await readFile(file, 'utf8')), mtimeMs);
  }

  currentKeyId(): string {
    return this.content.current;
  }

  async wrap(dataKey: Buffer, context: string): Promise<WrappedKey> {
    // New data keys always go under the file's current key, also when another process rotated it.
    await this.rereadIfChanged();
    const kekId = this.content.current;
    return { kekId, wrapped: seal(dataKey, this.key(kekId), wrapContext(context)) };
  }

  /** Wraps made at once (a batch's new keys) share one look at the file rather than one each. */
  private rereadIfChanged(): Promise<void> {
    this.checking ??= stat(this.file)
      .then(async ({ mtimeMs }) => {
        if (mtimeMs !== this.readAt) await this.reload();
      })
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  async unwrap({ kekId, wrapped }: WrappedKey, context: string): Promise<Buffer> {
    // A key made since this file was read (a rotation run elsewhere): read the file again, once.
    if (!(kekId in this.content.keys)) await this.reload();
    return unseal(wrapped, this.key(kekId), wrapContext(context));
  }

  /** Adds a new key and makes it current; existing wraps still open until they are rewrapped. */
  async rotate(): Promise<string> {
    const id = newKeyId();
    this.content = { ...this.content, current: id, keys: { ...this.content.keys, [id]: newKey().toString('base64') } };
    await this.save();
    return id;
  }

  /** Drops a key no data key is wrapped under any more (after rewrapping them all). */
  async retire(kekId: string): Promise<void> {
    if (kekId === this.content.current) throw new Error(`key encryption key ${kekId} is the current one; rotate before retiring it`);
    if (!(kekId in this.content.keys)) throw new UnknownKeyEncryptionKeyError(kekId);
    const { [kekId]: _retired, ...rest } = this.content.keys;
    this.content = { ...this.content, keys: rest };
    await this.save();
  }

  keyIds(): string[] {
    return Object.keys(this.content.keys);
  }

  private key(kekId: string): Buffer {
    const key = this.content.keys[kekId];
    if (key === undefined) throw new UnknownKeyEncryptionKeyError(kekId);
    return Buffer.from(key, 'base64');
  }

  private async reload(): Promise<void> {
    const fresh = await LocalKeyFile.read(this.file);
    this.content = fresh.content;
    this.readAt = fresh.readAt;
  }

  /**
   * Written whole to a temporary file, then moved into place: renamed over the old one (a crash
   * leaves one or the other), or with `exclusive` linked only if there is none yet.
   */
  private async save({ exclusive = false } = {}): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, `${JSON.stringify(this.content, null, 2)}\n`, { mode: 0o600 });
    if (!exclusive) {
      await rename(temporary, this.file);
      this.readAt = (await stat(this.file)).mtimeMs;
      return;
    }
    try {
      await link(temporary, this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temporary);
    }
  }
}

/** A wrap is bound to what its data key protects, and can't be mistaken for a sealed data value. */
const wrapContext = (context: string) => `data-key:${context}`;

function newKeyId(): string {
  return `kek-${new Date().toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
}

function parseKeyFile(file: string, text: string): KeyFileContent {
  const problem = (what: string) => new Error(`key file ${file} is not usable: ${what}. Restore it from its backup; without it nothing it protects can be read.`);
  let content: Partial<KeyFileContent>;
  try {
    content = JSON.parse(text) as Partial<KeyFileContent>;
  } catch {
    throw problem('it is not JSON');
  }
  if (content.format !== 1) throw problem(`format ${String(content.format)} is not 1`);
  if (typeof content.keys !== 'object' || content.keys === null) throw problem('it has no "keys"');
  for (const [id, key] of Object.entries(content.keys)) {
    if (typeof key !== 'string' || Buffer.from(key, 'base64').length !== KEY_BYTES) throw problem(`key ${id} is not ${KEY_BYTES} bytes of base64`);
  }
  if (typeof content.current !== 'string' || !(content.current in content.keys)) throw problem(`its current key ${String(content.current)} is not among its keys`);
  return content as KeyFileContent;
}
