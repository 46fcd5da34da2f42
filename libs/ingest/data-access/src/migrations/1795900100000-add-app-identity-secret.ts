import { MigrationInterface, QueryRunner } from 'typeorm';

/** Apps that require signed identities keep the secret their brand signs with. */
export class AddAppIdentitySecret1795900100000 implements MigrationInterface {
  name = 'AddAppIdentitySecret1795900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "apps" ADD "identity_secret" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "apps" DROP COLUMN "identity_secret"`);
  }
}
