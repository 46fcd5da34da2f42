import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per end user data keys, wrapped by a key encryption key (envelope encryption at rest). */
export class CreateDataKeys1796000000000 implements MigrationInterface {
  name = 'CreateDataKeys1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "data_keys" ("subject_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "kek_id" text, "wrapped" bytea, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "destroyed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9a755e9d7ac185f22554306ae5b" PRIMARY KEY ("subject_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_data_keys_kek" ON "data_keys" ("kek_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "data_keys"`);
  }
}
