-- The funnel report's "reached" reads only the moves that left a stage backwards or into lost
-- (the furthest stage a deal reached is its current one, or one it left that way; won deals
-- reached every stage): a small, index-only slice of stage_history instead of every move.
CREATE INDEX IF NOT EXISTS "stage_history_reach_idx" ON "stage_history" USING btree ("org_id","funnel_id","deal_id") INCLUDE ("from_stage_key") WHERE "deal_id" IS NOT NULL AND ("direction" = 'backward' OR "to_stage_key" = 'lost');
