-- AlterTable
ALTER TABLE "host" ADD COLUMN     "agent_enrolled_at" TIMESTAMP(3),
ADD COLUMN     "agent_last_seen_at" TIMESTAMP(3),
ADD COLUMN     "agent_revoked_at" TIMESTAMP(3),
ADD COLUMN     "agent_token_hash" TEXT,
ADD COLUMN     "agent_version" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "task" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "op_type" INTEGER NOT NULL,
    "bk_biz_id" INTEGER,
    "requested_by" TEXT NOT NULL,
    "app_code" TEXT,
    "bk_process_id" INTEGER,
    "retry_of" TEXT,
    "row_count" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_row" (
    "id" BIGSERIAL NOT NULL,
    "task_id" TEXT NOT NULL,
    "bk_host_id" INTEGER,
    "bk_cloud_id" INTEGER NOT NULL,
    "ip" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "op_type" INTEGER NOT NULL,
    "spec" JSONB NOT NULL,
    "code" INTEGER NOT NULL DEFAULT 115,
    "message" TEXT NOT NULL DEFAULT '',
    "content" TEXT NOT NULL DEFAULT '',
    "exit_code" INTEGER,
    "output_tail" TEXT NOT NULL DEFAULT '',
    "pid" INTEGER,
    "claimed_at" TIMESTAMP(3),
    "deadline" TIMESTAMP(3),
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_row_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "managed_process" (
    "bk_host_id" INTEGER NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "spec" JSONB NOT NULL,
    "is_managed" BOOLEAN NOT NULL DEFAULT false,
    "pid" INTEGER,
    "is_running" BOOLEAN NOT NULL DEFAULT false,
    "restart_count" INTEGER NOT NULL DEFAULT 0,
    "last_event" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "managed_process_pkey" PRIMARY KEY ("bk_host_id","namespace","name")
);

-- CreateTable
CREATE TABLE "enrollment_token" (
    "id" SERIAL NOT NULL,
    "token_hash" TEXT NOT NULL,
    "bk_cloud_id" INTEGER,
    "ip" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "used_by_host" INTEGER,

    CONSTRAINT "enrollment_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "task_created_at_idx" ON "task"("created_at");

-- CreateIndex
CREATE INDEX "task_bk_biz_id_created_at_idx" ON "task"("bk_biz_id", "created_at");

-- CreateIndex
CREATE INDEX "task_bk_process_id_created_at_idx" ON "task"("bk_process_id", "created_at");

-- CreateIndex
CREATE INDEX "task_row_task_id_idx" ON "task_row"("task_id");

-- CreateIndex
CREATE INDEX "task_row_bk_host_id_code_idx" ON "task_row"("bk_host_id", "code");

-- AddForeignKey
ALTER TABLE "task_row" ADD CONSTRAINT "task_row_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_row" ADD CONSTRAINT "task_row_bk_host_id_fkey" FOREIGN KEY ("bk_host_id") REFERENCES "host"("bk_host_id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "managed_process" ADD CONSTRAINT "managed_process_bk_host_id_fkey" FOREIGN KEY ("bk_host_id") REFERENCES "host"("bk_host_id") ON DELETE CASCADE ON UPDATE CASCADE;


-- the N of task ids GSETASK:YYYYMMDDhhmmss:N, unique across server instances
CREATE SEQUENCE "task_number_seq" START 1000;

-- the sweep of overdue rows looks only at running ones
CREATE INDEX "task_row_running_idx" ON "task_row" ("created_at") WHERE "code" = 115;
