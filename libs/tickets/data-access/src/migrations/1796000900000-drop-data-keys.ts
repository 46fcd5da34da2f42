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

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "data_keys" ("subject_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "kek_id" text, "wrapped" bytea, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "destroyed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9a755e9d7ac185f22554306ae5b" PRIMARY KEY ("subject_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_data_keys_kek" ON "data_keys" ("kek_id")`);
  }
}
