// Checks the deployment descriptions against the code they run: docker-compose.yml and the Kubernetes
// manifests must give every service an environment its own config schema accepts, on its own port,
// and the Dockerfile must build what they reference. No container engine is needed: files are parsed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import type { ZodObject } from 'zod';
import { TopicName, TopicPartitions, Topics } from '@sieve/contracts';
import { prepareConfigSchema, SERVICE_PORTS, SERVICES, ServiceName, serviceEnvironment } from '@sieve/stack';
/* eslint-disable @nx/enforce-module-boundaries -- apps have no import alias, and nothing else may
   import them; this test checks the deployment against each app's own config schema, so it does. */
import { analyticsConfigSchema } from '../apps/analytics/src/config';
import { gatewayConfigSchema } from '../apps/ingest-gateway/src/config';
import { classifierConfigSchema } from '../apps/pii-classifier/src/config';
import { redactionWorkerConfigSchema } from '../apps/redaction-worker/src/config';
import { ticketStoreConfigSchema } from '../apps/ticket-store/src/config';
/* eslint-enable @nx/enforce-module-boundaries */

const root = join(__dirname, '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

const schemas: Record<ServiceName, ZodObject> = {
  'ingest-gateway': gatewayConfigSchema,
  'pii-classifier': classifierConfigSchema,
  'ticket-store': ticketStoreConfigSchema,
  analytics: analyticsConfigSchema,
  'redaction-worker': redactionWorkerConfigSchema,
};

/** The topic each consumer's group reads (checked against its main.ts below). */
const consumedTopics: Partial<Record<ServiceName, keyof typeof Topics>> = {
  'pii-classifier': 'sdkRaw',
  'ticket-store': 'support',
  analytics: 'usage',
  'redaction-worker': 'redactionRequests',
};
const consumers = Object.keys(consumedTopics) as ServiceName[];

/** Variables a schema has no default for: leaving one unset makes the service refuse to start. */
function requiredVariables(schema: ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([name]) => name);
}

/** Parses an environment the way the service will, and returns the issues (none when valid). */
function configIssues(service: ServiceName, environment: Record<string, string>): string[] {
  const result = schemas[service].safeParse(environment);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the services this file checks', () => {
  it('are the five apps, each with a main.ts the image can run', () => {
    expect([...SERVICES].sort()).toEqual(Object.keys(schemas).sort());
    for (const service of SERVICES) expect(existsSync(join(root, 'apps', service, 'src/main.ts'))).toBe(true);
  });

  it('have schemas with required variables, so accepting an environment means something', () => {
    for (const service of SERVICES) {
      expect(requiredVariables(schemas[service])).toContain('KAFKA_BROKERS');
      expect(configIssues(service, {})).not.toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// docker-compose.yml
// ---------------------------------------------------------------------------------------------------

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; target?: string; args?: Record<string, string> };
  command?: string[] | string;
  environment?: Record<string, unknown>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
}

describe('docker-compose.yml', () => {
  // Compose resolves `<<` merge keys (used for the shared blocks), so the test must too.
  const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };
  const services = compose.services;
  const app = (service: ServiceName): ComposeService => services[service];
  const environment = (service: ServiceName): Record<string, string> => app(service).environment as Record<string, string>;

  it('builds each service from the one Dockerfile with its APP, in its runtime stage', () => {
    for (const service of SERVICES) {
      const build = app(service)?.build;
      expect(build).toEqual({ context: '.', dockerfile: 'deploy/docker/Dockerfile', args: { APP: service } });
      expect(existsSync(join(root, build!.context, build!.dockerfile))).toBe(true);
    }
  });

  it('runs Kafka, PostgreSQL and Redis from their official images', () => {
    expect(services.kafka.image).toBe('apache/kafka:4.1.1');
    expect(services.postgres.image).toBe('postgres:16');
    expect(services.redis.image).toBe('redis:7');
  });

  it('runs Kafka as a single-node KRaft broker that never creates topics on its own', () => {
    const env = services.kafka.environment as Record<string, string>;
    expect(env.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(env.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(`${env.KAFKA_NODE_ID}@kafka:9093`);
    expect(env.KAFKA_LISTENERS.split(',').sort()).toEqual(['CONTROLLER://:9093', 'PLAINTEXT://:9092']);
    expect(env.KAFKA_ADVERTISED_LISTENERS).toBe('PLAINTEXT://kafka:9092');
    expect(env.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    const replicationFactors = Object.entries(env).filter(([name]) => name.endsWith('REPLICATION_FACTOR'));
    expect(replicationFactors.length).toBeGreaterThanOrEqual(2);
    for (const [, value] of replicationFactors) expect(value).toBe('1');
  });

  it('gives every service every variable its config schema requires, and an environment it accepts', () => {
    for (const service of SERVICES) {
      const env = environment(service);
      for (const value of Object.values(env)) expect(typeof value).toBe('string'); // no YAML numbers or booleans
      for (const variable of requiredVariables(schemas[service])) expect(env[variable]).toEqual(expect.any(String));
      expect(configIssues(service, env)).toEqual([]);
      // Everything the local stack gives it, too (tools/stack/profile.ts).
      expect(Object.keys(env)).toEqual(expect.arrayContaining(Object.keys(serviceEnvironment(service, 'dev'))));
      // The schema's default host would not be reachable from outside the container.
      expect(env.HTTP_HOST).toBe('0.0.0.0');
    }
  });

  it('points services at the compose hosts, with the same database per context as the local stack', () => {
    for (const service of SERVICES) {
      const env = environment(service);
      expect(env.KAFKA_BROKERS).toBe('kafka:9092');
      const local = serviceEnvironment(service, 'dev');
      for (const variable of ['DATABASE_URL', 'KEY_VAULT_DATABASE_URL'] as const) {
        if (env[variable] === undefined) continue;
        const url = new URL(env[variable]);
        expect(url.hostname).toBe('postgres');
        expect(url.pathname).toBe(new URL(local[variable]).pathname);
      }
      if (env.REDIS_URL !== undefined) expect(new URL(env.REDIS_URL).hostname).toBe('redis');
    }
  });

  it('publishes each service on the port it listens on', () => {
    for (const service of SERVICES) {
      const port = schemas[service].parse(environment(service)).HTTP_PORT;
      expect(port).toBe(SERVICE_PORTS[service]);
      expect(app(service).ports).toEqual([`${port}:${port}`]);
    }
  });

  it('starts nothing before what it depends on is healthy or done', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [target, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect({ name, target, exists: target in services }).toEqual({ name, target, exists: true });
        if (condition === 'service_healthy') expect(services[target].healthcheck).toBeDefined();
        else expect(condition).toBe('service_completed_successfully');
      }
    }
    for (const service of SERVICES) {
      const dependsOn = app(service).depends_on ?? {};
      expect(dependsOn.kafka?.condition).toBe('service_healthy');
      expect(dependsOn['stack-init']?.condition).toBe('service_completed_successfully');
      if (environment(service).DATABASE_URL || environment(service).KEY_VAULT_DATABASE_URL) expect(dependsOn.postgres?.condition).toBe('service_healthy');
      if (environment(service).REDIS_URL) expect(dependsOn.redis?.condition).toBe('service_healthy');
    }
  });

  it('health-checks every service on /health/live of its own port', () => {
    for (const service of SERVICES) {
      const test = [app(service).healthcheck?.test ?? []].flat().join(' ');
      expect(test).toContain('/health/live');
      expect(test).toContain('process.env.HTTP_PORT');
    }
  });

  describe('stack-init', () => {
    const init = services['stack-init'];

    it('runs prepare.js from the build stage, where tools/ are compiled', () => {
      expect(init.build).toEqual({ context: '.', dockerfile: 'deploy/docker/Dockerfile', target: 'build' });
      expect(init.command).toEqual(['node', 'dist/tools/stack/prepare.js']);
    });

    it('prepares exactly the broker and databases the services use', () => {
      const parsed = prepareConfigSchema.safeParse(init.environment);
      expect(parsed.success).toBe(true);
      const config = parsed.data!;
      expect(config.brokers).toEqual([environment('pii-classifier').KAFKA_BROKERS]);
      expect(config.ingestDatabaseUrl).toBe(environment('ingest-gateway').DATABASE_URL);
      expect(config.ticketsDatabaseUrl).toBe(environment('ticket-store').DATABASE_URL);
      expect(config.ticketsDatabaseUrl).toBe(environment('redaction-worker').DATABASE_URL);
      expect(config.keyVaultDatabaseUrl).toBe(environment('pii-classifier').KEY_VAULT_DATABASE_URL);
    });
  });

  it('creates, at PostgreSQL init, exactly the databases the services use', () => {
    expect(services.postgres.volumes).toContainEqual(
      expect.stringMatching(/^\.\/deploy\/compose\/init-databases\.sql:\/docker-entrypoint-initdb\.d\/[\w-]+\.sql(:ro)?$/),
    );
    const created = [...read('deploy/compose/init-databases.sql').matchAll(/^\s*CREATE DATABASE (\w+);/gim)].map(([, name]) => name);
    const used = SERVICES.flatMap((service) => [environment(service).DATABASE_URL, environment(service).KEY_VAULT_DATABASE_URL])
      .filter((url): url is string => url !== undefined)
      .map((url) => new URL(url).pathname.slice(1));
    expect(created.sort()).toEqual([...new Set(used)].sort());
  });
});

// ---------------------------------------------------------------------------------------------------
// deploy/docker/Dockerfile and .dockerignore
// ---------------------------------------------------------------------------------------------------

describe('deploy/docker/Dockerfile', () => {
  // Instructions with their continuation lines joined, comments dropped.
  const instructions = read('deploy/docker/Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const globalArgs = new Map(
    instructions
      .slice(0, instructions.findIndex((line) => line.startsWith('FROM ')))
      .map((line) => /^ARG (\w+)=(\S+)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map(([, name, value]) => [name, value]),
  );
  const stages = instructions.reduce<{ image: string; name: string; lines: string[] }[]>((all, line) => {
    const from = /^FROM (\S+)(?: AS (\S+))?$/i.exec(line);
    if (from) {
      const image = from[1].replace(/^\$\{(\w+)\}$/, (_, arg: string) => globalArgs.get(arg) ?? arg);
      all.push({ image, name: from[2] ?? '', lines: [] });
    } else all.at(-1)?.lines.push(line);
    return all;
  }, []);
  const stage = (name: string) => stages.find((candidate) => candidate.name === name);
  const runtime = stages.at(-1)!;

  it('builds on node:20-bookworm-slim in every stage', () => {
    expect(stages.length).toBe(3);
    for (const { image } of stages) expect(image).toBe('node:20-bookworm-slim');
  });

  it('has a build stage that installs everything and compiles with tools/build/build.cjs', () => {
    const lines = stage('build')?.lines.join('\n') ?? '';
    expect(lines).toMatch(/^RUN .*\bnpm ci\b(?!.*--omit)/m);
    expect(lines).toMatch(/^RUN node tools\/build\/build\.cjs$/m);
  });

  it('has a prod-deps stage with runtime dependencies only, which the runtime copies', () => {
    expect(stage('prod-deps')?.lines.join('\n')).toMatch(/^RUN .*\bnpm ci --omit=dev\b/m);
    expect(runtime.lines).toContain('COPY --from=prod-deps /app/node_modules ./node_modules');
    expect(runtime.lines).toContain('COPY --from=build /app/dist ./dist');
  });

  it('runs the APP given at build time, as the non-root node user, in production mode', () => {
    expect(runtime.lines).toContain('ARG APP');
    const env = runtime.lines.filter((line) => line.startsWith('ENV ')).join(' ');
    expect(env).toMatch(/\bNODE_ENV=production\b/);
    expect(env).toMatch(/\bAPP=\$\{APP\}/);
    expect(env).toMatch(/\bHTTP_HOST=0\.0\.0\.0\b/);
    const users = runtime.lines.filter((line) => line.startsWith('USER '));
    expect(users.at(-1)).toBe('USER node');
    expect(runtime.lines.at(-1)).toBe('CMD ["sh", "-c", "exec node dist/apps/$APP/src/main.js"]');
  });

  it('health-checks /health/live on HTTP_PORT', () => {
    const healthcheck = runtime.lines.find((line) => line.startsWith('HEALTHCHECK ')) ?? '';
    expect(healthcheck).toContain("'http://127.0.0.1:' + process.env.HTTP_PORT + '/health/live'");
  });

  it('is built from a context without host dependencies or build output', () => {
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.cache', '.nx', '.git', 'coverage', 'bench/results']));
  });
});

// ---------------------------------------------------------------------------------------------------
// deploy/k8s
// ---------------------------------------------------------------------------------------------------

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { configMapKeyRef?: { name: string; key: string }; secretKeyRef?: { name: string; key: string } };
}
interface Container {
  name: string;
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}
interface Resource {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    template?: { metadata: { labels: Record<string, string> }; spec: { containers: Container[]; securityContext?: { runAsNonRoot?: boolean } } };
    ports?: { port: number; targetPort: string | number }[];
    scaleTargetRef?: { kind: string; name: string };
    minReplicas?: number;
    maxReplicas?: number;
  };
}

describe('deploy/k8s', () => {
  const dir = 'deploy/k8s';
  const files = readdirSync(join(root, dir)).filter((file) => file.endsWith('.yaml'));
  const resources: Resource[] = files.flatMap((file) =>
    parseAllDocuments(read(join(dir, file))).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file} does not parse: ${document.errors[0].message}`);
      return { ...(document.toJS() as Resource), file };
    }),
  );
  const ofKind = (kind: string) => resources.filter((resource) => resource.kind === kind);
  const named = (kind: string, name: string) => ofKind(kind).find((resource) => resource.metadata.name === name);
  const namespace = ofKind('Namespace')[0]?.metadata.name;

  it('has a namespace, and puts everything else in it', () => {
    expect(ofKind('Namespace').length).toBe(1);
    for (const resource of resources.filter((candidate) => candidate.kind !== 'Namespace')) {
      expect(`${resource.kind}/${resource.metadata.name}: ${resource.metadata.namespace}`).toBe(
        `${resource.kind}/${resource.metadata.name}: ${namespace}`,
      );
    }
  });

  it('has one Deployment and one Service per service, in <app>.yaml', () => {
    expect(ofKind('Deployment').map((resource) => resource.metadata.name).sort()).toEqual([...SERVICES].sort());
    expect(ofKind('Service').map((resource) => resource.metadata.name).sort()).toEqual([...SERVICES].sort());
    for (const service of SERVICES) {
      const inFile = resources.filter((resource) => resource.file === `${service}.yaml`);
      expect(inFile.map((resource) => resource.kind).sort()).toEqual(['Deployment', 'Service']);
    }
  });

  describe.each([...SERVICES])('%s', (service) => {
    const deployment = named('Deployment', service)!;
    const pod = deployment.spec!.template!;
    const container = pod.spec.containers[0];
    const httpPort = container.ports?.find((port) => port.name === 'http');
    const probePort = (port: string | number | undefined) => (typeof port === 'string' ? container.ports?.find((p) => p.name === port)?.containerPort : port);

    it('runs more than one replica, as a non-root user, with resources bounded', () => {
      expect(deployment.spec!.replicas).toBeGreaterThan(1);
      expect(pod.spec.containers.length).toBe(1);
      expect(pod.spec.securityContext?.runAsNonRoot).toBe(true);
      expect(container.resources?.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container.resources?.limits).toEqual(expect.objectContaining({ memory: expect.any(String) }));
    });

    it('probes readiness on /health/ready and liveness on /health/live, on its HTTP port', () => {
      expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
      expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
      expect(probePort(container.readinessProbe?.httpGet?.port)).toBe(SERVICE_PORTS[service]);
      expect(probePort(container.livenessProbe?.httpGet?.port)).toBe(SERVICE_PORTS[service]);
    });

    it('reads only the ConfigMap and Secret defined here, into an environment its schema accepts', () => {
      const env: Record<string, string> = {};
      const lookup = (kind: 'ConfigMap' | 'Secret', name: string): Record<string, string> => {
        const source = named(kind, name);
        expect(`${kind}/${name} ${source ? 'defined' : 'missing'}`).toBe(`${kind}/${name} defined`);
        const values: Record<string, string> = { ...source?.data, ...source?.stringData };
        // A Secret's placeholders are what an operator replaces (a service refuses some of them as they are).
        return kind === 'Secret' ? Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.replace(/CHANGE_ME\w*/g, 'a-real-secret-of-forty-random-characters')])) : values;
      };
      for (const from of container.envFrom ?? []) {
        if (from.configMapRef) Object.assign(env, lookup('ConfigMap', from.configMapRef.name));
        else if (from.secretRef) Object.assign(env, lookup('Secret', from.secretRef.name));
        else throw new Error(`unexpected envFrom ${JSON.stringify(from)}`);
      }
      for (const variable of container.env ?? []) {
        const ref = variable.valueFrom?.configMapKeyRef ?? variable.valueFrom?.secretKeyRef;
        if (ref) {
          const values = lookup(variable.valueFrom?.configMapKeyRef ? 'ConfigMap' : 'Secret', ref.name);
          expect(`${ref.name}.${ref.key} ${ref.key in values ? 'defined' : 'missing'}`).toBe(`${ref.name}.${ref.key} defined`);
          env[variable.name] = values[ref.key];
        } else {
          expect(variable.value).toEqual(expect.any(String));
          env[variable.name] = variable.value!;
        }
      }
      for (const variable of requiredVariables(schemas[service])) expect(env[variable]).toEqual(expect.any(String));
      expect(configIssues(service, env)).toEqual([]);
      expect(env.HTTP_HOST).toBe('0.0.0.0');
      expect(schemas[service].parse(env).HTTP_PORT).toBe(httpPort?.containerPort);
      expect(httpPort?.containerPort).toBe(SERVICE_PORTS[service]);
    });

    it('has a Service that selects its pods and reaches their HTTP port', () => {
      const serviceResource = named('Service', service)!;
      expect(pod.metadata.labels).toEqual(expect.objectContaining(deployment.spec!.selector!.matchLabels));
      expect(pod.metadata.labels).toEqual(expect.objectContaining(serviceResource.spec!.selector));
      const targets = serviceResource.spec!.ports!.map((port) => probePort(port.targetPort));
      expect(targets).toEqual([SERVICE_PORTS[service]]);
    });
  });

  it('autoscales every consumer within the partition count of the topic it consumes', () => {
    for (const consumer of consumers) {
      const topicKey = consumedTopics[consumer]!;
      expect(read(`apps/${consumer}/src/main.ts`)).toContain(`topic: Topics.${topicKey}`);
      const partitions = TopicPartitions[Topics[topicKey] as TopicName];
      const hpa = ofKind('HorizontalPodAutoscaler').find((resource) => resource.spec?.scaleTargetRef?.name === consumer);
      expect(hpa?.spec?.scaleTargetRef?.kind).toBe('Deployment');
      const { minReplicas = 1, maxReplicas = 0 } = hpa!.spec!;
      expect(maxReplicas).toBeLessThanOrEqual(partitions);
      expect(minReplicas).toBeLessThanOrEqual(maxReplicas);
      const replicas = named('Deployment', consumer)!.spec!.replicas!;
      expect(replicas).toBeGreaterThanOrEqual(minReplicas);
      expect(replicas).toBeLessThanOrEqual(maxReplicas);
    }
    for (const hpa of ofKind('HorizontalPodAutoscaler')) expect(named('Deployment', hpa.spec!.scaleTargetRef!.name)).toBeDefined();
  });
});
