import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Custom issue fields sealed with the end user's data key: their values may be personal. A
 * migration has no keys, so conversations stored before this lose their (plaintext) custom fields;
 * Sieve has no production data yet.
 */
export class SealCustomFields1796000600000 implements MigrationInterface {
  name = 'SealCustomFields1796000600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conversations" DROP COLUMN "custom_fields"`);
    await queryRunner.query(`ALTER TABLE "conversations" ADD "custom_fields_sealed" bytea`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conversations" DROP COLUMN "custom_fields_sealed"`);
    await queryRunner.query(`ALTER TABLE "conversations" ADD "custom_fields" jsonb NOT NULL DEFAULT '{}'`);
  }
}
