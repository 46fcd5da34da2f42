import { MigrationInterface, QueryRunner } from 'typeorm';

/** The custom issue fields brands define per app. */
export class CreateCustomFields1795900000000 implements MigrationInterface {
  name = 'CreateCustomFields1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "custom_fields" ("app_id" uuid NOT NULL, "key" text NOT NULL, "type" text NOT NULL, "label" text NOT NULL, "required" boolean NOT NULL DEFAULT false, "options" jsonb, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_fad8e2d21d59f84b0bfdd267200" PRIMARY KEY ("app_id", "key"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "custom_fields"`);
  }
}
