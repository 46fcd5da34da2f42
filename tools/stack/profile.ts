import path from 'node:path';
import { LOCAL_KAFKA_BROKERS, LOCAL_REDIS_URL, localDatabaseUrl, localKeyFile, StackProfile } from '@sieve/config';

/** The repository's root, whether this runs from its source (tests) or from dist/. */
export const workspaceRoot = path.resolve(__dirname, '../..').replace(/\/dist$/, '');

/** Where the local stack keeps attachment bytes, per profile (the blob store's default, a directory). */
export const localBlobDirectory = (profile: StackProfile) => path.join(workspaceRoot, '.cache', 'blobs', profile);

export { localKeyFile } from '@sieve/config';

export const SERVICES = ['ingest-gateway', 'pii-classifier', 'ticket-store', 'analytics', 'redaction-worker'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const SERVICE_PORTS: Record<ServiceName, number> = {
  'ingest-gateway': 3001,
  'pii-classifier': 3002,
  'ticket-store': 3003,
  analytics: 3004,
  'redaction-worker': 3005,
};

/** The environment each service runs with on the local stack; `portOf` says where its peers listen. */
export function serviceEnvironment(service: ServiceName, profile: StackProfile, portOf: (service: ServiceName) => number = (name) => SERVICE_PORTS[name]): Record<string, string> {
  const common = { KAFKA_BROKERS: LOCAL_KAFKA_BROKERS, HTTP_PORT: String(portOf(service)) };
  // The services that seal or open what travels on clean topics share the key vault.
  // The ticket context's two processes (ticket store, redaction worker) share its database, blob store and key file.
  const ticketContext = { DATABASE_URL: localDatabaseUrl('tickets', profile), BLOB_STORE_DIR: localBlobDirectory(profile), KEY_ENCRYPTION_KEY_FILE: localKeyFile(profile), KEY_ENCRYPTION_KEY_FILE_CREATE: 'true' };
  const keyVault = { KEY_VAULT_DATABASE_URL: localDatabaseUrl('keys', profile), TRANSIT_KEY_ENCRYPTION_KEY_FILE: localKeyFile(profile, 'transit'), TRANSIT_KEY_ENCRYPTION_KEY_FILE_CREATE: 'true' };
  switch (service) {
    case 'ingest-gateway':
      return {
        ...common,
        ...keyVault,
        DATABASE_URL: localDatabaseUrl('ingest', profile),
        REDIS_URL: LOCAL_REDIS_URL,
        BLOB_STORE_DIR: localBlobDirectory(profile),
        TICKET_STORE_URL: `http://127.0.0.1:${portOf('ticket-store')}`,
      };
    case 'pii-classifier':
      return { ...common, ...keyVault };
    case 'analytics':
      return {
        ...common,
        DATABASE_URL: localDatabaseUrl('analytics', profile),
        REDIS_URL: LOCAL_REDIS_URL,
        TICKET_STORE_URL: `http://127.0.0.1:${portOf('ticket-store')}`,
        KEY_ENCRYPTION_KEY_FILE: localKeyFile(profile, 'analytics'),
        KEY_ENCRYPTION_KEY_FILE_CREATE: 'true',
      };
    case 'ticket-store':
      return {
        ...common,
        ...keyVault,
        ...ticketContext,
        // The local stack only; a deployment takes it from its secret store.
        DOWNLOAD_LINK_SECRET: 'local-stack-only-download-link-secret',
      };
    case 'redaction-worker':
      // The ticket context's second process: its database, blob store and key file.
      return { ...common, ...keyVault, ...ticketContext };
  }
}
