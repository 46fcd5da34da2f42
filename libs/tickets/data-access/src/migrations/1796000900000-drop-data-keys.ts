import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data keys live in the key vault now (a backup of this database must not hold the keys to its
 * own ciphertext). The table goes once `moveDataKeysToVault` emptied it; never with keys in it.
 */
export class DropDataKeys1796000900000 implements MigrationInterface {
  name = 'DropDataKeys1796000900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ count }] = await queryRunner.query(`SELECT count(*)::int AS count FROM data_keys`);
    if (count > 0) {
      throw new Error(`data_keys still holds ${count} keys: move them to the key vault first (tools/stack/prepare.ts does, before these migrations), or every value they sealed is lost`);
    }
    await queryRunner.query(`DROP TABLE "data_keys"`);
  }

  async down(): Promise<void> {
    throw new Error('data keys live in the key vault now: rolled back, the previous version would find none and make new ones, and nothing sealed so far would open. Roll forward instead.');
  }
}
