import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data sealed at rest with per end user data keys, and the tables the rest of the SDK's
 * traffic lands in: end users, attachments, FAQ searches, link clicks and (unlinked) diagnostics.
 *
 * Messages stored before this held their bodies in plaintext. Sieve has no production data yet,
 * so this migration removes them (and their inbox marks, so a replay of the support topic can
 * store them again, sealed) rather than keeping plaintext at rest.
 */
export class EncryptTicketData1796000100000 implements MigrationInterface {
  name = 'EncryptTicketData1796000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "processed_events" WHERE "consumer" = 'ticket-store'`);
    await queryRunner.query(`DELETE FROM "messages"`);
    await queryRunner.query(`DELETE FROM "conversations"`);
    await queryRunner.query(
      `CREATE TABLE "attachments" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "end_user_id" uuid NOT NULL, "blob_key" text NOT NULL, "file_name_sealed" bytea NOT NULL, "content_type" text NOT NULL, "size_bytes" bigint NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5e1f050bcff31e3084a1d662412" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_attachments_conversation" ON "attachments" ("conversation_id", "added_at")`);
    await queryRunner.query(
      `CREATE TABLE "diagnostics" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "app_id" text NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sdk_version" text NOT NULL, "app_version" text, "details" jsonb NOT NULL, CONSTRAINT "PK_2bb20db72fbfd9dc034f6ee7e55" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_diagnostics_tenant_occurred" ON "diagnostics" ("tenant_id", "occurred_at")`);
    await queryRunner.query(
      `CREATE TABLE "end_users" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "app_id" text NOT NULL, "install_id" text NOT NULL, "name_sealed" bytea, "email_sealed" bytea, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6c40dcf89afaac08b0b653de008" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_end_users_app_install" ON "end_users" ("app_id", "install_id")`);
    await queryRunner.query(
      `CREATE TABLE "faq_searches" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "app_id" text NOT NULL, "end_user_id" uuid NOT NULL, "query_sealed" bytea NOT NULL, "searched_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_aff7ce2935716269fd28703a421" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_faq_searches_end_user" ON "faq_searches" ("end_user_id", "searched_at")`);
    await queryRunner.query(
      `CREATE TABLE "link_clicks" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "message_id" uuid NOT NULL, "url" text NOT NULL, "clicked_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_19d536461401f505e14ddf46ae6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_link_clicks_conversation" ON "link_clicks" ("conversation_id", "clicked_at")`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "body"`);
    await queryRunner.query(`ALTER TABLE "conversations" ADD "end_user_id" uuid NOT NULL`);
    await queryRunner.query(`ALTER TABLE "messages" ADD "end_user_id" uuid NOT NULL`);
    await queryRunner.query(`ALTER TABLE "messages" ADD "author_staff_id" uuid`);
    await queryRunner.query(`ALTER TABLE "messages" ADD "body_sealed" bytea`);
    await queryRunner.query(`ALTER TABLE "messages" ADD "redacted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "messages" ADD "redacted_by" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "messages"`);
    await queryRunner.query(`DELETE FROM "conversations"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "redacted_by"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "redacted_at"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "body_sealed"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "author_staff_id"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "end_user_id"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP COLUMN "end_user_id"`);
    await queryRunner.query(`ALTER TABLE "messages" ADD "body" text NOT NULL`);
    await queryRunner.query(`DROP TABLE "link_clicks"`);
    await queryRunner.query(`DROP TABLE "faq_searches"`);
    await queryRunner.query(`DROP TABLE "end_users"`);
    await queryRunner.query(`DROP TABLE "diagnostics"`);
    await queryRunner.query(`DROP TABLE "attachments"`);
  }
}
