import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { StackProfile } from '@sieve/config';
import { eventually } from '@sieve/testing';
import { SERVICE_PORTS, ServiceName, serviceEnvironment, SERVICES, workspaceRoot } from './profile';

/** Ports of the services under test: apart from `npm start`'s 3001-3005, so both can run. */
const TEST_PORT_BASE = 4100;

export interface RunningProcess {
  name: ServiceName;
  url: string;
  process: ChildProcess;
  /** What the service wrote to stdout and stderr (its structured log), when nobody else takes it. */
  output: string[];
  exitCode?: number | null;
}

export interface PlatformOptions {
  profile: StackProfile;
  /** Kafka topic namespace of this run's own (tests, benchmarks). */
  topicNamespace?: string;
  /** Port of the first service + 1 …; the services' own ports (3001–3005) if omitted. */
  portBase?: number;
  /** Pass this process's environment on (npm start: an OTLP endpoint, say); tests don't. */
  inheritEnvironment?: boolean;
  /** Receives each log line as it comes, instead of it being kept in `output`. */
  onLine?: (service: ServiceName, line: string) => void;
}

/**
 * The real services, as processes built from dist/: what `npm start` runs, and what end-to-end
 * tests and benchmarks run on the test stack under a topic namespace of their own.
 */
export class Platform {
  readonly services = new Map<ServiceName, RunningProcess>();

  constructor(private readonly options: PlatformOptions) {}

  /** The test stack's services on ports of their own, under a topic namespace of this run's own. */
  static forTests(topicNamespace: string): Platform {
    return new Platform({ profile: 'test', topicNamespace, portBase: TEST_PORT_BASE });
  }

  static build(): void {
    execFileSync(process.execPath, [path.join(workspaceRoot, 'tools/build/build.cjs')], { stdio: 'ignore' });
  }

  /** Starts the services and waits until each is ready (or, with `until: 'live'`, merely answering). */
  async start(
    names: readonly ServiceName[] = SERVICES,
    overrides: Partial<Record<ServiceName, Record<string, string>>> = {},
    until: 'ready' | 'live' = 'ready',
  ): Promise<void> {
    const { profile, topicNamespace, portBase, inheritEnvironment, onLine } = this.options;
    const portOf = (service: ServiceName) => (portBase === undefined ? SERVICE_PORTS[service] : portBase + SERVICES.indexOf(service) + 1);
    for (const name of names) {
      const port = portOf(name);
      const env = {
        ...(inheritEnvironment ? process.env : { PATH: process.env.PATH ?? '' }),
        LOG_LEVEL: 'info',
        ...serviceEnvironment(name, profile, portOf),
        HTTP_PORT: String(port),
        ...(topicNamespace ? { KAFKA_TOPIC_NAMESPACE: topicNamespace } : {}),
        ...overrides[name],
      };
      const child = spawn(process.execPath, ['--enable-source-maps', path.join(workspaceRoot, `dist/apps/${name}/src/main.js`)], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const running: RunningProcess = { name, url: `http://127.0.0.1:${port}`, process: child, output: [] };
      for (const stream of [child.stdout, child.stderr]) {
        if (stream) createInterface({ input: stream }).on('line', (line) => (onLine ? onLine(name, line) : running.output.push(`${line}\n`)));
      }
      child.once('exit', (code) => (running.exitCode = code));
      this.services.set(name, running);
    }
    await Promise.all(names.map((name) => this.waitUntil(name, until)));
  }

  url(name: ServiceName): string {
    const service = this.services.get(name);
    if (!service) throw new Error(`${name} was not started`);
    return service.url;
  }

  logs(name?: ServiceName): string {
    return [...this.services.values()].filter((s) => !name || s.name === name).flatMap((s) => s.output).join('');
  }

  async waitUntil(name: ServiceName, state: 'ready' | 'live'): Promise<void> {
    const service = this.services.get(name)!;
    await eventually(
      async () => {
        if (service.exitCode !== undefined) throw new Error(`${name} exited (${service.exitCode}):\n${service.output.join('')}`);
        const response = await fetch(`${service.url}/health/${state}`);
        if (response.status !== 200) throw new Error(`${name} not ${state}: ${await response.text()}`);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    ).catch((error: Error) => {
      if (service.exitCode !== undefined) throw error;
      throw new Error(`${error.message}\n--- ${name} output ---\n${service.output.join('')}`);
    });
  }

  /** Kills a service outright, as a crash would (SIGKILL: nothing finishes, nothing commits), and waits until it is gone. */
  async kill(name: ServiceName): Promise<void> {
    const service = this.services.get(name);
    if (!service) throw new Error(`${name} was not started`);
    if (service.exitCode === undefined) {
      const exited = new Promise<void>((resolve) => service.process.once('exit', () => resolve()));
      service.process.kill('SIGKILL');
      await exited;
    }
    this.services.delete(name);
  }

  /** SIGTERM to each service; resolves with their exit codes. */
  async stop(): Promise<Partial<Record<ServiceName, number | null>>> {
    const codes: Partial<Record<ServiceName, number | null>> = {};
    await Promise.all(
      [...this.services.values()].map(async (service) => {
        if (service.exitCode === undefined) {
          const exited = new Promise<void>((resolve) => service.process.once('exit', () => resolve()));
          service.process.kill('SIGTERM');
          const killTimer = setTimeout(() => service.process.kill('SIGKILL'), 30_000);
          await exited;
          clearTimeout(killTimer);
        }
        codes[service.name] = service.exitCode ?? null;
      }),
    );
    this.services.clear();
    return codes;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted on, not trusted
export type Json = any;

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
