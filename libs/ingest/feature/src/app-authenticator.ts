import { AppCredential, AppCredentialsRepository } from '@sieve/ingest-data-access';
import { hashApiKey, IngestError } from '@sieve/ingest-domain';

export type AppPrincipal = AppCredential;

/** How long a key's answer (its app, or that it is unknown) is reused before PostgreSQL is asked again. */
const REMEMBER_MS = 30_000;
const REMEMBERED_KEYS = 10_000;

/**
 * Admits an SDK request on its app id and API key. Every request of an app carries the same key,
 * so the lookup is remembered for half a minute: a revoked key, or an app switched to full
 * privacy, takes effect within that time on every gateway instance.
 */
export class AppAuthenticator {
  private readonly remembered = new Map<string, { credential: AppCredential | null; until: number }>();

  constructor(private readonly credentials: AppCredentialsRepository) {}

  async authenticate(appId: string | undefined, apiKey: string | undefined): Promise<AppPrincipal> {
    if (!appId || !apiKey) {
      throw new IngestError('unauthenticated', 'Send the app id in X-Sieve-App-Id and its API key in X-Sieve-Api-Key.');
    }
    const credential = await this.lookUp(hashApiKey(apiKey));
    if (!credential) {
      throw new IngestError('unauthenticated', 'The API key is not valid (unknown or revoked). Check the key configured in the SDK.');
    }
    if (credential.appId !== appId) {
      throw new IngestError('forbidden', 'This API key belongs to another app. Use the key issued for this app id.');
    }
    return credential;
  }

  private async lookUp(keyHash: string): Promise<AppCredential | null> {
    const now = Date.now();
    const known = this.remembered.get(keyHash);
    if (known && known.until > now) return known.credential;
    const credential = await this.credentials.findByKeyHash(keyHash);
    // A bounded memory: past the bound, the oldest entries go first (Map keeps insertion order).
    if (this.remembered.size >= REMEMBERED_KEYS) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.delete(keyHash);
    this.remembered.set(keyHash, { credential, until: now + REMEMBER_MS });
    return credential;
  }
}
