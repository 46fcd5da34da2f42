import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyPluginAsync, FastifyPluginCallback } from 'fastify';
import { collectProcessMetrics, HealthModule, Logger, PinoNestLogger, ReadinessCheck, stopTracing } from '@sieve/telemetry';
import { HttpErrorsFilter } from './http-errors.filter';

/** Something that runs in the background of a service, like a Kafka consumer. */
export interface Worker {
  start(): Promise<void>;
  /** Finish what is in hand and let go; called before resources close. */
  stop(): Promise<void>;
}

/** A client the service closes last: producers, data sources, Redis. */
export interface Resource {
  name: string;
  close(): Promise<void>;
}

export interface ServiceDefinition {
  name: string;
  port: number;
  host?: string;
  logger: Logger;
  module: Type | DynamicModule;
  bodyLimitBytes?: number;
  /** Routes whose JSON bodies may be larger (or must be smaller) than bodyLimitBytes, by path: `{ '/v1/batches': 524288 }`. */
  bodyLimitsByRoute?: Record<string, number>;
  /**
   * Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed: request.ip is then the
   * first address, from the right, that is not one of them. None by default: the socket's peer.
   */
  trustedProxies?: readonly string[];
  /** Fastify plugins the HTTP edge needs (multipart uploads, say), registered before it listens. */
  fastifyPlugins?: { plugin: FastifyPluginAsync<never> | FastifyPluginCallback<never>; options?: Record<string, unknown> }[];
  workers?: Worker[];
  resources?: Resource[];
}

export interface RunningService {
  app: INestApplication;
  url: string;
  /** The same orderly stop SIGTERM triggers. */
  stop(): Promise<void>;
}

/**
 * A service whose work arrives over Kafka: its HTTP edge is health and metrics only, ready when
 * `readiness` passes.
 */
export function startWorkerService(definition: Omit<ServiceDefinition, 'module'> & { readiness: ReadinessCheck[] }): Promise<RunningService> {
  const { readiness, ...rest } = definition;
  return startService({ ...rest, module: HealthModule.forRoot(readiness) });
}

/**
 * Boots a NestJS service on Fastify: HTTP first (health and metrics answer while workers start),
 * then workers. On SIGTERM or SIGINT: workers stop (a consumer finishes its batch, commits and
 * leaves its group), then HTTP, then resources, then the process exits.
 */
export async function startService(definition: ServiceDefinition): Promise<RunningService> {
  const { logger } = definition;
  collectProcessMetrics(definition.name);
  const adapter = new FastifyAdapter({
    bodyLimit: definition.bodyLimitBytes ?? 1024 * 1024,
    // Request logging would record client addresses; the gateway must never log them.
    logger: false,
    trustProxy: definition.trustedProxies?.length ? [...definition.trustedProxies] : false,
  });
  const routeLimits = definition.bodyLimitsByRoute ?? {};
  adapter.getInstance().addHook('onRoute', (route) => {
    const limit = routeLimits[route.url];
    if (limit !== undefined) route.bodyLimit = limit;
  });
  const app = await NestFactory.create<NestFastifyApplication>(definition.module, adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.useGlobalFilters(new HttpErrorsFilter(logger));
  for (const { plugin, options } of definition.fastifyPlugins ?? []) await app.register(plugin as never, options as never);
  await app.listen(definition.port, definition.host ?? '127.0.0.1');
  const url = await app.getUrl();

  const workers = definition.workers ?? [];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutting down');
      const timings: Record<string, number> = {};
      const timed = async (phase: string, work: () => Promise<unknown>) => {
        const started = Date.now();
        await work().catch((error: unknown) => logger.error({ err: error, phase }, 'did not stop cleanly'));
        timings[phase] = Date.now() - started;
      };
      // At once: each finishes what it has in hand, none waits for another's (`timed` logs a failure, so none cuts the others short).
      await Promise.all(workers.map((worker) => timed('workers', () => worker.stop())));
      await timed('http', () => closeHttp(app));
      for (const resource of [...(definition.resources ?? [])].reverse()) await timed(resource.name, () => resource.close());
      await timed('tracing', stopTracing);
      logger.info({ shutdownMs: timings }, 'stopped');
      logger.flush();
    })());

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }

  for (const worker of workers) await worker.start();
  logger.info({ url }, `${definition.name} is up`);
  return { app, url, stop };
}

/** Runs a service's main; a failure to start is printed with its stack and exits non-zero. */
export function runMain(service: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${service} failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}

/** How long requests in flight may take to finish once the service stops, before their connections are cut. */
const HTTP_CLOSE_GRACE_MS = 10_000;

/**
 * Stops taking requests and waits for those in flight, then cuts what is left: a connection whose
 * request was answered before its body was read (an upload refused as too large, say) is never
 * idle, and would hold the stop until the orchestrator kills the process.
 */
async function closeHttp(app: NestFastifyApplication): Promise<void> {
  const server = app.getHttpServer() as import('node:http').Server;
  const cut = setTimeout(() => server.closeAllConnections(), HTTP_CLOSE_GRACE_MS);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}
