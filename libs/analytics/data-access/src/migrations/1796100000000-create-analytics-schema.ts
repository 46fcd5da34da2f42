import { MigrationInterface, QueryRunner } from 'typeorm';

/** Billing months with their hashing keys, the hashed sets of active installs, their counts, adjustments. */
export class CreateAnalyticsSchema1796100000000 implements MigrationInterface {
  name = 'CreateAnalyticsSchema1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "billing_accounts" ("tenant_id" uuid NOT NULL, "time_zone" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9c21602fd4e27ce7c5bdba562a9" PRIMARY KEY ("tenant_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "billing_months" ("id" SERIAL NOT NULL, "tenant_id" uuid NOT NULL, "month" date NOT NULL, "time_zone" text NOT NULL, "hash_key" bytea, "hash_key_kek_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" text, "sealed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6fc598744c83fdf025c8a3c0cbf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_billing_months_tenant_month" ON "billing_months" ("tenant_id", "month") `);
    // Rows are updated in place as an install's active days grow: room on each page keeps those
    // updates HOT (no index entry rewritten).
    await queryRunner.query(
      `CREATE TABLE "monthly_active_installs" ("billing_month_id" integer NOT NULL, "install_hash" bytea NOT NULL, "active_days" integer NOT NULL, "app_ids" uuid array NOT NULL, "app_days" integer array NOT NULL, CONSTRAINT "PK_6aecdb33ed27b87c83b9c8b23d9" PRIMARY KEY ("billing_month_id", "install_hash")) WITH (fillfactor = 85)`,
    );
    await queryRunner.query(
      `CREATE TABLE "active_install_counts" ("tenant_id" uuid NOT NULL, "month" date NOT NULL, "app_id" uuid NOT NULL, "day" smallint NOT NULL, "installs" integer NOT NULL, "closed_installs" integer, CONSTRAINT "PK_6fe859ceaf77d7c81e32e899f58" PRIMARY KEY ("tenant_id", "month", "app_id", "day"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "usage_adjustments" ("id" BIGSERIAL NOT NULL, "tenant_id" uuid NOT NULL, "month" date NOT NULL, "app_id" uuid NOT NULL, "day" smallint NOT NULL, "installs" integer NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_818f2847befbb63ace1df2c7aa5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_usage_adjustments_month" ON "usage_adjustments" ("tenant_id", "month") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['usage_adjustments', 'active_install_counts', 'monthly_active_installs', 'billing_months', 'billing_accounts']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
