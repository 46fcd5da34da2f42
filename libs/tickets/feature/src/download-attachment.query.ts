import { DataSource } from 'typeorm';
import { BlobStore, readWhole } from '@sieve/blob-store';
import { AccessLogRepository, AttachmentEntity, PersonalData, SHREDDED } from '@sieve/tickets-data-access';
import { DownloadLinks } from './download-links';
import { TicketsError } from './tickets.error';
import { requirePathUuid } from './parse-request';

export interface AttachmentContent {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** The bytes of an attachment, for the holder of a download link the API gave out; the download is in the access log. */
export class DownloadAttachmentQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly personalData: PersonalData,
    private readonly blobs: BlobStore,
    private readonly links: DownloadLinks,
  ) {}

  async execute(attachmentId: string, query: Record<string, unknown>): Promise<AttachmentContent> {
    requirePathUuid(attachmentId, 'attachment');
    const grant = this.links.verify(attachmentId, query);
    const attachment = await this.dataSource.getRepository(AttachmentEntity).findOneBy({ tenantId: grant.tenantId, id: attachmentId });
    if (!attachment) throw new TicketsError('not-found', `No attachment ${attachmentId} in this brand.`);
    await new AccessLogRepository(this.dataSource.manager).record({
      tenantId: grant.tenantId,
      staffCredentialId: grant.staffCredentialId,
      action: 'attachment.download',
      conversationId: attachment.conversationId,
    });
    const gone = () => new TicketsError('gone', 'This attachment was redacted; its content no longer exists.');
    if (!attachment.fileNameSealed) throw gone();
    const owner = { tenantId: attachment.tenantId, endUserId: attachment.endUserId };
    const fileName = await this.personalData.open(owner, 'attachments.file_name', attachment.id, attachment.fileNameSealed);
    if (fileName === SHREDDED || !(await this.blobs.exists(attachment.blobKey))) throw gone();
    const bytes = await this.personalData.open(owner, 'attachments.bytes', attachment.id, await readWhole(this.blobs.read(attachment.blobKey)));
    if (bytes === SHREDDED) throw gone();
    return { fileName: fileName.toString('utf8'), contentType: attachment.contentType, bytes };
  }
}
