import { z } from 'zod';

/**
 * The form fields of `POST /v1/conversations/:conversationId/attachments` (multipart), sent before
 * the file part.
 */
export const addAttachmentFieldsSchema = z
  .object({
    clientEventId: z.string().min(1).max(128),
    installId: z.string().min(1).max(128),
    sdkVersion: z.string().min(1).max(32),
    fullPrivacy: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type AddAttachmentFields = z.infer<typeof addAttachmentFieldsSchema>;

/** A file name as it may be stored: no path, no control characters, at most 255 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = [...base].filter((character) => character.charCodeAt(0) > 0x1f && character !== '\u007f').join('').trim().slice(0, 255);
  return cleaned || 'attachment';
}
