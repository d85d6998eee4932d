-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "business" (
    "bk_biz_id" SERIAL NOT NULL,
    "bk_biz_name" TEXT NOT NULL,
    "bk_supplier_account" TEXT NOT NULL DEFAULT '0',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "business_pkey" PRIMARY KEY ("bk_biz_id")
);

-- CreateTable
CREATE TABLE "set" (
    "bk_set_id" SERIAL NOT NULL,
    "bk_biz_id" INTEGER NOT NULL,
    "bk_set_name" TEXT NOT NULL,
    "default" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "set_pkey" PRIMARY KEY ("bk_set_id")
);

-- CreateTable
CREATE TABLE "module" (
    "bk_module_id" SERIAL NOT NULL,
    "bk_biz_id" INTEGER NOT NULL,
    "bk_set_id" INTEGER NOT NULL,
    "bk_module_name" TEXT NOT NULL,
    "default" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "module_pkey" PRIMARY KEY ("bk_module_id")
);

-- CreateTable
CREATE TABLE "host" (
    "bk_host_id" SERIAL NOT NULL,
    "bk_host_innerip" TEXT NOT NULL,
    "bk_cloud_id" INTEGER NOT NULL DEFAULT 0,
    "bk_host_name" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "host_pkey" PRIMARY KEY ("bk_host_id")
);

-- CreateTable
CREATE TABLE "host_module" (
    "bk_host_id" INTEGER NOT NULL,
    "bk_module_id" INTEGER NOT NULL,

    CONSTRAINT "host_module_pkey" PRIMARY KEY ("bk_host_id","bk_module_id")
);

-- CreateTable
CREATE TABLE "process" (
    "bk_process_id" SERIAL NOT NULL,
    "bk_biz_id" INTEGER NOT NULL,
    "bk_supplier_account" TEXT NOT NULL DEFAULT '0',
    "bk_process_name" TEXT NOT NULL,
    "bk_func_name" TEXT NOT NULL,
    "bk_func_id" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "bind_ip" TEXT,
    "port" TEXT NOT NULL DEFAULT '',
    "protocol" TEXT,
    "work_path" TEXT NOT NULL DEFAULT '',
    "user" TEXT NOT NULL DEFAULT '',
    "proc_num" INTEGER,
    "priority" INTEGER,
    "timeout" INTEGER,
    "start_cmd" TEXT NOT NULL DEFAULT '',
    "stop_cmd" TEXT NOT NULL DEFAULT '',
    "restart_cmd" TEXT NOT NULL DEFAULT '',
    "face_stop_cmd" TEXT NOT NULL DEFAULT '',
    "reload_cmd" TEXT NOT NULL DEFAULT '',
    "pid_file" TEXT NOT NULL DEFAULT '',
    "auto_start" BOOLEAN,
    "auto_time_gap" INTEGER,
    "bk_start_param_regex" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "create_time" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_time" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "process_pkey" PRIMARY KEY ("bk_process_id")
);

-- CreateTable
CREATE TABLE "process_module_binding" (
    "bk_biz_id" INTEGER NOT NULL,
    "bk_process_id" INTEGER NOT NULL,
    "bk_module_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "process_module_binding_pkey" PRIMARY KEY ("bk_process_id","bk_module_name")
);

-- CreateTable
CREATE TABLE "user" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL DEFAULT '',
    "password_hash" TEXT NOT NULL,
    "is_global_admin" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" TIMESTAMP(3),

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "token_hash" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "csrf_token" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "api_app" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_app_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "bk_biz_id" INTEGER,
    "actor_type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "app_code" TEXT,
    "object_type" TEXT NOT NULL,
    "object_id" TEXT NOT NULL,
    "object_name" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "business_bk_supplier_account_bk_biz_name_key" ON "business"("bk_supplier_account", "bk_biz_name");

-- CreateIndex
CREATE UNIQUE INDEX "set_bk_biz_id_bk_set_name_key" ON "set"("bk_biz_id", "bk_set_name");

-- CreateIndex
CREATE INDEX "module_bk_biz_id_bk_module_name_idx" ON "module"("bk_biz_id", "bk_module_name");

-- CreateIndex
CREATE UNIQUE INDEX "module_bk_set_id_bk_module_name_key" ON "module"("bk_set_id", "bk_module_name");

-- CreateIndex
CREATE UNIQUE INDEX "host_bk_cloud_id_bk_host_innerip_key" ON "host"("bk_cloud_id", "bk_host_innerip");

-- CreateIndex
CREATE INDEX "host_module_bk_module_id_idx" ON "host_module"("bk_module_id");

-- CreateIndex
CREATE INDEX "process_bk_biz_id_bk_func_name_idx" ON "process"("bk_biz_id", "bk_func_name");

-- CreateIndex
CREATE UNIQUE INDEX "process_bk_biz_id_bk_process_name_key" ON "process"("bk_biz_id", "bk_process_name");

-- CreateIndex
CREATE INDEX "process_module_binding_bk_biz_id_bk_module_name_idx" ON "process_module_binding"("bk_biz_id", "bk_module_name");

-- CreateIndex
CREATE UNIQUE INDEX "user_username_key" ON "user"("username");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_app_code_key" ON "api_app"("code");

-- CreateIndex
CREATE INDEX "audit_entry_bk_biz_id_created_at_idx" ON "audit_entry"("bk_biz_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_entry_object_type_object_id_created_at_idx" ON "audit_entry"("object_type", "object_id", "created_at");

-- AddForeignKey
ALTER TABLE "set" ADD CONSTRAINT "set_bk_biz_id_fkey" FOREIGN KEY ("bk_biz_id") REFERENCES "business"("bk_biz_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "module" ADD CONSTRAINT "module_bk_biz_id_fkey" FOREIGN KEY ("bk_biz_id") REFERENCES "business"("bk_biz_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "module" ADD CONSTRAINT "module_bk_set_id_fkey" FOREIGN KEY ("bk_set_id") REFERENCES "set"("bk_set_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "host_module" ADD CONSTRAINT "host_module_bk_host_id_fkey" FOREIGN KEY ("bk_host_id") REFERENCES "host"("bk_host_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "host_module" ADD CONSTRAINT "host_module_bk_module_id_fkey" FOREIGN KEY ("bk_module_id") REFERENCES "module"("bk_module_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "process" ADD CONSTRAINT "process_bk_biz_id_fkey" FOREIGN KEY ("bk_biz_id") REFERENCES "business"("bk_biz_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "process_module_binding" ADD CONSTRAINT "process_module_binding_bk_process_id_fkey" FOREIGN KEY ("bk_process_id") REFERENCES "process"("bk_process_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- search_process matches bk_process_name as a substring (LIKE '%x%'): a trigram index serves it
-- in businesses with many processes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "process_name_trgm_idx" ON "process" USING gin ("bk_process_name" gin_trgm_ops);
