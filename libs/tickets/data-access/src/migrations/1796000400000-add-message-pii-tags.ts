import { MigrationInterface, QueryRunner } from 'typeorm';

/** The categories of personal data the classifier found in each message. */
export class AddMessagePiiTags1796000400000 implements MigrationInterface {
  name = 'AddMessagePiiTags1796000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" ADD "pii_tags" text array NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "pii_tags"`);
  }
}
