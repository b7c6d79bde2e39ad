-- The pool page (newest arrivals first) read every pool customer with its last return event and
-- sorted them for 50 (20,000 at 100k customers, 0.4-0.7 s on PGlite); an activity's task was
-- found by reading every task, once per activity on a customer's timeline or in a list.
CREATE INDEX "tasks_activity_idx" ON "tasks" USING btree ("org_id","activity_id") WHERE "tasks"."activity_id" is not null;--> statement-breakpoint
CREATE INDEX "customers_pool_arrival_idx" ON "customers" USING btree ("org_id",coalesce("pooled_at", "created_at"),"id") WHERE "customers"."owner_id" is null and "customers"."archived_at" is null;--> statement-breakpoint
-- PGlite runs no autovacuum: the planner needs the new expression's statistics.
ANALYZE customers;
