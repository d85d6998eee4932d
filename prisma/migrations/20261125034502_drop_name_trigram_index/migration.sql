-- Every search is scoped to one business (bk_biz_id = $1, usually a few hundred rows). With the global
-- trigram index the planner ANDs it with the business index and reads every business's matches:
-- 1.8 ms vs 0.12 ms per by-name search at 100,000 processes (npm run bench:search, EXPLAIN ANALYZE).
-- Even a 30,000-process business searches as fast without it.
DROP INDEX IF EXISTS "process_name_trgm_idx";
