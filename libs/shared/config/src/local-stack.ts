/**
 * Where the local stack (tools/stack/stack.sh) listens, per profile: `dev` for `npm start`, `test`
 * for `npm test`. Test databases end in _test, which test setup insists on. Both profiles share the
 * broker; test runs isolate themselves with topic namespaces.
 */
export type StackProfile = 'dev' | 'test';

export const LOCAL_KAFKA_BROKERS = '127.0.0.1:9092';
export const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';

export function localDatabaseUrl(context: 'ingest' | 'tickets' | 'analytics', profile: StackProfile): string {
  return `postgres://postgres@127.0.0.1:5432/sieve_${context}${profile === 'test' ? '_test' : ''}`;
}
