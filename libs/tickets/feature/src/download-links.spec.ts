import { DownloadLinks } from './download-links';

describe('DownloadLinks', () => {
  const links = new DownloadLinks('a-secret-of-some-length-for-tests', 300);
  const grant = { tenantId: 't-1', attachmentId: 'a-1', staffCredentialId: 's-1' };
  const queryOf = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams);
  const now = Date.parse('2026-11-29T12:00:00Z');

  it('lets a link it made fetch its attachment until it expires', () => {
    const path = links.pathFor(grant, now);
    expect(path.startsWith('/v1/attachments/a-1/content?')).toBe(true);
    expect(links.verify('a-1', queryOf(path), now + 299_000)).toEqual(grant);
    expect(() => links.verify('a-1', queryOf(path), now + 301_000)).toThrow(/expired/);
  });

  it('refuses a link for another attachment, brand or staff member, a longer life, or another secret', () => {
    const query = queryOf(links.pathFor(grant, now));
    expect(() => links.verify('a-2', query, now)).toThrow(/altered/);
    expect(() => links.verify('a-1', { ...query, tenant: 't-2' }, now)).toThrow(/altered/);
    expect(() => links.verify('a-1', { ...query, staff: 's-2' }, now)).toThrow(/altered/);
    expect(() => links.verify('a-1', { ...query, expires: String(Number(query.expires) + 3600) }, now)).toThrow(/altered/);
    expect(() => new DownloadLinks('another-secret-of-some-length-xx').verify('a-1', query, now)).toThrow(/altered/);
    expect(() => links.verify('a-1', {}, now)).toThrow(/not a download link/);
  });
});
