import { gatewayOpenApi } from './openapi';

describe('the gateway OpenAPI document', () => {
  const document = gatewayOpenApi() as unknown as {
    openapi: string;
    paths: Record<string, { post?: { requestBody: unknown; responses: Record<string, unknown> }; get?: { responses: Record<string, unknown> } }>;
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[]; oneOf?: unknown[]; anyOf?: unknown[] }> };
  };

  it('documents every SDK endpoint with its request, success and failure answers, and the admin API of app keys', () => {
    expect(document.openapi).toBe('3.1.0');
    const sdkPaths = ['/v1/app-config', '/v1/batches', '/v1/conversations', '/v1/conversations/{conversationId}/attachments', '/v1/conversations/{conversationId}/messages', '/v1/replies', '/v1/replies/acknowledge'];
    expect(Object.keys(document.paths).sort()).toEqual([...sdkPaths, '/v1/admin/apps/{appId}/keys', '/v1/admin/apps/{appId}/keys/{keyId}'].sort());
    for (const { post, get } of sdkPaths.map((path) => document.paths[path])) {
      if (post) expect(post.requestBody).toBeDefined();
      expect(Object.keys((post ?? get)!.responses)).toEqual(expect.arrayContaining(['401', '403', '503']));
      if (post) expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['400', '413', '429']));
    }
  });

  it('takes its request schemas from the validators, so it shows what the gateway enforces', () => {
    const open = document.components.schemas.OpenConversation;
    expect(open.required).toEqual(expect.arrayContaining(['clientEventId', 'installId', 'message', 'versions']));
    expect(open.properties?.message).toMatchObject({ properties: { body: { maxLength: 10_000 } } });
    const kinds = JSON.stringify(document.components.schemas.BatchEvent);
    for (const type of ['session', 'faq-search', 'link-click', 'crash', 'diagnostic']) expect(kinds).toContain(`"${type}"`);
    expect(document.components.schemas.Batch.properties?.events).toMatchObject({ maxItems: 500, items: { $ref: '#/components/schemas/BatchEvent' } });
  });
});
