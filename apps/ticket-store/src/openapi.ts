import { ERROR_BODY_SCHEMA, errorAnswers, queryParameters, requestJsonSchema } from '@sieve/service-runtime';
import { CONVERSATION_STATUSES, REDACTION_JOB_STATUSES } from '@sieve/tickets-data-access';
import {
  changeStatusRequestSchema,
  conversationRedactionSchema,
  erasureSchema,
  listConversationsQuerySchema,
  listRedactionJobsQuerySchema,
  newStaffRequestSchema,
  replyRequestSchema,
} from '@sieve/tickets-feature';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const failures = (statuses: string[]) => {
  const all: Record<string, string> = {
    '400': 'The request is not valid; the message names each field at fault. Nothing was changed.',
    '401': 'No staff token, or one that is not valid.',
    '403': 'The role of this token may not do this (billing and SRE tokens never read conversations; only admins manage staff, erase end users and approve bulk redactions).',
    '404': 'Nothing with this id in this brand (another brand’s is "not found" too).',
    '409': 'The job id is already another request’s; the job needs no approval, or is not failed (retry); parts of the message are being redacted already.',
  };
  return errorAnswers(Object.fromEntries(statuses.map((status) => [status, all[status]])));
};

const conversationId = { name: 'conversationId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const jobId = { name: 'jobId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const nullableTime = { type: ['string', 'null'], format: 'date-time' };
const jobAnswer = (description: string) => ({ description, ...json(ref('RedactionJob')) });


/**
 * The agent API as OpenAPI 3.1, its requests described by the same schemas that validate them.
 * Served at /docs.
 */
export function ticketStoreOpenApi() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sieve ticket store: the agent API',
      version: '1',
      description:
        'Conversations of the caller’s brand, for agents and admins. Personal data is sealed at rest and opened per read; every read of a conversation or an attachment is in the access log. Redacted content reads as null with `redacted: true`.',
    },
    security: [{ staffToken: [] }],
    components: {
      securitySchemes: { staffToken: { type: 'http', scheme: 'bearer', description: 'A per-brand staff token (role agent or admin for everything here).' } },
      schemas: {
        Error: ERROR_BODY_SCHEMA,
        Reply: requestJsonSchema(replyRequestSchema),
        StatusChange: requestJsonSchema(changeStatusRequestSchema),
        RedactionRequest: requestJsonSchema(conversationRedactionSchema),
        ErasureRequest: requestJsonSchema(erasureSchema),
        RedactionJob: {
          type: 'object',
          description: 'A redaction or erasure job: who asked, why, where it is, and each store’s receipt. Never the removed content.',
          properties: {
            jobId: { type: 'string', format: 'uuid' },
            status: { enum: [...REDACTION_JOB_STATUSES] },
            target: { type: 'object', description: 'What it removes: `kind` message (with `ranges`), messages, messages-sent-between, attachments, conversation or end-user, with its ids.' },
            reason: { type: 'string' },
            requestedBy: { type: 'string', format: 'uuid' },
            requestedAt: { type: 'string', format: 'date-time' },
            approval: { type: 'object', properties: { required: { type: 'boolean' }, approvedBy: { type: ['string', 'null'] }, approvedAt: nullableTime } },
            sizeAtRequest: { type: 'integer', description: 'Messages and attachments the request covered when made.' },
            progress: { type: 'object', properties: { itemsTotal: { type: ['integer', 'null'] }, itemsDone: { type: 'integer' } } },
            startedAt: nullableTime,
            completedAt: nullableTime,
            failure: { type: ['string', 'null'] },
            receipts: { type: 'array', items: { type: 'object', properties: { store: { type: 'string' }, removed: { type: ['integer', 'null'] }, confirmedAt: nullableTime } } },
          },
        },
        NewStaffMember: requestJsonSchema(newStaffRequestSchema),
        StaffMember: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, role: { enum: ['agent', 'billing', 'admin', 'sre'] }, label: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' } } },
        ConversationSummary: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            appId: { type: 'string' },
            status: { enum: [...CONVERSATION_STATUSES] },
            countryCode: { type: ['string', 'null'] },
            platform: { type: ['string', 'null'] },
            openedAt: { type: 'string', format: 'date-time' },
          },
        },
        RedactionMarker: {
          type: ['object', 'null'],
          description: 'Who had it redacted (the requester’s staff id), when, and in which job; null if it never was. A message redacted in ranges keeps its body with `[redacted]` where they were.',
          properties: { by: { type: ['string', 'null'] }, at: { type: 'string', format: 'date-time' }, jobId: { type: ['string', 'null'] } },
        },
        Conversation: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            status: { enum: [...CONVERSATION_STATUSES] },
            endUser: { type: 'object', properties: { id: { type: 'string' }, name: { type: ['string', 'null'] }, email: { type: ['string', 'null'] } } },
            messages: {
              type: 'array',
              items: { type: 'object', properties: { id: { type: 'string' }, author: { enum: ['end-user', 'agent', 'system'] }, body: { type: ['string', 'null'] }, redacted: { type: 'boolean' }, redaction: ref('RedactionMarker'), piiTags: { type: 'array', items: { type: 'string' }, description: 'Categories of personal data the classifier found in it (never the values).' }, sentAt: { type: 'string', format: 'date-time' } } },
            },
            attachments: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  fileName: { type: ['string', 'null'] },
                  contentType: { type: 'string' },
                  sizeBytes: { type: 'integer' },
                  redacted: { type: 'boolean' },
                  redaction: ref('RedactionMarker'),
                  downloadPath: { type: ['string', 'null'], description: 'A link to the bytes, valid for 5 minutes, for the staff member who read the conversation.' },
                },
              },
            },
          },
        },
      },
    },
    paths: {
      '/v1/conversations': {
        get: {
          summary: 'The brand’s conversations, newest first, filtered, a page at a time (no message text).',
          parameters: queryParameters(listConversationsQuerySchema),
          responses: {
            '200': { description: 'A page; `nextCursor` fetches the next, null on the last.', ...json({ type: 'object', properties: { items: { type: 'array', items: ref('ConversationSummary') }, nextCursor: { type: ['string', 'null'] } } }) },
            ...failures(['400', '401', '403']),
          },
        },
      },
      '/v1/conversations/{conversationId}': {
        get: {
          summary: 'One conversation with its messages and attachments, opened for the reader (recorded in the access log).',
          parameters: [conversationId],
          responses: { '200': { description: 'The conversation.', ...json(ref('Conversation')) }, ...failures(['400', '401', '403', '404']) },
        },
        patch: {
          summary: 'Change its status.',
          parameters: [conversationId],
          requestBody: { required: true, ...json(ref('StatusChange')) },
          responses: { '200': { description: 'The new status.', ...json({ type: 'object', properties: { id: { type: 'string' }, status: { enum: [...CONVERSATION_STATUSES] } } }) }, ...failures(['400', '401', '403', '404']) },
        },
      },
      '/v1/conversations/{conversationId}/replies': {
        post: {
          summary: 'Reply as an agent: stored sealed, and handed to the install that wrote through the gateway.',
          parameters: [conversationId],
          requestBody: { required: true, ...json(ref('Reply')) },
          responses: {
            '201': { description: 'The reply (`duplicate` for a retry with the same clientMessageId).', ...json({ type: 'object', properties: { status: { enum: ['created', 'duplicate'] }, messageId: { type: 'string' }, sentAt: { type: 'string' } } }) },
            ...failures(['400', '401', '403', '404']),
          },
        },
      },
      '/v1/conversations/{conversationId}/redactions': {
        post: {
          summary: 'Redact content of the conversation: a message (or ranges of it), messages by id or by sent time, attachments, or (with no selector) the whole conversation. The redaction worker carries it out.',
          parameters: [conversationId],
          requestBody: { required: true, ...json(ref('RedactionRequest')) },
          responses: { '202': jobAnswer('The job (the same one for a retry with the same jobId). Over the approval threshold it waits for a second admin.'), ...failures(['400', '401', '403', '404', '409']) },
        },
      },
      '/v1/end-users/{endUserId}/erasure': {
        post: {
          summary: 'Erase an end user (admins only): identity, conversations, messages, attachments, FAQ searches, link clicks, replies waiting for the install, and their data key.',
          parameters: [{ name: 'endUserId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          requestBody: { required: true, ...json(ref('ErasureRequest')) },
          responses: { '202': jobAnswer('The job.'), ...failures(['400', '401', '403', '404', '409']) },
        },
      },
      '/v1/redactions': {
        get: {
          summary: 'The brand’s redaction and erasure jobs, newest first, a page at a time.',
          parameters: queryParameters(listRedactionJobsQuerySchema),
          responses: { '200': { description: 'A page; `nextCursor` fetches the next.', ...json({ type: 'object', properties: { items: { type: 'array', items: ref('RedactionJob') }, nextCursor: { type: ['string', 'null'] } } }) }, ...failures(['400', '401', '403']) },
        },
      },
      '/v1/redactions/{jobId}': {
        get: { summary: 'One job, with its progress and receipts.', parameters: [jobId], responses: { '200': jobAnswer('The job.'), ...failures(['400', '401', '403', '404']) } },
      },
      '/v1/redactions/{jobId}/retry': {
        post: {
          summary: 'Run a failed job again (admins only), once what made it fail is fixed: it resumes where it stopped.',
          parameters: [jobId],
          responses: { '200': jobAnswer('The job, pending again.'), ...failures(['400', '401', '403', '404', '409']) },
        },
      },
      '/v1/redactions/{jobId}/approve': {
        post: {
          summary: 'Approve a bulk job (admins only, not the one who asked): the worker then carries it out.',
          parameters: [jobId],
          responses: { '200': jobAnswer('The job, approved (again: unchanged).'), ...failures(['400', '401', '403', '404', '409']) },
        },
      },
      '/v1/staff': {
        get: {
          summary: 'The brand’s staff and their roles (admins only; tokens are never shown again).',
          responses: { '200': { description: 'The staff.', ...json({ type: 'array', items: ref('StaffMember') }) }, ...failures(['401', '403']) },
        },
        post: {
          summary: 'A new staff token of the brand (admins only). The token is in this answer and nowhere else.',
          requestBody: { required: true, ...json(ref('NewStaffMember')) },
          responses: { '201': { description: 'The staff member, with their token.', ...json({ allOf: [ref('StaffMember'), { type: 'object', properties: { token: { type: 'string' } } }] }) }, ...failures(['400', '401', '403']) },
        },
      },
      '/v1/staff/me': {
        get: {
          summary: 'Who this staff token belongs to (any role).',
          responses: { '200': { description: 'The brand, role and staff id of the token.', ...json({ type: 'object', properties: { tenantId: { type: 'string' }, role: { type: 'string' }, staffId: { type: 'string' } } }) }, ...failures(['401', '403']) },
        },
      },
      '/v1/staff/{staffId}': {
        delete: {
          summary: 'Revoke a staff token of the brand (admins only; not the one making the request).',
          parameters: [{ name: 'staffId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '204': { description: 'Revoked: the token no longer works.' }, ...failures(['400', '401', '403', '404']) },
        },
      },
      '/v1/attachments/{attachmentId}/content': {
        get: {
          summary: 'The bytes of an attachment, through the signed link in the conversation (no token: the link is the permission).',
          security: [],
          parameters: [{ name: 'attachmentId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: {
            '200': { description: 'The original bytes, as a download.' },
            '403': { description: 'The link was altered or has expired.', ...json(ref('Error')) },
            '404': { description: 'No such attachment.', ...json(ref('Error')) },
            '410': { description: 'The attachment was redacted.', ...json(ref('Error')) },
          },
        },
      },
    },
  };
}
