import { z } from 'zod';
import { ConfigError, env, kafkaConfigShape, parseConfig } from './config';

const schema = z.object({
  ...kafkaConfigShape,
  DATABASE_URL: env.postgresUrl(),
  HTTP_PORT: env.port(3000),
});

describe('parseConfig', () => {
  it('parses a valid environment and applies defaults', () => {
    const config = parseConfig('test-app', schema, {
      KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9094',
      DATABASE_URL: 'postgres://127.0.0.1:5432/sieve',
    });
    expect(config).toEqual({
      KAFKA_BROKERS: ['127.0.0.1:9092', '127.0.0.1:9094'],
      KAFKA_TOPIC_NAMESPACE: undefined,
      DATABASE_URL: 'postgres://127.0.0.1:5432/sieve',
      HTTP_PORT: 3000,
    });
  });

  it('names every missing or invalid variable and never echoes a value', () => {
    const attempt = () =>
      parseConfig('test-app', schema, { DATABASE_URL: 'mysql://secret-password@db/x', HTTP_PORT: '99999' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('test-app cannot start');
      expect(message).toContain('KAFKA_BROKERS is required but not set');
      expect(message).toContain('DATABASE_URL is invalid');
      expect(message).toContain('HTTP_PORT is invalid');
      expect(message).not.toContain('secret-password');
    }
  });

  it('rejects a broker list entry without a port', () => {
    expect(() => parseConfig('test-app', schema, { KAFKA_BROKERS: 'localhost', DATABASE_URL: 'postgres://h/db' })).toThrow(
      /KAFKA_BROKERS is invalid/,
    );
  });
});

describe('env.cidrList', () => {
  const schema = z.object({ TRUSTED_PROXIES: env.cidrList() });

  it('reads addresses and ranges, and nothing when unset', () => {
    expect(schema.parse({ TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.7,2001:db8::/32' }).TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '192.0.2.7', '2001:db8::/32']);
    expect(schema.parse({}).TRUSTED_PROXIES).toEqual([]);
  });

  it('refuses what is no address or range', () => {
    for (const bad of ['10.0.0.0/33', 'proxy.local', '10.0.0.1/8/2', '::1/129']) expect(schema.safeParse({ TRUSTED_PROXIES: bad }).success).toBe(false);
  });
});
