import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { BlobTooLargeError } from './blob-store';
import { LocalFileBlobStore } from './local-file-blob-store';

describe('LocalFileBlobStore', () => {
  let root: string;
  let store: LocalFileBlobStore;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'blobs-'));
    store = new LocalFileBlobStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores content under its key with its size and hash, reads it back, and deletes it', async () => {
    const stored = await store.put('tenant-1/blob-1', Readable.from([Buffer.from('hello '), Buffer.from('world')]), { maxBytes: 100 });
    expect(stored).toEqual({ key: 'tenant-1/blob-1', sizeBytes: 11, sha256: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9' });
    expect(await text(store.read('tenant-1/blob-1'))).toBe('hello world');
    await store.delete('tenant-1/blob-1');
    await store.delete('tenant-1/blob-1');
    expect(await store.exists('tenant-1/blob-1')).toBe(false);
  });

  it('keeps nothing of content over the limit', async () => {
    await expect(store.put('tenant-1/big', Readable.from([Buffer.alloc(60), Buffer.alloc(60)]), { maxBytes: 100 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await store.exists('tenant-1/big')).toBe(false);
    expect(readdirSync(path.join(root, 'tenant-1'))).toEqual([]);
  });

  it('refuses keys that could point outside the store', async () => {
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'a//b', '']) {
      await expect(store.put(key, Readable.from([Buffer.from('x')]), { maxBytes: 10 })).rejects.toThrow(/Invalid blob key/);
    }
  });
});
