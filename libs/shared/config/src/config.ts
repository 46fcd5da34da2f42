import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Reusable pieces of app config schemas. Each app composes its own schema from these, so a
 * variable an app doesn't use is never required of it.
 */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  brokers: () =>
    z
      .string()
      .min(1)
      .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port')).min(1)),
  postgresUrl: () => z.url({ protocol: /^postgres(ql)?$/ }),
  redisUrl: () => z.url({ protocol: /^rediss?$/ }),
  positiveInt: (fallback: number) => z.coerce.number().int().positive().default(fallback),
  /** "true" or "false" (nothing else, so a typo is an error rather than a silent false). */
  flag: (fallback: boolean) =>
    z
      .enum(['true', 'false'])
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true'),
  /** Comma-separated IP addresses or CIDR ranges ("10.0.0.0/8,192.0.2.7"); empty by default. */
  cidrList: () =>
    z
      .string()
      .default('')
      .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
      .pipe(z.array(z.string().refine(isAddressOrRange, 'expected an IP address or a CIDR range like 10.0.0.0/8'))),
  /** Optional namespace put before every topic name, e.g. to isolate a test run on a shared cluster. */
  topicNamespace: () =>
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes')
      .optional(),
};

export const kafkaConfigShape = {
  KAFKA_BROKERS: env.brokers(),
  KAFKA_TOPIC_NAMESPACE: env.topicNamespace(),
};

/**
 * The key vault, for apps that seal or open what travels on clean topics: its database, and the
 * key file of the key encryption keys its transit keys are wrapped under (shared by those apps).
 */
export const keyVaultConfigShape = {
  KEY_VAULT_DATABASE_URL: env.postgresUrl(),
  TRANSIT_KEY_ENCRYPTION_KEY_FILE: z.string().min(1),
  /** Make the key file if it is missing (the local stack only: in production a missing file is a lost mount). */
  TRANSIT_KEY_ENCRYPTION_KEY_FILE_CREATE: env.flag(false),
};

/** Every app: where its HTTP edge listens, how it logs, where traces go. */
export const serviceConfigShape = {
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: env.logLevel(),
  /** OTLP/HTTP collector; without it spans are created and propagated but not exported. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
};

export class ConfigError extends Error {
  constructor(
    readonly appName: string,
    readonly problems: string[],
  ) {
    super(
      `${appName} cannot start: its configuration is invalid.\n` +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        '\nSet these environment variables (see README.md, "Configuration") and start it again.',
    );
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment against an app's schema. Problems name the variable and what it must be,
 * never the value it had: a mistyped secret must not end up in a log.
 */
export function parseConfig<TSchema extends z.ZodType>(
  appName: string,
  schema: TSchema,
  source: Record<string, string | undefined> = process.env,
): z.infer<TSchema> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.length > 0 ? String(issue.path[0]) : '(environment)';
    const missing = issue.code === 'invalid_type' && source[variable] === undefined;
    return missing ? `${variable} is required but not set` : `${variable} is invalid: ${issue.message}`;
  });
  throw new ConfigError(appName, problems);
}

/** For `main.ts`: a bad config stops the process with a non-zero code and a message for people. */
export function loadConfigOrExit<TSchema extends z.ZodType>(appName: string, schema: TSchema): z.infer<TSchema> {
  try {
    return parseConfig(appName, schema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}
