import { CustomFieldsRepository } from '@sieve/ingest-data-access';
import { CustomFieldDefinition, customFieldProblems, IngestError } from '@sieve/ingest-domain';
import { AppPrincipal } from './app-authenticator';
import { Remembered } from './remembered';

/** What an SDK needs to know of its app: whether it may send custom data, and which fields. */
export interface AppConfiguration {
  appId: string;
  fullPrivacy: boolean;
  /** Empty under full privacy: the SDK then sends no custom data at all. */
  customFields: CustomFieldDefinition[];
}

/**
 * Apps' configuration for their SDKs, and the check of custom field values against it. Remembered
 * for half a minute per app: a changed field reaches every gateway instance within that time.
 */
export class AppConfigurations {
  private readonly fields = new Remembered<CustomFieldDefinition[]>(30_000, 10_000);

  constructor(private readonly repository: CustomFieldsRepository) {}

  async of(app: AppPrincipal): Promise<AppConfiguration> {
    return { appId: app.appId, fullPrivacy: app.fullPrivacy, customFields: app.fullPrivacy ? [] : await this.fieldsOf(app.appId) };
  }

  /** A 400 naming each custom field whose value doesn't fit the app's definitions (unknown, wrong type, missing). */
  async checkCustomFields(app: AppPrincipal, values: Record<string, unknown> | undefined): Promise<void> {
    const problems = customFieldProblems(await this.fieldsOf(app.appId), values);
    if (problems.length === 0) return;
    throw new IngestError(
      'invalid-request',
      `The custom fields don't fit this app's definitions (GET /v1/app-config lists them): ${problems.map(({ field, problem }) => `${field}: ${problem}`).join('; ')}.`,
      problems.map(({ field }) => field),
    );
  }

  private fieldsOf(appId: string): Promise<CustomFieldDefinition[]> {
    return this.fields.get(appId, () => this.repository.fieldsOf(appId));
  }
}
