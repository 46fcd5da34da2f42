import { DynamicModule, Module } from '@nestjs/common';
import { IngestModule, IngestModuleOptions } from '@sieve/ingest-feature';
import { ApiDocsModule } from '@sieve/service-runtime';
import { HealthModule, ReadinessCheck } from '@sieve/telemetry';
import type { GatewayConfig } from './config';
import { AdminKeysController } from './admin-keys.controller';
import { AppConfigController } from './app-config.controller';
import { BatchesController } from './batches.controller';
import { ConversationsController } from './conversations.controller';
import { gatewayOpenApi } from './openapi';
import { RepliesController } from './replies.controller';
import { GATEWAY_CONFIG } from './tokens';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, ingest: IngestModuleOptions, checks: ReadinessCheck[]): DynamicModule {
    return {
      module: GatewayModule,
      imports: [IngestModule.register(ingest), HealthModule.forRoot(checks), ApiDocsModule.serving(gatewayOpenApi())],
      controllers: [ConversationsController, BatchesController, AppConfigController, RepliesController, AdminKeysController],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }],
    };
  }
}
