import { Controller, Delete, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { AppKeyView, ManageAppKeysUseCase } from '@sieve/ingest-feature';
import type { GatewayConfig } from './config';
import { answering } from './ingest-error.mapper';
import { GATEWAY_CONFIG } from './tokens';

/** The admin API for an app's SDK keys: brand admins, with their staff token (checked with the ticket store). */
@Controller('v1/admin/apps/:appId/keys')
export class AdminKeysController {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly keys: ManageAppKeysUseCase,
  ) {}

  @Get()
  list(@Headers('authorization') authorization: string | undefined, @Param('appId') appId: string): Promise<AppKeyView[]> {
    return answering(this.config.RETRY_AFTER_SECONDS, () => this.keys.list(authorization, appId));
  }

  @Post()
  @HttpCode(201)
  issue(@Headers('authorization') authorization: string | undefined, @Param('appId') appId: string): Promise<AppKeyView & { key: string }> {
    return answering(this.config.RETRY_AFTER_SECONDS, () => this.keys.issue(authorization, appId));
  }

  @Delete(':keyId')
  @HttpCode(204)
  revoke(@Headers('authorization') authorization: string | undefined, @Param('appId') appId: string, @Param('keyId') keyId: string): Promise<void> {
    return answering(this.config.RETRY_AFTER_SECONDS, () => this.keys.revoke(authorization, appId, keyId));
  }
}
