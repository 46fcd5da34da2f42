import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { DownloadAttachmentQuery, TicketsError } from '@sieve/tickets-feature';
import { toHttpException } from './tickets-error.mapper';

/** Attachment bytes behind the short-lived signed links the conversation view hands out. */
@Controller('v1/attachments')
export class AttachmentsController {
  constructor(private readonly downloadAttachment: DownloadAttachmentQuery) {}

  @Get(':id/content')
  async content(@Param('id') id: string, @Query() query: Record<string, unknown>): Promise<StreamableFile> {
    try {
      const { fileName, contentType, bytes } = await this.downloadAttachment.execute(id, query);
      return new StreamableFile(bytes, {
        type: contentType,
        length: bytes.length,
        // Always a download, never rendered in the API's origin; the name as RFC 6266/5987 want it.
        disposition: `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      });
    } catch (error) {
      throw error instanceof TicketsError ? toHttpException(error) : error;
    }
  }
}
