import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { EventOn, isTransitSealedType, TopicName } from '@sieve/contracts';
import { LocalKeyFile } from '@sieve/crypto';
import { KEY_GONE, TransitSealing } from '@sieve/key-vault';
import { createTicketsDataSource, DataKeys, openableValuesOf, PersonalData } from '@sieve/tickets-data-access';

/** Where a value was found in plaintext: what a reader with access to that store could still see. */
export interface Sighting {
  store: string;
  where: string;
  value: string;
}

/**
 * Looks for recognisable values in every table of these PostgreSQL databases: each row as text
 * (what a dump shows), with bytea columns also searched as the bytes they hold (a plaintext value
 * in a bytea shows as hex in text).
 */
export async function scanPostgres(databaseUrls: Record<string, string>, values: readonly string[]): Promise<Sighting[]> {
  const sightings: Sighting[] = [];
  for (const [name, url] of Object.entries(databaseUrls)) {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
      for (const { table_name: table } of tables) {
        for (const value of values) {
          const hex = Buffer.from(value, 'utf8').toString('hex');
          const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from "${table}" t where t::text like $1 or t::text like $2`, [`%${value}%`, `%${hex}%`]);
          if (rows[0].n > 0) sightings.push({ store: `postgresql ${name}`, where: `${table} (${rows[0].n} rows)`, value });
        }
      }
    } finally {
      await client.end();
    }
  }
  return sightings;
}

/** Looks for the values in every key and value of a Redis database, whatever the value's type. */
export async function scanRedis(url: string, values: readonly string[]): Promise<Sighting[]> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  const sightings: Sighting[] = [];
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const content = `${key}\n${(await contentOf(redis, key)).join('\n')}`;
        for (const value of values) if (content.includes(value)) sightings.push({ store: 'redis', where: key, value });
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return sightings;
}

async function contentOf(redis: Redis, key: string): Promise<string[]> {
  switch (await redis.type(key)) {
    case 'string':
      return [(await redis.getBuffer(key))?.toString('latin1') ?? ''];
    case 'hash':
      return Object.entries(await redis.hgetall(key)).flat();
    case 'list':
      return redis.lrange(key, 0, -1);
    case 'set':
      return redis.smembers(key);
    case 'zset':
      return redis.zrange(key, 0, -1);
    default:
      // HyperLogLogs are strings; streams and modules' types are not used by Sieve.
      return [];
  }
}

/** Looks for the values in every file under a directory (the local blob store), as bytes. */
export function scanDirectory(store: string, root: string, values: readonly string[]): Sighting[] {
  const sightings: Sighting[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = readFileSync(file);
    for (const value of values) if (bytes.includes(Buffer.from(value, 'utf8'))) sightings.push({ store, where: path.relative(root, file), value });
  }
  return sightings;
}

/** Looks for the values in texts: log output, or a topic's messages. */
export function scanTexts(store: string, texts: Record<string, readonly string[]>, values: readonly string[]): Sighting[] {
  return Object.entries(texts).flatMap(([where, lines]) => values.filter((value) => lines.some((line) => line.includes(value))).map((value) => ({ store, where, value })));
}

/**
 * Every value of a brand sealed in the ticket database that can still be opened with the ticket
 * store's key file: what someone holding Sieve's keys (or a backup and the keys) could read.
 */
export async function openableTicketValues(databaseUrl: string, keyFile: string, tenantId: string): Promise<string[]> {
  const dataSource = createTicketsDataSource(databaseUrl, 'plaintext-scan', 1);
  await dataSource.initialize();
  try {
    const personalData = new PersonalData(new DataKeys(dataSource, await LocalKeyFile.open(keyFile, { create: false })));
    return await openableValuesOf(dataSource.manager, personalData, tenantId);
  } finally {
    await dataSource.destroy();
  }
}

/** The messages of clean topics with every sealed field opened that the key vault can still open. */
export async function openableTopicMessages(sealing: TransitSealing, values: readonly (string | null)[]): Promise<string[]> {
  const events = values.flatMap((value) => {
    const event = value === null ? null : (JSON.parse(value) as EventOn<TopicName>);
    return event && isTransitSealedType(event.type) ? [event] : [];
  });
  return (await sealing.open(events)).flatMap((event) => (event === KEY_GONE ? [] : [JSON.stringify(event)]));
}
