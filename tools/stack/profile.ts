/**
 * The addresses of the local stack, per profile: `dev` for `npm start`, `test` for `npm test`.
 * Test databases end in _test (test setup refuses any other); both profiles share the broker,
 * and test runs isolate themselves with topic namespaces.
 */
export type StackProfile = 'dev' | 'test';

export const SERVICES = ['ingest-gateway', 'pii-classifier', 'ticket-store', 'analytics', 'redaction-worker'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const SERVICE_PORTS: Record<ServiceName, number> = {
  'ingest-gateway': 3001,
  'pii-classifier': 3002,
  'ticket-store': 3003,
  analytics: 3004,
  'redaction-worker': 3005,
};

export const KAFKA_BROKERS = '127.0.0.1:9092';
export const REDIS_URL = 'redis://127.0.0.1:6379';

export function databaseUrl(context: 'ingest' | 'tickets', profile: StackProfile): string {
  return `postgres://postgres@127.0.0.1:5432/sieve_${context}${profile === 'test' ? '_test' : ''}`;
}

/** The environment each service runs with on this stack. */
export function serviceEnvironment(service: ServiceName, profile: StackProfile): Record<string, string> {
  const common = { KAFKA_BROKERS, HTTP_PORT: String(SERVICE_PORTS[service]) };
  switch (service) {
    case 'ingest-gateway':
      return { ...common, DATABASE_URL: databaseUrl('ingest', profile), REDIS_URL };
    case 'pii-classifier':
      return common;
    case 'ticket-store':
    case 'redaction-worker':
      return { ...common, DATABASE_URL: databaseUrl('tickets', profile) };
    case 'analytics':
      return { ...common, REDIS_URL };
  }
}
