// `npm run keys -- <command>`: the ticket store's key encryption keys, for operators.
//   rotate           a new current key, then every data key rewrapped under it (data untouched)
//   rewrap           rewrap data keys still under an older key (after services picked up a rotation)
//   retire <key id>  drop an old key; refused while any data key is still wrapped under it
// Uses KEY_ENCRYPTION_KEY_FILE and KEY_VAULT_DATABASE_URL (where data keys live) when set, else the local dev stack's.
import 'reflect-metadata';
import { localDatabaseUrl } from '@sieve/config';
import { LocalKeyFile } from '@sieve/crypto';
import { localKeyFile } from '@sieve/stack';
import { createKeyVaultDataSource, DataKeys } from '@sieve/key-vault';

async function main(): Promise<void> {
  const [command, argument] = process.argv.slice(2);
  if (!['rotate', 'rewrap', 'retire'].includes(command)) throw new Error('usage: npm run keys -- rotate | rewrap | retire <key id>');
  if (command === 'retire' && !argument) throw new Error('name the key to retire: npm run keys -- retire <key id>');
  const keys = await LocalKeyFile.open(process.env.KEY_ENCRYPTION_KEY_FILE ?? localKeyFile('dev'), { create: false });
  const dataSource = createKeyVaultDataSource(process.env.KEY_VAULT_DATABASE_URL ?? localDatabaseUrl('keys', 'dev'), 'keys-tool', 2);
  await dataSource.initialize();
  try {
    const dataKeys = new DataKeys(dataSource, keys, { ttlMs: 0, maxEntries: 0 });
    const rewrap = async () => {
      const { rewrapped, unreadable } = await dataKeys.rewrapAll();
      console.log(`rewrapped ${rewrapped} data keys under ${keys.currentKeyId()}`);
      if (unreadable.length > 0) console.log(`${unreadable.length} data keys are under a key this file doesn't have (${unreadable.slice(0, 5).join(', ')}…): restore that key to read them`);
    };
    switch (command) {
      case 'rotate':
        console.log(`new current key ${await keys.rotate()}; running services read it when they first meet it`);
        await rewrap();
        console.log('once every service wraps under the new key (restart them, or wait for their next start), run `rewrap` again, then `retire` the old keys');
        break;
      case 'rewrap':
        await rewrap();
        break;
      case 'retire': {
        const still = await dataKeys.countWrappedUnder(argument);
        if (still > 0) throw new Error(`${still} data keys are still wrapped under ${argument}; run \`npm run keys -- rewrap\` first`);
        await keys.retire(argument);
        console.log(`retired ${argument}; keys left: ${keys.keyIds().join(', ')}`);
        break;
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
