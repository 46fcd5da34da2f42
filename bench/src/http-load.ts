import http from 'node:http';
import { quantile } from './harness';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** The body of request number i (unique bodies defeat deduplication). */
  body?: (i: number) => string;
  concurrency: number;
  durationMs: number;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers by status code; anything but 2xx means the run measured errors. */
  statuses: Record<number, number>;
}

/**
 * A closed-loop load generator: `concurrency` clients, each sending its next request when the last
 * answered, over keep-alive connections, for a fixed time. Bounded in count and time; loopback only.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error('load tests only target this machine');
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let issued = 0;
  const deadline = Date.now() + options.durationMs;
  const started = Date.now();

  const one = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const body = options.body?.(i);
      const t0 = process.hrtime.bigint();
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: options.method ?? 'GET',
          headers: { ...options.headers, ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
            statuses[response.statusCode ?? 0] = (statuses[response.statusCode ?? 0] ?? 0) + 1;
            resolve();
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (Date.now() < deadline) await one(issued++);
    }),
  );
  agent.destroy();
  const seconds = (Date.now() - started) / 1000;
  return { requests: latencies.length, perSecond: latencies.length / seconds, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), statuses };
}
