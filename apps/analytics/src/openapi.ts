import { activeInstallsQuerySchema, adjustmentsQuerySchema, billingSettingsSchema, LIVE_STANDARD_ERROR, liveUsageQuerySchema } from '@sieve/analytics-feature';
import { ERROR_BODY_SCHEMA, errorAnswers, queryParameters, requestJsonSchema } from '@sieve/service-runtime';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const failures = (statuses: string[]) => {
  const all: Record<string, string> = {
    '400': 'The request is not valid; the message names each parameter at fault.',
    '401': 'No staff token, or one that is not valid.',
    '403': 'Not a billing token: only the billing role reads these figures.',
    '409': 'The change is not possible now; the message says why.',
    '503': 'Staff tokens can’t be checked right now (the ticket store does not answer); retry shortly.',
  };
  return errorAnswers(Object.fromEntries(statuses.map((status) => [status, all[status]])));
};

const count = { type: 'integer', minimum: 0 };

/** The billing API as OpenAPI 3.1, its parameters described by the schemas that check them. Served at /docs. */
export function analyticsOpenApi() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sieve analytics: the billing API',
      version: '1',
      description:
        'Exact active installs of the caller’s brand, for its billing staff. An active install in a period is an install id with at least one session event whose event time falls in the period, in the brand’s billing time zone. Install ids are kept only as hashes under a key of each billing month, so figures of different months cannot be combined into one distinct count. See README.md, "Active usage for billing".',
    },
    security: [{ staffToken: [] }],
    components: {
      securitySchemes: { staffToken: { type: 'http', scheme: 'bearer', description: 'A per-brand staff token of the billing role.' } },
      schemas: {
        Error: ERROR_BODY_SCHEMA,
        PeriodFigure: {
          type: 'object',
          properties: {
            period: { type: 'string', description: 'YYYY-MM, YYYY-MM-DD, or YYYY-MM-DD..YYYY-MM-DD for part of a month.' },
            start: { type: 'string', format: 'date-time' },
            end: { type: 'string', format: 'date-time', description: 'Exclusive.' },
            status: { enum: ['open', 'closed'] },
            activeInstalls: { ...count, description: 'Distinct active installs; in a closed month, the figure frozen when it closed.' },
            adjustments: { type: ['integer', 'null'], description: 'Installs late events added after the month closed; null for part-month ranges (their figure includes them).' },
            activeInstallsWithAdjustments: count,
          },
        },
        ActiveInstalls: {
          type: 'object',
          properties: {
            tenantId: { type: 'string' },
            appId: { type: ['string', 'null'] },
            timeZone: { type: 'string' },
            granularity: { enum: ['day', 'month', 'range'] },
            from: { type: 'string' },
            to: { type: 'string' },
            exact: { const: true },
            periods: { type: 'array', items: ref('PeriodFigure') },
            note: { type: 'string', description: 'Present when figures of several billing months sit side by side: they must not be added up.' },
          },
        },
        BillingPeriod: {
          type: 'object',
          properties: {
            month: { type: 'string' },
            timeZone: { type: 'string' },
            start: { type: 'string', format: 'date-time' },
            end: { type: 'string', format: 'date-time' },
            status: { enum: ['open', 'closed'] },
            closedAt: { type: ['string', 'null'], format: 'date-time' },
            closedBy: { type: ['string', 'null'], description: '"schedule", or the id of the billing staff member who closed it early.' },
            sealedAt: { type: ['string', 'null'], format: 'date-time', description: 'When the month’s hashing key was destroyed; nothing more counts in it.' },
            activeInstalls: count,
            adjustments: count,
          },
        },
        Adjustment: {
          type: 'object',
          properties: {
            month: { type: 'string' },
            appId: { type: ['string', 'null'], description: 'null: the brand-wide figure.' },
            day: { type: ['integer', 'null'], description: 'null: the whole month’s figure.' },
            installs: count,
            recordedAt: { type: 'string', format: 'date-time' },
          },
        },
        BillingSettings: requestJsonSchema(billingSettingsSchema),
        LiveUsage: {
          type: 'object',
          description: `Approximate (HyperLogLog) figures for live dashboards; standard error ${LIVE_STANDARD_ERROR * 100}%. Never bill from these.`,
          properties: {
            approximate: { const: true },
            standardError: { type: 'number' },
            timeZone: { type: 'string' },
            appId: { type: ['string', 'null'] },
            today: { type: 'object', properties: { period: { type: 'string' }, activeInstalls: count } },
            thisMonth: { type: 'object', properties: { period: { type: 'string' }, activeInstalls: count } },
          },
        },
      },
    },
    paths: {
      '/v1/usage/active-installs': {
        get: {
          summary: 'Exact distinct active installs per day, per billing month, or over a range (JSON or CSV)',
          parameters: queryParameters(activeInstallsQuerySchema),
          responses: {
            '200': {
              description: 'A figure per period, in order.',
              content: {
                'application/json': { schema: ref('ActiveInstalls') },
                'text/csv': { schema: { type: 'string', description: 'period,start,end,status,active_installs,adjustments,active_installs_with_adjustments' } },
              },
            },
            ...failures(['400', '401', '403', '503']),
          },
        },
      },
      '/v1/usage/periods': {
        get: { summary: 'The brand’s billing months: open or closed, sealed, brand-wide figure and adjustments', responses: { '200': { description: 'Oldest first.', ...json({ type: 'object', properties: { periods: { type: 'array', items: ref('BillingPeriod') } } }) }, ...failures(['401', '403', '503']) } },
      },
      '/v1/usage/periods/{month}/close': {
        post: {
          summary: 'Close an ended billing month now, ahead of its scheduled closing',
          description: 'Freezes its figures; events counted in it later are adjustments. Closing a closed month changes nothing.',
          parameters: [{ name: 'month', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' } }],
          responses: { '200': { description: 'The month, closed.', ...json(ref('BillingPeriod')) }, ...failures(['400', '401', '403', '409', '503']) },
        },
      },
      '/v1/usage/adjustments': {
        get: { summary: 'Adjustments of closed months: installs late events added', parameters: queryParameters(adjustmentsQuerySchema), responses: { '200': { description: 'In the order they were recorded.', ...json({ type: 'object', properties: { adjustments: { type: 'array', items: ref('Adjustment') } } }) }, ...failures(['400', '401', '403', '503']) } },
      },
      '/v1/usage/live': {
        get: { summary: 'Approximate active installs today and this month, for live dashboards', parameters: queryParameters(liveUsageQuerySchema), responses: { '200': { description: 'Labelled approximate.', ...json(ref('LiveUsage')) }, ...failures(['400', '401', '403', '503']) } },
      },
      '/v1/usage/settings': {
        get: { summary: 'The brand’s billing time zone', responses: { '200': { description: 'UTC unless set.', ...json(ref('BillingSettings')) }, ...failures(['401', '403', '503']) } },
        put: {
          summary: 'Set the brand’s billing time zone (before any usage is counted in another zone)',
          requestBody: { required: true, ...json(ref('BillingSettings')) },
          responses: { '200': { description: 'Set.', ...json(ref('BillingSettings')) }, ...failures(['400', '401', '403', '409', '503']) },
        },
      },
    },
  };
}
