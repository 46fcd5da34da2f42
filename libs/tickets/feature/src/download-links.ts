import { createHmac, timingSafeEqual } from 'node:crypto';
import { TicketsError } from './tickets.error';

/** What a download link lets its holder fetch, and for whom it was made (the access log names them). */
export interface DownloadGrant {
  tenantId: string;
  attachmentId: string;
  staffCredentialId: string;
}

/**
 * Short-lived signed links to attachment bytes: the link itself is the permission (a browser can
 * follow it without the staff token), so it names the brand, the attachment and the staff member it
 * was made for, and expires. HMAC-SHA256 over all of it with a server secret.
 */
export class DownloadLinks {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds = 300,
  ) {}

  /** The path (with its query) that fetches the attachment until the link expires. */
  pathFor(grant: DownloadGrant, now = Date.now()): string {
    const expires = Math.floor(now / 1000) + this.ttlSeconds;
    const query = new URLSearchParams({ tenant: grant.tenantId, staff: grant.staffCredentialId, expires: String(expires), signature: this.sign(grant, expires) });
    return `/v1/attachments/${grant.attachmentId}/content?${query.toString()}`;
  }

  /** The grant a link carries, if its signature holds and it has not expired. */
  verify(attachmentId: string, query: Record<string, unknown>, now = Date.now()): DownloadGrant {
    const { tenant, staff, expires, signature } = query;
    if (typeof tenant !== 'string' || typeof staff !== 'string' || typeof expires !== 'string' || typeof signature !== 'string' || !/^\d+$/.test(expires)) {
      throw new TicketsError('forbidden', 'This is not a download link this API gave out; fetch the conversation for one.');
    }
    const grant = { tenantId: tenant, attachmentId, staffCredentialId: staff };
    const expected = Buffer.from(this.sign(grant, Number(expires)));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new TicketsError('forbidden', 'The download link was altered; fetch the conversation for a fresh one.');
    }
    if (Number(expires) * 1000 < now) throw new TicketsError('forbidden', 'The download link expired; fetch the conversation for a fresh one.');
    return grant;
  }

  private sign({ tenantId, attachmentId, staffCredentialId }: DownloadGrant, expires: number): string {
    return createHmac('sha256', this.secret).update([tenantId, attachmentId, staffCredentialId, expires].join('\n')).digest('base64url');
  }
}
