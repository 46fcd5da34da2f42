import { Controller, Get, Header, Inject, Module, DynamicModule, ServiceUnavailableException } from '@nestjs/common';
import { metricsRegistry } from './metrics';

/** One dependency the app needs to serve: Kafka, PostgreSQL, Redis, as the app uses them. */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves when the dependency answers; rejects (or times out) when it doesn't. */
  check(): Promise<void>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
const CHECK_TIMEOUT_MS = 2_000;

async function runCheck(check: ReadinessCheck): Promise<{ name: string; ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check.check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { name: check.name, ok: true };
  } catch (error) {
    return { name: check.name, ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

@Controller()
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  /** The process is up and its event loop answers; restart it if not. */
  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Every dependency answers; take the instance out of rotation if not. */
  @Get('health/ready')
  async ready(): Promise<{ status: 'ready'; checks: Record<string, 'up'> }> {
    const results = await Promise.all(this.checks.map(runCheck));
    const failed = results.filter((result) => !result.ok);
    if (failed.length > 0) {
      throw new ServiceUnavailableException({
        error: {
          code: 'not-ready',
          message: `Not ready: ${failed.map((r) => `${r.name} is down (${r.error})`).join('; ')}.`,
          checks: Object.fromEntries(results.map((r) => [r.name, r.ok ? 'up' : `down: ${r.error}`])),
        },
      });
    }
    return { status: 'ready', checks: Object.fromEntries(results.map((r) => [r.name, 'up' as const])) };
  }

  @Get('metrics')
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}

@Module({})
export class HealthModule {
  static forRoot(checks: ReadinessCheck[]): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [{ provide: READINESS_CHECKS, useValue: checks }],
    };
  }
}
