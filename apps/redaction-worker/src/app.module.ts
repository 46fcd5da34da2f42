import { DynamicModule, Module } from '@nestjs/common';
import { HealthModule, ReadinessCheck } from '@sieve/telemetry';

@Module({})
export class RedactionWorkerModule {
  static forRoot(checks: ReadinessCheck[]): DynamicModule {
    return { module: RedactionWorkerModule, imports: [HealthModule.forRoot(checks)] };
  }
}
