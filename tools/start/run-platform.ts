// Runs the five services for `npm start` (tools/start.sh brought the stack up): creates the demo
// brand, starts each service, waits until all are ready, prints how to send the first request.
// Ctrl-C (or SIGTERM) stops the services in order and waits for them.
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { localDatabaseUrl } from '@sieve/config';
import { DEMO_TENANT, provisionTenant, SERVICE_PORTS, ServiceName, serviceEnvironment, SERVICES } from '@sieve/stack';

const workspaceRoot = path.resolve(__dirname, '../../..');
const COLORS = ['\x1b[36m', '\x1b[33m', '\x1b[32m', '\x1b[35m', '\x1b[34m'];
const RESET = '\x1b[0m';

/** Structured log lines, shortened for a terminal: time, level, message, and the fields. */
function pretty(line: string): string {
  try {
    const { time, level, msg, service: _service, ...rest } = JSON.parse(line) as Record<string, unknown>;
    const fields = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    return `${String(time).slice(11, 19)} ${String(level).padEnd(5)} ${String(msg)}${fields}`;
  } catch {
    return line;
  }
}

function startService(name: ServiceName, index: number): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(workspaceRoot, `dist/apps/${name}/src/main.js`)], {
    env: { ...process.env, ...serviceEnvironment(name, 'dev') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `${COLORS[index % COLORS.length]}${name.padEnd(16)}${RESET}|`;
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => console.log(`${prefix} ${pretty(line)}`));
  }
  return child;
}

async function waitUntilReady(name: ServiceName, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}; its log is above`);
    try {
      if ((await fetch(`http://127.0.0.1:${SERVICE_PORTS[name]}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${name} was not ready within 60 s; its log is above`);
}

async function main(): Promise<void> {
  const demo = await provisionTenant({ ingest: localDatabaseUrl('ingest', 'dev'), tickets: localDatabaseUrl('tickets', 'dev') }, DEMO_TENANT);
  const children = SERVICES.map((name, index) => ({ name, child: startService(name, index) }));

  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping the services…');
    await Promise.all(
      children.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    await Promise.all(children.map(({ name, child }) => waitUntilReady(name, child)));
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
  const gateway = `http://127.0.0.1:${SERVICE_PORTS['ingest-gateway']}`;
  const ticketStore = `http://127.0.0.1:${SERVICE_PORTS['ticket-store']}`;
  const body = JSON.stringify({
    // New per start: the SDK's event ids are unique, and a repeated one is answered "duplicate".
    clientEventId: `first-request-${Date.now()}`,
    installId: 'demo-install-1',
    message: { body: 'Hello! My purchase has not arrived.' },
    versions: { sdk: '10.3.0', app: '1.0.0' },
    device: { platform: 'ios' },
  });
  console.log(`
Sieve is running: the five services are ready, with a demo brand "${DEMO_TENANT.tenantName}".

  app id          ${demo.appId}
  SDK API key     ${demo.apiKey}
  agent token     ${demo.staffTokens.agent}

Open a conversation as the SDK would:

  curl -s -X POST ${gateway}/v1/conversations \\
    -H 'content-type: application/json' \\
    -H 'x-sieve-app-id: ${demo.appId}' \\
    -H 'x-sieve-api-key: ${demo.apiKey}' \\
    -d '${body}'

Then read it as an agent, with the conversationId from the answer:

  curl -s ${ticketStore}/v1/conversations/<conversationId> -H 'authorization: Bearer ${demo.staffTokens.agent}'

Health and metrics: /health/live, /health/ready and /metrics on ports ${Object.values(SERVICE_PORTS).join(', ')}.
Press Ctrl-C to stop.
`);
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
