import { EntityManager } from 'typeorm';
import { PENDING_REPLIES_HOLDER, RedactionTarget } from '@sieve/contracts';
import { RedactionItemKind } from '@sieve/tickets-data-access';

/** Whose a job is and where its content lies: the conversation, or (on an erasure) the end user. */
export interface RedactionScope {
  tenantId: string;
  target: RedactionTarget;
  conversationId: string | null;
  endUserId: string | null;
  /** When it was asked for: a time range reaching past it takes in nothing sent later. */
  requestedAt: Date;
}

interface ItemSelect {
  kind: RedactionItemKind;
  /** A query with one column, `id`, that may use `p` (the scope, see `withScope`). */
  sql: string;
}

/** The scope as typed parameters, `p.tenant`, `p.conversation`, `p.end_user`, `p.target`, `p.asked_at`, for the selects. */
const withScope = (sql: string) => `WITH p AS (SELECT $1::uuid AS tenant, $2::uuid AS conversation, $3::uuid AS end_user, $4::jsonb AS target, $5::timestamptz AS asked_at) ${sql}`;
const scopeParameters = ({ tenantId, conversationId, endUserId, target, requestedAt }: RedactionScope) => [tenantId, conversationId, endUserId, JSON.stringify(target), requestedAt];

const inConversation = (table: string) => `SELECT t.id FROM p JOIN ${table} t ON t.tenant_id = p.tenant AND t.conversation_id = p.conversation`;
const inErasedConversations = (table: string) =>
  `SELECT t.id FROM p JOIN conversations c ON c.tenant_id = p.tenant AND c.end_user_id = p.end_user JOIN ${table} t ON t.tenant_id = p.tenant AND t.conversation_id = c.id`;
const idsOf = (field: string) => `(SELECT jsonb_array_elements_text(p.target -> '${field}')::uuid)`;

/**
 * What each kind of target removes, item by item, as SQL over the ticket tables: used to size a
 * request (approval) and to plan a job (its item list is made in the database, one statement per
 * kind of item, whatever the number of messages).
 */
function selectsOf(kind: RedactionTarget['kind']): ItemSelect[] {
  switch (kind) {
    case 'message':
      return [{ kind: 'message', sql: `${inConversation('messages')} WHERE t.id = (p.target ->> 'messageId')::uuid` }];
    case 'messages':
      return [{ kind: 'message', sql: `${inConversation('messages')} WHERE t.id IN ${idsOf('messageIds')}` }];
    case 'messages-sent-between':
      return [{ kind: 'message', sql: `${inConversation('messages')} WHERE t.sent_at >= (p.target ->> 'from')::timestamptz AND t.sent_at < LEAST((p.target ->> 'to')::timestamptz, p.asked_at)` }];
    case 'attachments':
      return [{ kind: 'attachment', sql: `${inConversation('attachments')} WHERE t.id IN ${idsOf('attachmentIds')}` }];
    case 'conversation':
      return [
        { kind: 'message', sql: inConversation('messages') },
        { kind: 'attachment', sql: inConversation('attachments') },
        { kind: 'conversation', sql: `SELECT c.id FROM p JOIN conversations c ON c.tenant_id = p.tenant AND c.id = p.conversation` },
      ];
    case 'end-user':
      return [
        { kind: 'message', sql: inErasedConversations('messages') },
        { kind: 'attachment', sql: inErasedConversations('attachments') },
        { kind: 'link-click', sql: inErasedConversations('link_clicks') },
        { kind: 'faq-search', sql: `SELECT s.id FROM p JOIN faq_searches s ON s.tenant_id = p.tenant AND s.end_user_id = p.end_user` },
        { kind: 'conversation', sql: `SELECT c.id FROM p JOIN conversations c ON c.tenant_id = p.tenant AND c.end_user_id = p.end_user` },
        { kind: 'end-user', sql: `SELECT u.id FROM p JOIN end_users u ON u.tenant_id = p.tenant AND u.id = p.end_user` },
      ];
  }
}

/** How many messages and attachments a request covers now: what a second admin's approval is counted on. */
export async function contentCountOf(manager: EntityManager, scope: RedactionScope): Promise<number> {
  const content = selectsOf(scope.target.kind).filter(({ kind }) => kind === 'message' || kind === 'attachment');
  const [{ count }] = await manager.query(withScope(`SELECT (${content.map(({ sql }) => `(SELECT count(*) FROM (${sql}) s)`).join(' + ')})::int AS count`), scopeParameters(scope));
  return count;
}

/** Lists the job's items in the database (again harmlessly: existing items stay as they are); how many it has. */
export async function planItems(manager: EntityManager, jobId: string, scope: RedactionScope): Promise<number> {
  for (const { kind, sql } of selectsOf(scope.target.kind)) {
    await manager.query(withScope(`INSERT INTO redaction_job_items (job_id, kind, item_id) SELECT $6, '${kind}', s.id FROM (${sql}) s ON CONFLICT DO NOTHING`), [...scopeParameters(scope), jobId]);
  }
  const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM redaction_job_items WHERE job_id = $1`, [jobId]);
  return count;
}

/** The stores that must confirm a job of this kind before it is completed. */
export function receiptStoresOf(kind: RedactionTarget['kind']): string[] {
  return [
    RECEIPT_STORES.database,
    RECEIPT_STORES.transitKeys,
    ...(kind === 'attachments' || kind === 'conversation' || kind === 'end-user' ? [RECEIPT_STORES.blobs] : []),
    RECEIPT_STORES.dataKeys,
    RECEIPT_STORES.pendingReplies,
  ];
}

/** The stores other services empty and confirm over Kafka; the worker confirms the rest as it works. */
export const isConfirmedByAnotherService = (store: string) => store === RECEIPT_STORES.pendingReplies;

export const RECEIPT_STORES = {
  /** The ticket tables: bodies, names, custom fields, rows. */
  database: 'ticket-store.database',
  /** The transit keys of the content's events: the copies Kafka retains on clean topics can't be opened. */
  transitKeys: 'key-vault.transit-keys',
  /** Attachment bytes. */
  blobs: 'blob-store',
  /** The data keys of what was removed (an erasure: all the end user's), destroyed: what they sealed anywhere, backups included, can't be opened. */
  dataKeys: 'key-vault.data-keys',
  /** Agent replies the gateway holds for the install (confirmed over Kafka). */
  pendingReplies: PENDING_REPLIES_HOLDER,
} as const;
