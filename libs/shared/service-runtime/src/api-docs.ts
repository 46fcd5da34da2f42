import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Controller, DynamicModule, Get, Header, Inject, Module, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

const OPENAPI_DOCUMENT = Symbol('OPENAPI_DOCUMENT');
const SWAGGER_UI = path.dirname(require.resolve('swagger-ui-dist/package.json'));

/** The Swagger UI files the page loads, served from the swagger-ui-dist package: nothing from the network. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
};

const page = (title: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title.replace(/[<>&"]/g, '')}</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="api"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script>SwaggerUIBundle({ url: '/docs/openapi.json', dom_id: '#api', presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });</script>
</body>
</html>`;

/** A service's API documentation: its OpenAPI document at /docs/openapi.json and a page to read it at /docs. */
@Controller('docs')
class ApiDocsController {
  private readonly page: string;

  constructor(@Inject(OPENAPI_DOCUMENT) private readonly document: { info: { title: string } }) {
    this.page = page(document.info.title);
  }

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  index(): string {
    return this.page;
  }

  @Get('openapi.json')
  openApi(): Record<string, unknown> {
    return this.document;
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() reply: FastifyReply): void {
    const type = ASSETS[file];
    if (!type) throw new NotFoundException(`No documentation asset named ${file}.`);
    void reply.type(type).header('cache-control', 'public, max-age=86400').send(createReadStream(path.join(SWAGGER_UI, file)));
  }
}

@Module({})
export class ApiDocsModule {
  static serving(document: { openapi: string; info: { title: string } }): DynamicModule {
    return { module: ApiDocsModule, controllers: [ApiDocsController], providers: [{ provide: OPENAPI_DOCUMENT, useValue: document }] };
  }
}

/** A request schema as JSON Schema, as clients send it (defaults and transforms not applied yet). */
export function requestJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

/** The body of every error answer, as the HTTP errors filter writes it: a document's `components.schemas.Error`. */
export const ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable, for programs: unauthenticated, forbidden, invalid-request, not-found, rate-limited…' },
        message: { type: 'string', description: 'For people: what was wrong and what to do.' },
        fields: { type: 'array', items: { type: 'string' }, description: 'The request fields at fault, by path; never their values.' },
      },
    },
  },
};

/** Error answers by status, each with the Error body. */
export function errorAnswers(descriptions: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(descriptions).map(([status, description]) => [status, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
  );
}

/** A query's parameters, from the schema that checks them. */
export function queryParameters(schema: z.ZodType): unknown[] {
  const { properties, required = [] } = requestJsonSchema(schema) as { properties: Record<string, unknown>; required?: string[] };
  return Object.entries(properties).map(([name, property]) => ({ name, in: 'query', required: required.includes(name), schema: property }));
}
