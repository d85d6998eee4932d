-- AlterTable
ALTER TABLE "user" ADD COLUMN     "must_change_password" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "password_changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "session" ADD COLUMN     "client_ip" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "user_agent" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "api_app" ADD COLUMN     "created_by" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "secret_rotated_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "user_role" (
    "user_id" INTEGER NOT NULL,
    "bk_biz_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "granted_by" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_role_pkey" PRIMARY KEY ("user_id","bk_biz_id")
);

-- CreateTable
CREATE TABLE "app_role" (
    "app_id" INTEGER NOT NULL,
    "bk_biz_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "granted_by" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_role_pkey" PRIMARY KEY ("app_id","bk_biz_id")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "user_role_bk_biz_id_idx" ON "user_role"("bk_biz_id");

-- CreateIndex
CREATE INDEX "app_role_bk_biz_id_idx" ON "app_role"("bk_biz_id");

-- CreateIndex
CREATE INDEX "audit_entry_actor_created_at_idx" ON "audit_entry"("actor", "created_at");

-- CreateIndex
CREATE INDEX "audit_entry_app_code_created_at_idx" ON "audit_entry"("app_code", "created_at");

-- CreateIndex
CREATE INDEX "audit_entry_created_at_idx" ON "audit_entry"("created_at");

-- CreateIndex
CREATE INDEX "task_app_code_created_at_idx" ON "task"("app_code", "created_at");

-- AddForeignKey
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_role" ADD CONSTRAINT "app_role_app_id_fkey" FOREIGN KEY ("app_id") REFERENCES "api_app"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Unfinished tasks are the only ones the agent paths look at when closing tasks, which keeps that
-- lookup proportional to open work, not to history.
CREATE INDEX "task_unfinished_idx" ON "task" ("created_at") WHERE "finished_at" IS NULL;

-- Apps that existed before roles kept working on every business: they get that as an explicit grant.
INSERT INTO "app_role" ("app_id", "bk_biz_id", "role", "granted_by") SELECT "id", 0, 'admin', 'upgrade' FROM "api_app";
