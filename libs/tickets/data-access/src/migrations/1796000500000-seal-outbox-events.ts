import { MigrationInterface, QueryRunner } from 'typeorm';

/** An outbox event that carries personal data (an agent reply) is kept sealed with its end user's key until published. */
export class SealOutboxEvents1796000500000 implements MigrationInterface {
  name = 'SealOutboxEvents1796000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" ADD "event_sealed" bytea`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD "tenant_id" uuid`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD "end_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "outbox" ALTER COLUMN "event" DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "outbox" WHERE "event" IS NULL`);
    await queryRunner.query(`ALTER TABLE "outbox" ALTER COLUMN "event" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "end_user_id"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "tenant_id"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "event_sealed"`);
  }
}
