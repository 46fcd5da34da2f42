import type { Readable } from 'node:stream';
import { BlobStore, BlobTooLargeError } from '@sieve/blob-store';
import { buildClearEvent, deterministicUuid } from '@sieve/contracts';
import { DeduplicationStore, RateLimiter } from '@sieve/ingest-data-access';
import { AddAttachmentFields, IngestError, safeFileName } from '@sieve/ingest-domain';
import { AppPrincipal } from './app-authenticator';
import { RawEventPublisher } from './raw-event-publisher';
import { rawEventMeta } from './raw-event-meta';
import { admitOrRefuse } from './rate-limit';

export interface AttachmentPolicy {
  maxBytes: number;
  contentTypes: readonly string[];
}

export interface AddAttachmentResult {
  status: 'accepted' | 'duplicate';
  attachmentId: string;
}

export interface UploadedFile {
  fileName: string;
  contentType: string;
  content: Readable;
}

/**
 * An attachment the end user sends: the bytes go to the blob store, and the event that says so
 * (keyed by conversation) carries the blob's key, never the bytes. Under full privacy Sieve takes
 * no attachments at all. If Kafka doesn't acknowledge the event the stored bytes are removed again.
 */
export class AddAttachmentUseCase {
  constructor(
    private readonly rawEvents: RawEventPublisher,
    private readonly deduplication: DeduplicationStore,
    private readonly rateLimiter: RateLimiter,
    private readonly blobs: BlobStore,
    private readonly policy: AttachmentPolicy,
  ) {}

  async execute(app: AppPrincipal, conversationId: string, fields: AddAttachmentFields, file: UploadedFile, context: { correlationId: string }): Promise<AddAttachmentResult> {
    const attachmentId = deterministicUuid(app.appId, fields.clientEventId, 'attachment');
    if (app.fullPrivacy || fields.fullPrivacy === 'true') {
      throw new IngestError('not-collected', 'Full privacy is on: Sieve accepts no attachments (they are custom data). Do not offer attachments under full privacy.');
    }
    const contentType = file.contentType.toLowerCase().split(';')[0].trim();
    if (!this.policy.contentTypes.includes(contentType)) {
      throw new IngestError('unsupported-media-type', `Attachments of type ${contentType || '(none)'} are not accepted; send one of: ${this.policy.contentTypes.join(', ')}.`, ['file']);
    }
    await admitOrRefuse(this.rateLimiter, app.appId, fields.installId, 1);
    const claims = await this.deduplication.claim(app.appId, [fields.clientEventId]);
    if (claims[0].status === 'duplicate') return { status: 'duplicate', attachmentId };

    const blobKey = `${app.tenantId}/${attachmentId}`;
    let sizeBytes: number;
    try {
      ({ sizeBytes } = await this.blobs.put(blobKey, file.content, { maxBytes: this.policy.maxBytes }));
    } catch (error) {
      await this.deduplication.release(claims);
      if (error instanceof BlobTooLargeError || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new IngestError('payload-too-large', `The attachment is larger than ${this.policy.maxBytes / (1024 * 1024)} MB; nothing was kept.`, ['file']);
      }
      throw error;
    }
    const payload = {
      appId: app.appId,
      installId: fields.installId,
      clientEventId: fields.clientEventId,
      fullPrivacy: false,
      versions: { sdk: fields.sdkVersion },
      conversationId,
      attachment: { id: attachmentId, blobKey, fileName: safeFileName(file.fileName), contentType, sizeBytes },
    };
    const event = buildClearEvent('sdk.attachment-added', payload, rawEventMeta(app, fields.clientEventId, context.correlationId));
    try {
      await this.rawEvents.publishClaimed(claims, [{ key: conversationId, event }]);
    } catch (error) {
      // Not accepted: keep no bytes of it (a retry stores them again under the same key).
      await this.blobs.delete(blobKey);
      throw error;
    }
    return { status: 'accepted', attachmentId };
  }
}
