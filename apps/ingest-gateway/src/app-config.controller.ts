import { Controller, Get, Headers, Inject } from '@nestjs/common';
import { AppAuthenticator, AppConfiguration, AppConfigurations } from '@sieve/ingest-feature';
import type { GatewayConfig } from './config';
import { answering } from './ingest-error.mapper';
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
    return answering(this.config.RETRY_AFTER_SECONDS, async () => this.configurations.of(await this.authenticator.authenticate(appId, apiKey)));
  }
}
