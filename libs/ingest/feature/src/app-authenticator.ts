import { AppCredential, AppCredentialsRepository } from '@sieve/ingest-data-access';
import { hashApiKey, IngestError } from '@sieve/ingest-domain';

export type AppPrincipal = AppCredential;

/** Admits an SDK request on its app id and API key. */
export class AppAuthenticator {
  constructor(private readonly credentials: AppCredentialsRepository) {}

  async authenticate(appId: string | undefined, apiKey: string | undefined): Promise<AppPrincipal> {
    if (!appId || !apiKey) {
      throw new IngestError('unauthenticated', 'Send the app id in X-Sieve-App-Id and its API key in X-Sieve-Api-Key.');
    }
    const credential = await this.credentials.findByKeyHash(hashApiKey(apiKey));
    if (!credential) {
      throw new IngestError('unauthenticated', 'The API key is not valid (unknown or revoked). Check the key configured in the SDK.');
    }
    if (credential.appId !== appId) {
      throw new IngestError('forbidden', 'This API key belongs to another app. Use the key issued for this app id.');
    }
    return credential;
  }
}
