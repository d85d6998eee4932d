-- AlterTable: every host gets a stable GSE 2.0 agent id (existing rows each get their own)
ALTER TABLE "host" ADD COLUMN     "bk_agent_id" TEXT NOT NULL DEFAULT replace((gen_random_uuid())::text, '-'::text, ''::text);

-- AlterTable
ALTER TABLE "task_row" ADD COLUMN     "agent_ref" TEXT,
ADD COLUMN     "bk_supplier_id" INTEGER,
ADD COLUMN     "labels" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "registered_process" (
    "bk_cloud_id" INTEGER NOT NULL,
    "ip" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "spec" JSONB NOT NULL,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "app_code" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registered_process_pkey" PRIMARY KEY ("bk_cloud_id","ip","namespace","name")
);

-- CreateIndex
CREATE UNIQUE INDEX "host_bk_agent_id_key" ON "host"("bk_agent_id");

-- CreateIndex
CREATE INDEX "registered_process_namespace_name_idx" ON "registered_process"("namespace", "name");
