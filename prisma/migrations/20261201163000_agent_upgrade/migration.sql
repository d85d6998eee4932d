-- AlterTable
ALTER TABLE "host" ADD COLUMN     "agent_platform" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "agent_upgrade_at" TIMESTAMP(3),
ADD COLUMN     "agent_upgrade_message" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "agent_upgrade_state" TEXT,
ADD COLUMN     "agent_upgrade_version" TEXT NOT NULL DEFAULT '';
