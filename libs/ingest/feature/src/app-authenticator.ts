import { AppCredential, AppCredentialsRepository } from '@sieve/ingest-data-access';
import { hashApiKey, IngestError } from '@sieve/ingest-domain';
import { Remembered } from './remembered';

export type AppPrincipal = AppCredential;

/**
 * Admits an SDK request on its app id and API key. Every request of an app carries the same key,
 * so the lookup is remembered for half a minute: a revoked key, or an app switched to full
 * privacy, takes effect within that time on every gateway instance.
 */
export class AppAuthenticator {
  private readonly remembered = new Remembered<AppCredential | null>(30_000, 10_000);

  constructor(private readonly credentials: AppCredentialsRepository) {}

  async authenticate(appId: string | undefined, apiKey: string | undefined): Promise<AppPrincipal> {
    if (!appId || !apiKey) {
      throw new IngestError('unauthenticated', 'Send the app id in X-Sieve-App-Id and its API key in X-Sieve-Api-Key.');
    }
    const keyHash = hashApiKey(apiKey);
    const credential = await this.remembered.get(keyHash, () => this.credentials.findByKeyHash(keyHash));
    if (!credential) {
      throw new IngestError('unauthenticated', 'The API key is not valid (unknown or revoked). Check the key configured in the SDK.');
    }
    if (credential.appId !== appId) {
      throw new IngestError('forbidden', 'This API key belongs to another app. Use the key issued for this app id.');
    }
    return credential;
  }

  /** A key was revoked through this instance: it stops working here at once (elsewhere within 30 s). */
  forgetKey(keyHash: string): void {
    this.remembered.forget(keyHash);
  }
}
