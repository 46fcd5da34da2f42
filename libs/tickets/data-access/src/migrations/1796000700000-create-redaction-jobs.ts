import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Redaction requests become jobs the redaction worker carries out: status, phase, progress and
 * approval on the request row, the items it removes and each store's receipt beside it; messages,
 * attachments and conversations get the marker of the job that redacted them; staff credentials
 * say which token made them. Requests recorded before this are pending jobs: they were asked for
 * and never carried out.
 */
export class CreateRedactionJobs1796000700000 implements MigrationInterface {
  name = 'CreateRedactionJobs1796000700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "redaction_requests" RENAME TO "redaction_jobs"`);
    await queryRunner.query(`ALTER INDEX "idx_redaction_requests_tenant" RENAME TO "idx_redaction_jobs_tenant"`);
    await queryRunner.query(`ALTER TABLE "redaction_jobs" ALTER COLUMN "conversation_id" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "redaction_jobs"
         ADD "end_user_id" uuid,
         ADD "status" text NOT NULL DEFAULT 'pending',
         ADD "phase" text NOT NULL DEFAULT 'planning',
         ADD "size_at_request" integer NOT NULL DEFAULT 0,
         ADD "approval_required" boolean NOT NULL DEFAULT false,
         ADD "approved_by" uuid,
         ADD "approved_at" TIMESTAMP WITH TIME ZONE,
         ADD "items_total" integer,
         ADD "items_done" integer NOT NULL DEFAULT 0,
         ADD "started_at" TIMESTAMP WITH TIME ZONE,
         ADD "completed_at" TIMESTAMP WITH TIME ZONE,
         ADD "announced_at" TIMESTAMP WITH TIME ZONE,
         ADD "attempts" integer NOT NULL DEFAULT 0,
         ADD "failure" text`,
    );
    // Requests recorded before: the end user whose content they name is their conversation's.
    await queryRunner.query(`UPDATE "redaction_jobs" j SET "end_user_id" = c."end_user_id" FROM "conversations" c WHERE c."id" = j."conversation_id"`);
    await queryRunner.query(`CREATE INDEX "idx_redaction_jobs_runnable" ON "redaction_jobs" ("requested_at") WHERE status IN ('pending', 'running') AND phase <> 'confirming'`);
    await queryRunner.query(`CREATE INDEX "idx_redaction_jobs_confirming" ON "redaction_jobs" ("announced_at") WHERE phase = 'confirming'`);
    await queryRunner.query(
      `CREATE TABLE "redaction_job_items" ("job_id" uuid NOT NULL, "kind" text NOT NULL, "item_id" uuid NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_redaction_job_items" PRIMARY KEY ("job_id", "kind", "item_id"))`,
    );
    // What a running job has left to do, without reading what it has done.
    await queryRunner.query(`CREATE INDEX "idx_redaction_job_items_undone" ON "redaction_job_items" ("job_id", "kind", "item_id") WHERE done_at IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "redaction_receipts" ("job_id" uuid NOT NULL, "store" text NOT NULL, "removed" integer NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_redaction_receipts" PRIMARY KEY ("job_id", "store"))`,
    );
    await queryRunner.query(`ALTER TABLE "messages" ADD "redaction_job_id" uuid`);
    await queryRunner.query(`ALTER TABLE "attachments" ALTER COLUMN "file_name_sealed" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "attachments" ADD "redacted_at" TIMESTAMP WITH TIME ZONE, ADD "redacted_by" uuid, ADD "redaction_job_id" uuid`);
    await queryRunner.query(`ALTER TABLE "conversations" ADD "redacted_at" TIMESTAMP WITH TIME ZONE, ADD "redacted_by" uuid, ADD "redaction_job_id" uuid`);
    // An erasure finds an end user's conversations by it.
    await queryRunner.query(`CREATE INDEX "idx_conversations_end_user" ON "conversations" ("end_user_id")`);
    // Which admin token made which, for the audit trail (who could have made a second admin).
    await queryRunner.query(`ALTER TABLE "staff_credentials" ADD "created_by" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_credentials" DROP COLUMN "created_by"`);
    await queryRunner.query(`DROP INDEX "idx_conversations_end_user"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP COLUMN "redacted_at", DROP COLUMN "redacted_by", DROP COLUMN "redaction_job_id"`);
    await queryRunner.query(`ALTER TABLE "attachments" DROP COLUMN "redacted_at", DROP COLUMN "redacted_by", DROP COLUMN "redaction_job_id"`);
    // Redacted attachments lose their row here: the old schema can't hold an attachment without a name.
    await queryRunner.query(`DELETE FROM "attachments" WHERE "file_name_sealed" IS NULL`);
    await queryRunner.query(`ALTER TABLE "attachments" ALTER COLUMN "file_name_sealed" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "redaction_job_id"`);
    await queryRunner.query(`DROP TABLE "redaction_receipts"`);
    await queryRunner.query(`DROP INDEX "idx_redaction_job_items_undone"`);
    await queryRunner.query(`DROP TABLE "redaction_job_items"`);
    await queryRunner.query(`DROP INDEX "idx_redaction_jobs_confirming"`);
    await queryRunner.query(`DROP INDEX "idx_redaction_jobs_runnable"`);
    await queryRunner.query(
      `ALTER TABLE "redaction_jobs" DROP COLUMN "end_user_id", DROP COLUMN "status", DROP COLUMN "phase", DROP COLUMN "size_at_request", DROP COLUMN "approval_required",
         DROP COLUMN "approved_by", DROP COLUMN "approved_at", DROP COLUMN "items_total", DROP COLUMN "items_done", DROP COLUMN "started_at", DROP COLUMN "completed_at", DROP COLUMN "announced_at",
         DROP COLUMN "attempts", DROP COLUMN "failure"`,
    );
    // Erasures have no conversation: the old schema can't hold them.
    await queryRunner.query(`DELETE FROM "redaction_jobs" WHERE "conversation_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "redaction_jobs" ALTER COLUMN "conversation_id" SET NOT NULL`);
    await queryRunner.query(`ALTER INDEX "idx_redaction_jobs_tenant" RENAME TO "idx_redaction_requests_tenant"`);
    await queryRunner.query(`ALTER TABLE "redaction_jobs" RENAME TO "redaction_requests"`);
  }
}
