// Runs the five services for `npm start` (tools/start.sh brought the stack up): creates the demo
// brand, starts each service, waits until all are ready, prints how to send the first request.
// Ctrl-C (or SIGTERM) stops the services in order and waits for them.
import { localDatabaseUrl } from '@sieve/config';
import { DEMO_TENANT, Platform, provisionTenant, SERVICE_PORTS, SERVICES } from '@sieve/stack';

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

async function main(): Promise<void> {
  const demo = await provisionTenant({ ingest: localDatabaseUrl('ingest', 'dev'), tickets: localDatabaseUrl('tickets', 'dev') }, DEMO_TENANT);
  const platform = new Platform({
    profile: 'dev',
    inheritEnvironment: true,
    onLine: (name, line) => {
      const color = COLORS[SERVICES.indexOf(name) % COLORS.length];
      console.log(`${color}${name.padEnd(16)}${RESET}| ${pretty(line)}`);
    },
  });

  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping the services…');
    await platform.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    await platform.start();
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}; the service logs are above`);
    await stopAll(1);
  }
  const gateway = `http://127.0.0.1:${SERVICE_PORTS['ingest-gateway']}`;
  const ticketStore = `http://127.0.0.1:${SERVICE_PORTS['ticket-store']}`;
  const analytics = `http://127.0.0.1:${SERVICE_PORTS.analytics}`;
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
  billing token   ${demo.staffTokens.billing}

Open a conversation as the SDK would:

  curl -s -X POST ${gateway}/v1/conversations \\
    -H 'content-type: application/json' \\
    -H 'x-sieve-app-id: ${demo.appId}' \\
    -H 'x-sieve-api-key: ${demo.apiKey}' \\
    -d '${body}'

Then read it as an agent, with the conversationId from the answer:

  curl -s ${ticketStore}/v1/conversations/<conversationId> -H 'authorization: Bearer ${demo.staffTokens.agent}'

Count the demo install's usage (a session event), then read this month's active installs as billing:

  curl -s -X POST ${gateway}/v1/batches -H 'content-type: application/json' \\
    -H 'x-sieve-app-id: ${demo.appId}' -H 'x-sieve-api-key: ${demo.apiKey}' \\
    -d '{"installId":"demo-install-1","versions":{"sdk":"10.3.0"},"events":[{"type":"session","clientEventId":"session-${Date.now()}","eventTime":"${new Date().toISOString()}","kind":"session-start"}]}'
  curl -s '${analytics}/v1/usage/active-installs?granularity=month&from=${new Date().toISOString().slice(0, 7)}&to=${new Date().toISOString().slice(0, 7)}' -H 'authorization: Bearer ${demo.staffTokens.billing}'

Health and metrics: /health/live, /health/ready and /metrics on ports ${Object.values(SERVICE_PORTS).join(', ')}.
Press Ctrl-C to stop.
`);
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
