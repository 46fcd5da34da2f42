import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import Redis from 'ioredis';
import { LocalFileBlobStore } from '@sieve/blob-store';
import { Topics } from '@sieve/contracts';
import { DeduplicationStore, RateLimiter } from '@sieve/ingest-data-access';
import { safeFileName } from '@sieve/ingest-domain';
import { EventPublisher, isolatedKafka, KafkaSettings } from '@sieve/kafka';
import { KeyVault, openKeyVault } from '@sieve/key-vault';
import { quietLogger, testStack } from '@sieve/testing';
import { AddAttachmentUseCase } from './add-attachment.usecase';
import { RawEventPublisher } from './raw-event-publisher';

describe('adding an attachment, over real Kafka and Redis', () => {
  jest.setTimeout(60_000);
  let kafka: KafkaSettings;
  let redis: Redis;
  let root: string;
  let vault: KeyVault;

  beforeAll(async () => {
    kafka = await isolatedKafka(testStack.brokers, 'ingest-attachment-test', [Topics.sdkRaw]);
    redis = new Redis(testStack.redisUrl);
    root = mkdtempSync(path.join(tmpdir(), 'blobs-'));
    vault = await openKeyVault(testStack.keyVault(), 'ingest-attachment-test');
  });
  afterAll(async () => {
    await vault.dataSource.destroy();
    await redis.quit();
    rmSync(root, { recursive: true, force: true });
  });

  const useCase = (publisher: EventPublisher) => {
    const deduplication = new DeduplicationStore(redis, { acceptedTtlSeconds: 600, pendingTtlMs: 3_000 }, quietLogger);
    return new AddAttachmentUseCase(
      new RawEventPublisher(publisher, vault.sealing, deduplication),
      deduplication,
      new RateLimiter(redis, { appEventsPerSecond: 1_000, installEventsPerMinute: 1_000 }, quietLogger),
      new LocalFileBlobStore(root),
      { maxBytes: 1_000, contentTypes: ['image/png'] },
    );
  };
  const file = () => ({ fileName: 'receipt.png', contentType: 'image/png', content: Readable.from([Buffer.from('png bytes')]) });
  const fields = { clientEventId: randomUUID(), installId: 'idfv-1', sdkVersion: '10.3.0' };

  it('keeps no bytes when Kafka does not take the event, and takes them on the retry', async () => {
    const app = { appId: randomUUID(), tenantId: randomUUID(), fullPrivacy: false, identitySecret: null };
    const unreachable = new EventPublisher({ ...kafka, brokers: ['127.0.0.1:1'] }, quietLogger, { timeoutMs: 1_500, retries: 1 });
    await expect(useCase(unreachable).execute(app, randomUUID(), fields, file(), { correlationId: 'c' })).rejects.toMatchObject({ code: 'kafka-unavailable' });
    await unreachable.disconnect();
    expect(readdirSync(path.join(root, app.tenantId))).toEqual([]);

    const publisher = new EventPublisher(kafka, quietLogger);
    try {
      const result = await useCase(publisher).execute(app, randomUUID(), fields, file(), { correlationId: 'c' });
      expect(result.status).toBe('accepted');
      expect(readdirSync(path.join(root, app.tenantId))).toEqual([result.attachmentId]);
    } finally {
      await publisher.disconnect();
    }
  });

  it('stores a file name without its path or control characters', () => {
    expect(safeFileName('C:\\Users\\ada\\receipt.png')).toBe('receipt.png');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('bad\u0000name\n.png')).toBe('badname.png');
    expect(safeFileName('')).toBe('attachment');
  });
});
