-- AlterTable: the agent session a row was handed to, so a poll reply lost on the way is sent again
ALTER TABLE "task_row" ADD COLUMN "claim_session" TEXT;
