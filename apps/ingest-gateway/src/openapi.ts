import { BATCH_LIMITS, batchEventSchema, customFieldDefinitionSchema, openConversationRequestSchema, reportBatchRequestSchema, sendMessageRequestSchema } from '@sieve/ingest-domain';
import { ERROR_BODY_SCHEMA, errorAnswers, requestJsonSchema } from '@sieve/service-runtime';

const failures = (extra: Record<string, string> = {}) =>
  errorAnswers({
    '400': 'The body is malformed or invalid; `fields` names each field at fault. Nothing was written.',
    '401': 'No credentials, or an unknown or revoked API key; or (code identity-unverified) an identity the app requires signed that is not.',
    '403': 'The API key belongs to another app.',
    '413': 'The body is over the limit.',
    '429': 'This app or install sends too much; Retry-After says when to retry. Nothing was written.',
    '503': 'Kafka did not acknowledge the write; nothing was accepted. Retry-After says when to retry.',
    ...extra,
  });

const accepted = (idName: string) => ({
  type: 'object',
  required: ['status', idName, 'correlationId'],
  properties: { status: { enum: ['accepted', 'duplicate'] }, [idName]: { type: 'string', format: 'uuid' }, correlationId: { type: 'string' } },
});

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

/** The batch envelope takes its events unchecked (each is checked on its own); the document says what they are. */
const withEventsOf = (envelope: Record<string, unknown>) => ({
  ...envelope,
  properties: { ...(envelope.properties as object), events: { type: 'array', minItems: 1, maxItems: BATCH_LIMITS.events, items: { $ref: '#/components/schemas/BatchEvent' } } },
});

/**
 * The SDK API as OpenAPI 3.1, made from the same schemas that validate requests, so the document
 * can't drift from what the gateway accepts. Served at /docs.
 */
export function gatewayOpenApi() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sieve ingest gateway: the SDK API',
      version: '1',
      description:
        'What in-app support SDKs send to Sieve. "Accepted" means durably in Kafka. Every event carries a client event id: a retry of one Sieve has is answered "duplicate" and written once.',
    },
    security: [{ appId: [], apiKey: [] }],
    components: {
      securitySchemes: {
        appId: { type: 'apiKey', in: 'header', name: 'X-Sieve-App-Id' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Sieve-Api-Key' },
        staffToken: { type: 'http', scheme: 'bearer', description: 'A brand admin’s staff token (the admin API only).' },
      },
      schemas: {
        Error: ERROR_BODY_SCHEMA,
        AppKey: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, createdAt: { type: 'string', format: 'date-time' }, revokedAt: { type: ['string', 'null'], format: 'date-time' } } },
        OpenConversation: requestJsonSchema(openConversationRequestSchema),
        SendMessage: requestJsonSchema(sendMessageRequestSchema),
        Batch: withEventsOf(requestJsonSchema(reportBatchRequestSchema)),
        BatchEvent: requestJsonSchema(batchEventSchema),
        CustomField: requestJsonSchema(customFieldDefinitionSchema),
        AppConfiguration: {
          type: 'object',
          required: ['appId', 'fullPrivacy', 'customFields'],
          properties: {
            appId: { type: 'string' },
            fullPrivacy: { type: 'boolean', description: 'When true the SDK sends no custom data at all: no identity, custom fields, metadata or attachments.' },
            customFields: { type: 'array', items: { $ref: '#/components/schemas/CustomField' }, description: 'The custom issue fields to offer, in order; empty under full privacy.' },
          },
        },
        BatchEventResult: {
          type: 'object',
          required: ['index', 'status'],
          properties: {
            index: { type: 'integer', description: "The event's position in the batch." },
            clientEventId: { type: 'string' },
            status: { enum: ['accepted', 'duplicate', 'rejected'] },
            reason: { enum: ['too-large', 'not-collected', 'invalid'], description: 'Why a rejected event was rejected.' },
            message: { type: 'string' },
            fields: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
    paths: {
      '/v1/app-config': {
        get: {
          summary: "The app's configuration for its SDK",
          responses: { '200': { description: 'Full privacy and the custom issue fields.', ...json({ $ref: '#/components/schemas/AppConfiguration' }) }, ...failures() },
        },
      },
      '/v1/conversations': {
        post: {
          summary: 'Open a conversation with its first message',
          description:
            "The conversation's country is derived from the client address, which Sieve does not keep. Custom field values must fit the app's definitions (GET /v1/app-config): an unknown field, a wrong type or a missing required one is a 400 naming it.",
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/OpenConversation' }) },
          responses: { '202': { description: 'Accepted: Kafka has it.', ...json(accepted('conversationId')) }, '200': { description: 'Duplicate: a retry of one Sieve has.', ...json(accepted('conversationId')) }, ...failures() },
        },
      },
      '/v1/conversations/{conversationId}/messages': {
        post: {
          summary: 'Send a further message in a conversation',
          parameters: [{ name: 'conversationId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, description: 'As returned when the conversation was opened.' }],
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/SendMessage' }) },
          responses: { '202': { description: 'Accepted: Kafka has it.', ...json(accepted('messageId')) }, '200': { description: 'Duplicate: a retry of one Sieve has.', ...json(accepted('messageId')) }, ...failures() },
        },
      },
      '/v1/conversations/{conversationId}/attachments': {
        post: {
          summary: 'Attach a file to a conversation',
          description:
            'multipart/form-data: the fields clientEventId, installId and sdkVersion, then the part "file". The bytes go to the blob store; events carry a reference. Under full privacy no attachment is accepted (422).',
          parameters: [{ name: 'conversationId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['clientEventId', 'installId', 'sdkVersion', 'file'],
                  properties: { clientEventId: { type: 'string' }, installId: { type: 'string' }, sdkVersion: { type: 'string' }, file: { type: 'string', format: 'binary' } },
                },
              },
            },
          },
          responses: {
            '202': { description: 'Stored, and Kafka has the event.', ...json(accepted('attachmentId')) },
            '200': { description: 'Duplicate: a retry of one Sieve has.', ...json(accepted('attachmentId')) },
            ...failures({ '413': 'The file is larger than the limit (25 MB by default); nothing was kept.', '415': 'The content type is not accepted.', '422': 'Full privacy is on: attachments are not collected.' }),
          },
        },
      },
      '/v1/replies': {
        get: {
          summary: 'Agent replies waiting for this install',
          description: 'Oldest first. With waitSeconds (at most 30) and nothing pending, the answer waits for a reply (a long poll). Replies are held until acknowledged, 7 days at most.',
          parameters: [
            { name: 'installId', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'waitSeconds', in: 'query', required: false, schema: { type: 'integer', minimum: 0, maximum: 30, default: 0 } },
          ],
          responses: {
            '200': {
              description: 'The pending replies (possibly none).',
              ...json({
                type: 'object',
                properties: {
                  replies: {
                    type: 'array',
                    items: { type: 'object', required: ['id', 'conversationId', 'body', 'sentAt'], properties: { id: { type: 'string' }, conversationId: { type: 'string' }, body: { type: 'string' }, sentAt: { type: 'string', format: 'date-time' }, agentName: { type: 'string' } } },
                  },
                },
              }),
            },
            ...failures(),
          },
        },
      },
      '/v1/replies/acknowledge': {
        post: {
          summary: 'Acknowledge replies the SDK has shown',
          requestBody: { required: true, ...json({ type: 'object', required: ['installId', 'replyIds'], properties: { installId: { type: 'string' }, replyIds: { type: 'array', items: { type: 'string', format: 'uuid' } } } }) },
          responses: { '200': { description: 'How many were still held.', ...json({ type: 'object', properties: { acknowledged: { type: 'integer' } } }) }, ...failures() },
        },
      },
      '/v1/batches': {
        post: {
          summary: 'Report background events of one install',
          description: `Sessions, FAQ searches, link clicks, crash reports and other diagnostics: at most ${BATCH_LIMITS.events} events, ${BATCH_LIMITS.bodyBytes / 1024} KB a batch, ${BATCH_LIMITS.eventBytes / 1024} KB an event. Performance data (launch time, hang rate, energy) is not collected and is rejected by name. Each event is answered on its own.`,
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/Batch' }) },
          responses: {
            '200': {
              description: 'A result per event, in the order sent.',
              ...json({ type: 'object', required: ['results', 'correlationId'], properties: { results: { type: 'array', items: { $ref: '#/components/schemas/BatchEventResult' } }, correlationId: { type: 'string' } } }),
            },
            ...failures(),
          },
        },
      },
      '/v1/admin/apps/{appId}/keys': {
        get: {
          summary: 'The app’s SDK keys, live and revoked (never the keys themselves)',
          security: [{ staffToken: [] }],
          parameters: [appIdParameter],
          responses: { '200': { description: 'The keys, oldest first.', ...json({ type: 'array', items: { $ref: '#/components/schemas/AppKey' } }) }, ...adminFailures },
        },
        post: {
          summary: 'Issue a new SDK key (the key is in this answer only)',
          security: [{ staffToken: [] }],
          parameters: [appIdParameter],
          responses: { '201': { description: 'The new key.', ...json({ allOf: [{ $ref: '#/components/schemas/AppKey' }, { type: 'object', properties: { key: { type: 'string' } } }] }) }, ...adminFailures },
        },
      },
      '/v1/admin/apps/{appId}/keys/{keyId}': {
        delete: {
          summary: 'Revoke an SDK key (not the app’s last live one: issue a new key first)',
          security: [{ staffToken: [] }],
          parameters: [appIdParameter, { name: 'keyId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '204': { description: 'Revoked: this instance refuses it at once, every instance within 30 s.' }, ...adminFailures },
        },
      },
    },
  };
}

const appIdParameter = { name: 'appId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

/** The admin API's failures: staff tokens, brand admins only, checked with the ticket store. */
const adminFailures = errorAnswers({
  '400': 'Not a UUID, or the app’s last live key.',
  '401': 'No staff token, or one that is not valid.',
  '403': 'The token’s role is not admin.',
  '404': 'No such app (or key) in the token’s brand.',
  '503': 'The ticket store, which checks staff tokens, does not answer; Retry-After says when to retry.',
});
