import { DynamicModule, Module } from '@nestjs/common';
import { HealthModule, ReadinessCheck } from '@sieve/telemetry';

/** The classifier's HTTP edge is health and metrics only; its work arrives over Kafka. */
@Module({})
export class ClassifierModule {
  static forRoot(checks: ReadinessCheck[]): DynamicModule {
    return { module: ClassifierModule, imports: [HealthModule.forRoot(checks)] };
  }
}
