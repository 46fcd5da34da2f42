import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppCredentialsRepository } from '@sieve/ingest-data-access';
import { generateApiKey, hashApiKey, IngestError } from '@sieve/ingest-domain';
import { StaffDirectory, StaffDirectoryUnavailableError, StaffIdentity } from '@sieve/service-runtime';
import { AppAuthenticator } from './app-authenticator';

export interface AppKeyView {
  id: string;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * A brand admin's API keys of the brand's apps: list them, issue one (shown once; only its hash is
 * kept), revoke one. Rotating a key is issuing a new one, deploying it in the app, then revoking
 * the old: the last live key of an app can't be revoked.
 */
export class ManageAppKeysUseCase {
  constructor(
    private readonly credentials: AppCredentialsRepository,
    private readonly staff: StaffDirectory,
    private readonly authenticator: AppAuthenticator,
  ) {}

  async list(authorization: string | undefined, appId: string): Promise<AppKeyView[]> {
    await this.adminOf(authorization, appId);
    return (await this.credentials.keysOf(appId)).map(({ id, createdAt, revokedAt }) => ({ id, createdAt: createdAt.toISOString(), revokedAt: revokedAt?.toISOString() ?? null }));
  }

  async issue(authorization: string | undefined, appId: string): Promise<AppKeyView & { key: string }> {
    await this.adminOf(authorization, appId);
    const key = generateApiKey();
    const stored = await this.credentials.addKey(appId, { id: randomUUID(), keyHash: hashApiKey(key) });
    return { id: stored.id, createdAt: stored.createdAt.toISOString(), revokedAt: null, key };
  }

  async revoke(authorization: string | undefined, appId: string, keyId: string): Promise<void> {
    await this.adminOf(authorization, appId);
    const outcome = await this.credentials.revokeKey(appId, keyId);
    if (outcome === 'not-found') throw new IngestError('not-found', `No live key ${keyId} of app ${appId}.`);
    if (outcome === 'last-live-key') throw new IngestError('invalid-request', `Key ${keyId} is the app's last live key: issue a new key, deploy it in the app, then revoke this one.`);
    this.authenticator.forgetKey(outcome.keyHash);
  }

  /** An admin of the brand that owns the app; another brand's app is "not found" (its existence is not confirmed). */
  private async adminOf(authorization: string | undefined, appId: string): Promise<StaffIdentity> {
    if (!authorization?.startsWith('Bearer ')) throw new IngestError('unauthenticated', 'Send a brand admin’s staff token as "Authorization: Bearer <token>".');
    let staff: StaffIdentity | null;
    try {
      staff = await this.staff.whoIs(authorization);
    } catch (error) {
      if (error instanceof StaffDirectoryUnavailableError) throw new IngestError('dependency-unavailable', 'Staff tokens can’t be checked right now (the ticket store does not answer). Retry shortly.');
      throw error;
    }
    if (!staff) throw new IngestError('unauthenticated', 'The staff token is not valid. Ask a brand admin for a new one.');
    if (staff.role !== 'admin') throw new IngestError('forbidden', `Only a brand admin manages API keys; the ${staff.role} role cannot.`);
    if (!z.uuid().safeParse(appId).success) throw new IngestError('invalid-request', 'The app id in the path must be a UUID.', ['appId']);
    if ((await this.credentials.tenantOf(appId)) !== staff.tenantId) throw new IngestError('not-found', `No app ${appId} in this brand.`);
    return staff;
  }
}
