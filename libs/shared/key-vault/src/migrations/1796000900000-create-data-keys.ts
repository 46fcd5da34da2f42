import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data keys move to the key vault: kept in the ticket database, every backup of it held the
 * ciphertext and its wrapped key together, and destroying a key could not reach the backups.
 * (`moveDataKeysToVault` copies the ticket database's existing keys here.)
 */
export class CreateDataKeys1796000900000 implements MigrationInterface {
  name = 'CreateDataKeys1796000900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "data_keys" ("key_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "kek_id" text, "wrapped" bytea, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "destroyed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_data_keys" PRIMARY KEY ("key_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_data_keys_owner" ON "data_keys" ("tenant_id", "owner_id")`);
    await queryRunner.query(`CREATE INDEX "idx_data_keys_unit" ON "data_keys" ("unit_id")`);
    await queryRunner.query(`CREATE INDEX "idx_data_keys_kek" ON "data_keys" ("kek_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "data_keys"`);
  }
}
