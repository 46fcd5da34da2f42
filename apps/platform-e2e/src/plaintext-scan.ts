import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { EventOn, isTransitSealedType, TopicName } from '@sieve/contracts';
import { LocalKeyFile } from '@sieve/crypto';
import { createKeyVaultDataSource, DataKeys, KEY_GONE, TransitSealing } from '@sieve/key-vault';
import { createTicketsDataSource, openableOf, PersonalData, sealedValuesOf } from '@sieve/tickets-data-access';

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

/**
 * Looks for the values in every key and value of a Redis database, whatever the value's type. A
 * page of keys at a time, each step one pipelined round trip for the page: a shared Redis holds
 * a million keys after a few benchmark runs (their deduplication marks live for days).
 */
export async function scanRedis(url: string, values: readonly string[]): Promise<Sighting[]> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  const sightings: Sighting[] = [];
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
      cursor = next;
      const contents = await contentsOf(redis, keys);
      keys.forEach((key, index) => {
        const content = `${key}\n${contents[index].join('\n')}`;
        for (const value of values) if (content.includes(value)) sightings.push({ store: 'redis', where: key, value });
      });
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return sightings;
}

/** The content of each key, as text, in two pipelined round trips (their types, then their values). */
async function contentsOf(redis: Redis, keys: readonly string[]): Promise<string[][]> {
  const types = ((await redis.pipeline(keys.map((key) => ['type', key])).exec()) ?? []).map(([, type]) => type as string);
  const reads = redis.pipeline();
  keys.forEach((key, index) => {
    switch (types[index]) {
      case 'string':
        reads.getBuffer(key);
        break;
      case 'hash':
        reads.hgetall(key);
        break;
      case 'list':
        reads.lrange(key, 0, -1);
        break;
      case 'set':
        reads.smembers(key);
        break;
      case 'zset':
        reads.zrange(key, 0, -1);
        break;
      default:
        // HyperLogLogs are strings; streams and modules' types are not used by Sieve.
        reads.echo('');
    }
  });
  const results = (await reads.exec()) ?? [];
  return results.map(([, value]) => {
    if (Buffer.isBuffer(value)) return [value.toString('latin1')];
    if (Array.isArray(value)) return value.map(String);
    if (value && typeof value === 'object') return Object.entries(value).flat().map(String);
    return [String(value ?? '')];
  });
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

/** Where the ticket store keeps a brand's data, and the keys that open it. */
export interface TicketStores {
  ticketsDatabaseUrl: string;
  blobDirectory: string;
  keyVaultDatabaseUrl: string;
  /** The ticket store's key encryption key file. */
  keyFile: string;
}

/**
 * Every value of a brand sealed in the ticket database and the blob store that can still be opened
 * with the ticket store's keys: what someone holding Sieve's keys (or a backup and the keys) could read.
 */
export async function openableTicketValues(stores: TicketStores, tenantId: string): Promise<string[]> {
  const tickets = createTicketsDataSource(stores.ticketsDatabaseUrl, 'plaintext-scan', 1);
  const vault = createKeyVaultDataSource(stores.keyVaultDatabaseUrl, 'plaintext-scan', 1);
  await Promise.all([tickets.initialize(), vault.initialize()]);
  try {
    const personalData = new PersonalData(new DataKeys(vault, await LocalKeyFile.open(stores.keyFile, { create: false })));
    const attachments: { id: string; owner: string; blob_key: string }[] = await tickets.query(`SELECT id, end_user_id AS owner, blob_key FROM attachments WHERE tenant_id = $1`, [tenantId]);
    const bytes = attachments
      .filter(({ blob_key }) => existsSync(path.join(stores.blobDirectory, blob_key)))
      .map(({ id, owner, blob_key }) => ({ owner: { tenantId, endUserId: owner }, field: 'attachments.bytes' as const, rowId: id, sealed: readFileSync(path.join(stores.blobDirectory, blob_key)) }));
    return await openableOf(personalData, [...(await sealedValuesOf(tickets.manager, tenantId)), ...bytes]);
  } finally {
    await Promise.all([tickets.destroy(), vault.destroy()]);
  }
}

/** A backup of the ticket store as an operator takes one: a dump of its database and a copy of its blob store. */
export interface TicketBackup {
  directory: string;
  dump: string;
  blobs: string;
}

export function backUpTicketStore(stores: TicketStores): TicketBackup {
  const directory = mkdtempSync(path.join(tmpdir(), 'sieve-backup-'));
  const backup = { directory, dump: path.join(directory, 'tickets.dump'), blobs: path.join(directory, 'blobs') };
  execFileSync('pg_dump', ['--format=custom', `--file=${backup.dump}`, `--dbname=${stores.ticketsDatabaseUrl}`]);
  cpSync(stores.blobDirectory, backup.blobs, { recursive: true });
  return backup;
}

/**
 * What of a brand a backup restored today still gives away: the dump restored into a scratch
 * database, then every value in it and its blob copy opened with the keys Sieve has now.
 */
export async function openableBackupValues(backup: TicketBackup, stores: TicketStores, tenantId: string): Promise<string[]> {
  const scratch = new URL(stores.ticketsDatabaseUrl);
  const name = `sieve_restore_${randomBytes(4).toString('hex')}`;
  scratch.pathname = `/${name}`;
  const admin = new Client({ connectionString: stores.ticketsDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      execFileSync('pg_restore', ['--no-owner', `--dbname=${scratch}`, backup.dump]);
      return await openableTicketValues({ ...stores, ticketsDatabaseUrl: scratch.toString(), blobDirectory: backup.blobs }, tenantId);
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
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
