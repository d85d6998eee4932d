-- CreateTable: a business's existing GSE, when its operations go there instead of to Procdeck's agents
CREATE TABLE "gse_backend" (
    "bk_biz_id" INTEGER NOT NULL,
    "gateway_url" TEXT NOT NULL,
    "bk_app_code" TEXT NOT NULL,
    "bk_app_secret" TEXT NOT NULL,
    "bk_username" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gse_backend_pkey" PRIMARY KEY ("bk_biz_id")
);

-- CreateTable: one task sent to a business's GSE, polled until its rows end
CREATE TABLE "gse_dispatch" (
    "task_id" TEXT NOT NULL,
    "bk_biz_id" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "remote_task_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT NOT NULL DEFAULT '',
    "next_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "give_up_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gse_dispatch_pkey" PRIMARY KEY ("task_id")
);

-- CreateIndex
CREATE INDEX "gse_dispatch_next_at_idx" ON "gse_dispatch"("next_at");

-- AddForeignKey
ALTER TABLE "gse_backend" ADD CONSTRAINT "gse_backend_bk_biz_id_fkey" FOREIGN KEY ("bk_biz_id") REFERENCES "business"("bk_biz_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gse_dispatch" ADD CONSTRAINT "gse_dispatch_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;
