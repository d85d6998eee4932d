-- A task is retried at most once: the index makes a second retry (even two racing) fail at insert.
-- A database from before this rule may hold several retries of one task: all but the first lose
-- their link to it (they stay in the history, only the "retry of" pointer goes)
UPDATE "task" t SET "retry_of" = NULL
WHERE t."retry_of" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "task" e WHERE e."retry_of" = t."retry_of" AND (e."created_at", e."id") < (t."created_at", t."id")
);

-- CreateIndex
CREATE UNIQUE INDEX "task_retry_of_key" ON "task"("retry_of");
