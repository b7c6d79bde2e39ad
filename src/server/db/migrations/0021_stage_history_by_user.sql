-- Work data's "customers moved forward": one rep's moves in a period, read from the index alone.
-- stage_history_at_idx (org, at, rep) made a team's quarter read the whole org's quarter once
-- per rep (1.4 s for 10 reps) and the whole org's quarter fetch 363,736 rows from the heap.
CREATE INDEX IF NOT EXISTS "stage_history_by_user_idx" ON "stage_history" USING btree ("org_id","by_user_id","at") INCLUDE ("customer_id","direction","deal_id","to_stage_key");
