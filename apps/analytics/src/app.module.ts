import { DynamicModule, Module } from '@nestjs/common';
import { AnalyticsDependencies, AnalyticsModule } from '@sieve/analytics-feature';
import { ApiDocsModule } from '@sieve/service-runtime';
import { HealthModule, ReadinessCheck } from '@sieve/telemetry';
import { analyticsOpenApi } from './openapi';
import { UsageController } from './usage.controller';

@Module({})
export class AnalyticsAppModule {
  static forRoot(dependencies: AnalyticsDependencies, checks: ReadinessCheck[]): DynamicModule {
    return {
      module: AnalyticsAppModule,
      imports: [AnalyticsModule.register(dependencies), HealthModule.forRoot(checks), ApiDocsModule.serving(analyticsOpenApi())],
      controllers: [UsageController],
    };
  }
}
