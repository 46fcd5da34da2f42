import { MigrationInterface, QueryRunner } from 'typeorm';

/** The key vault's first table: transit keys of the events on clean topics. */
export class CreateTransitKeys1796000800000 implements MigrationInterface {
  name = 'CreateTransitKeys1796000800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "transit_keys" ("key_id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "conversation_id" uuid, "kek_id" text, "wrapped" bytea, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "destroyed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_transit_keys" PRIMARY KEY ("key_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_transit_keys_subject" ON "transit_keys" ("tenant_id", "subject_id")`);
    await queryRunner.query(`CREATE INDEX "idx_transit_keys_conversation" ON "transit_keys" ("tenant_id", "conversation_id")`);
    await queryRunner.query(`CREATE INDEX "idx_transit_keys_created" ON "transit_keys" ("created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "transit_keys"`);
  }
}
