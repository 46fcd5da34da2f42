import { DynamicModule, Module } from '@nestjs/common';
import { HealthModule, ReadinessCheck } from '@sieve/telemetry';

@Module({})
export class AnalyticsModule {
  static forRoot(checks: ReadinessCheck[]): DynamicModule {
    return { module: AnalyticsModule, imports: [HealthModule.forRoot(checks)] };
  }
}
