import { DataSource } from 'typeorm';
import { z } from 'zod';
import { CONVERSATION_STATUSES, ConversationEntity } from '@sieve/tickets-data-access';
import { parseRequest } from './parse-request';
import { StaffPrincipal } from './staff-authenticator';
import { decodeCursor, encodeCursor } from './keyset-cursor';

export const listConversationsQuerySchema = z
  .object({
    status: z.enum(CONVERSATION_STATUSES).optional(),
    appId: z.string().min(1).max(200).optional(),
    countryCode: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code such as FR').optional(),
    openedFrom: z.iso.datetime({ offset: true }).optional(),
    openedTo: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
  })
  .strict();

/** A conversation in a list: what it is about, never what was said (no message text, no identity). */
export interface ConversationSummary {
  id: string;
  appId: string;
  status: string;
  countryCode: string | null;
  platform: string | null;
  openedAt: string;
}

export interface ConversationPage {
  items: ConversationSummary[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** The brand's conversations, newest first, filtered, a page at a time (keyset pagination: stable under inserts). */
export class ListConversationsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(staff: StaffPrincipal, query: unknown): Promise<ConversationPage> {
    const filter = parseRequest(listConversationsQuerySchema, query);
    const after = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor);
    const builder = this.dataSource
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('c.tenant_id = :tenantId', { tenantId: staff.tenantId })
      .orderBy('c.opened_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(filter.limit + 1);
    if (filter.status) builder.andWhere('c.status = :status', { status: filter.status });
    if (filter.appId) builder.andWhere('c.app_id = :appId', { appId: filter.appId });
    if (filter.countryCode) builder.andWhere('c.country_code = :countryCode', { countryCode: filter.countryCode });
    if (filter.openedFrom) builder.andWhere('c.opened_at >= :openedFrom', { openedFrom: new Date(filter.openedFrom) });
    if (filter.openedTo) builder.andWhere('c.opened_at < :openedTo', { openedTo: new Date(filter.openedTo) });
    if (after) builder.andWhere('(c.opened_at, c.id) < (:afterOpenedAt, :afterId)', { afterOpenedAt: after.at, afterId: after.id });
    const rows = await builder.getMany();
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((c) => ({ id: c.id, appId: c.appId, status: c.status, countryCode: c.countryCode, platform: c.platform, openedAt: c.openedAt.toISOString() })),
      nextCursor: rows.length > filter.limit && last ? encodeCursor({ at: last.openedAt, id: last.id }) : null,
    };
  }
}
