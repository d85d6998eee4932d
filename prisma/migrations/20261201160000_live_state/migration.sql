-- AlterTable: an agent's long-poll that ended because the agent hung up marks it disconnected at once
-- (only the latest poll of a host counts: its id is written with each heartbeat)
ALTER TABLE "host" ADD COLUMN     "agent_poll_id" TEXT,
ADD COLUMN     "agent_disconnected_at" TIMESTAMP(3);

-- AlterTable: resource figures the agent sends with its heartbeat, for the pid they were read from
ALTER TABLE "managed_process" ADD COLUMN     "stats_pid" INTEGER,
ADD COLUMN     "cpu_percent" DOUBLE PRECISION,
ADD COLUMN     "mem_bytes" BIGINT,
ADD COLUMN     "proc_started_at" TIMESTAMP(3),
ADD COLUMN     "stats_at" TIMESTAMP(3);
