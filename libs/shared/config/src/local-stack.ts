import path from 'node:path';

/**
 * Where the local stack (tools/stack/stack.sh) listens, per profile: `dev` for `npm start`, `test`
 * for `npm test`. Test databases end in _test, which test setup insists on. Both profiles share the
 * broker; test runs isolate themselves with topic namespaces.
 */
export type StackProfile = 'dev' | 'test';

export const LOCAL_KAFKA_BROKERS = '127.0.0.1:9092';
export const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';

/** The databases of the local stack: one per bounded context, and the key vault the services share. */
export type LocalDatabase = 'ingest' | 'tickets' | 'analytics' | 'keys';

export function localDatabaseUrl(context: LocalDatabase, profile: StackProfile): string {
  return `postgres://postgres@127.0.0.1:5432/sieve_${context}${profile === 'test' ? '_test' : ''}`;
}

/** The repository's root, whether this runs from its source or from dist/. */
const workspaceRoot = path.resolve(__dirname, '../../../..').replace(/\/dist$/, '');

/**
 * The local stack's key files of key encryption keys, per profile: the ticket context's, analytics'
 * own, and the key vault's (transit keys; shared by the services that seal or open clean topics).
 * Made on first use, never committed.
 */
export function localKeyFile(profile: StackProfile, owner: 'ticket-store' | 'analytics' | 'transit' = 'ticket-store'): string {
  return path.join(workspaceRoot, '.cache', 'keys', profile, owner === 'ticket-store' ? 'kek.json' : `${owner}-kek.json`);
}
