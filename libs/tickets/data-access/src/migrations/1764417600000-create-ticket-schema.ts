import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenants, staff credentials, conversations, messages and the consumer inbox. */
export class CreateTicketSchema1764417600000 implements MigrationInterface {
  name = 'CreateTicketSchema1764417600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tenants" ("id" uuid NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_53be67a04681c66b87ee27c9321" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_credentials" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "role" text NOT NULL, "label" text NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_62eb1687203f7f745847facdc15" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_staff_credentials_tenant" ON "staff_credentials" ("tenant_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_credentials_token_hash" ON "staff_credentials" ("token_hash")`);
    await queryRunner.query(
      `CREATE TABLE "conversations" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "app_id" text NOT NULL, "install_id" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "country_code" character(2), "platform" text, "sdk_version" text NOT NULL, "app_version" text, "custom_fields" jsonb NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee34f4f7ced4ec8681f26bf04ef" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_conversations_tenant_opened" ON "conversations" ("tenant_id", "opened_at")`);
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" uuid NOT NULL, "tenant_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "author" text NOT NULL, "body" text NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_messages_conversation_sent" ON "messages" ("conversation_id", "sent_at")`);
    await queryRunner.query(
      `CREATE TABLE "processed_events" ("consumer" text NOT NULL, "event_id" uuid NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_270df9e0013dff41bb91d555db4" PRIMARY KEY ("consumer", "event_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "processed_events"`);
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`DROP TABLE "conversations"`);
    await queryRunner.query(`DROP TABLE "staff_credentials"`);
    await queryRunner.query(`DROP TABLE "tenants"`);
  }
}
