import { MigrationInterface, QueryRunner } from 'typeorm';

/** Messages keep the order they were applied in where their sent times tie (same millisecond). */
export class OrderMessagesByPosition1796000300000 implements MigrationInterface {
  name = 'OrderMessagesByPosition1796000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_messages_conversation_sent"`);
    await queryRunner.query(`ALTER TABLE "messages" ADD "position" bigint GENERATED ALWAYS AS IDENTITY NOT NULL`);
    await queryRunner.query(`CREATE INDEX "idx_messages_conversation_position" ON "messages" ("conversation_id", "sent_at", "position")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_messages_conversation_position"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "position"`);
    await queryRunner.query(`CREATE INDEX "idx_messages_conversation_sent" ON "messages" ("conversation_id", "sent_at")`);
  }
}
