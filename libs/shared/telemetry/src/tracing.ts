import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';
import { z } from 'zod';
import { parseConfig, serviceConfigShape } from '@sieve/config';

export interface TracingOptions {
  serviceName: string;
  /** Export spans over OTLP/HTTP here; without one spans are created and propagated, not exported. */
  otlpEndpoint?: string;
  /**
   * A span per Redis command (default true). A service that sends Redis commands per event rather
   * than per request turns it off: the spans would cost more than the commands.
   */
  redisCommandSpans?: boolean;
}

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry. Must run before NestJS, pg or ioredis are loaded (each app's
 * `instrument.ts`), or their modules are not patched.
 */
export function startTracing({ serviceName, otlpEndpoint, redisCommandSpans = true }: TracingOptions): void {
  if (sdk) return;
  sdk = new NodeSDK({
    serviceName,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => /^\/(health|metrics)/.test(request.url ?? '') }),
      new PgInstrumentation(),
      ...(redisCommandSpans ? [new IORedisInstrumentation()] : []),
    ],
    // Metrics are served by prom-client at /metrics and logs go to stdout: OTel exports traces only.
    metricReaders: [],
    logRecordProcessors: [],
    // No endpoint: keep a tracer (so trace ids reach logs and Kafka headers) but export nothing,
    // instead of the SDK's default of retrying a collector on localhost that isn't there. (With no
    // processor at all the SDK registers no tracer, and traces would not propagate.)
    ...(otlpEndpoint ? {} : { spanProcessors: [new tracing.NoopSpanProcessor()] }),
  });
  sdk.start();
}

/** For each app's instrument.ts: tracing configured from the app's environment. */
export function startTracingFor(serviceName: string, options: Pick<TracingOptions, 'redisCommandSpans'> = {}): void {
  const { OTEL_EXPORTER_OTLP_ENDPOINT } = parseConfig(serviceName, z.object(serviceConfigShape));
  startTracing({ serviceName, otlpEndpoint: OTEL_EXPORTER_OTLP_ENDPOINT, ...options });
}

export async function stopTracing(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}
