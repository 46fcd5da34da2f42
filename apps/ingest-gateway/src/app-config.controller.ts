import { Controller, Get, Headers, Inject } from '@nestjs/common';
import { IngestError } from '@sieve/ingest-domain';
import { AppAuthenticator, AppConfiguration, AppConfigurations } from '@sieve/ingest-feature';
import type { GatewayConfig } from './config';
import { toHttpException } from './ingest-error.mapper';
import { GATEWAY_CONFIG } from './tokens';

@Controller('v1/app-config')
export class AppConfigController {
  constructor(
    private readonly authenticator: AppAuthenticator,
    private readonly configurations: AppConfigurations,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** What the SDK must know of its app: full privacy, and the custom issue fields to offer. */
  @Get()
  async get(@Headers('x-sieve-app-id') appId: string | undefined, @Headers('x-sieve-api-key') apiKey: string | undefined): Promise<AppConfiguration> {
    try {
      return await this.configurations.of(await this.authenticator.authenticate(appId, apiKey));
    } catch (error) {
      throw error instanceof IngestError ? toHttpException(error, this.config.RETRY_AFTER_SECONDS) : error;
    }
  }
}
