import { ticketStoreOpenApi } from './openapi';

describe('the agent API OpenAPI document', () => {
  const document = ticketStoreOpenApi();

  it('documents every endpoint the ticket store serves, with its failures', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/v1/attachments/{attachmentId}/content',
      '/v1/conversations',
      '/v1/conversations/{conversationId}',
      '/v1/conversations/{conversationId}/redactions',
      '/v1/conversations/{conversationId}/replies',
      '/v1/end-users/{endUserId}/erasure',
      '/v1/redactions',
      '/v1/redactions/{jobId}',
      '/v1/redactions/{jobId}/approve',
      '/v1/redactions/{jobId}/retry',
      '/v1/staff',
      '/v1/staff/me',
      '/v1/staff/{staffId}',
    ]);
    for (const [path, operations] of Object.entries(document.paths) as [string, Record<string, { responses: Record<string, unknown> }>][]) {
      // Staff endpoints refuse missing tokens and the wrong roles; the download link is its own permission.
      const refusals = path.startsWith('/v1/attachments') ? ['403', '404', '410'] : ['401', '403'];
      for (const operation of Object.values(operations)) expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(refusals));
    }
  });

  it('takes its request schemas from the validators', () => {
    const { Reply, RedactionRequest } = document.components.schemas as unknown as Record<string, { properties: Record<string, unknown>; required: string[] }>;
    expect(Reply).toMatchObject({ required: ['body'], properties: { body: { maxLength: 10_000 } } });
    expect(RedactionRequest.required).toEqual(['reason']);
    expect(Object.keys(RedactionRequest.properties)).toEqual(expect.arrayContaining(['messageId', 'ranges', 'messageIds', 'sentFrom', 'sentTo', 'attachmentIds']));
    const parameters = document.paths['/v1/conversations'].get.parameters as { name: string }[];
    expect(parameters.map((p) => p.name)).toEqual(['status', 'appId', 'countryCode', 'openedFrom', 'openedTo', 'limit', 'cursor']);
  });
});
