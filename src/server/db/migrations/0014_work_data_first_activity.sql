DROP INDEX "activities_user_idx";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "first_activity_id" uuid;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "first_activity_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "first_activity_user_id" uuid;--> statement-breakpoint
CREATE INDEX "activities_signals_idx" ON "activities" USING btree ("org_id","user_id","occurred_at","customer_id","signals") WHERE cardinality("activities"."signals") > 0;--> statement-breakpoint
CREATE INDEX "customers_first_activity_idx" ON "customers" USING btree ("org_id","first_activity_at","first_activity_user_id") WHERE "customers"."first_activity_at" is not null;--> statement-breakpoint
CREATE INDEX "activities_user_idx" ON "activities" USING btree ("org_id","user_id","occurred_at","customer_id","type","effective","channel");--> statement-breakpoint
-- Keeps customers.first_activity_* true for every writer of activities (the service, imports,
-- the bench seed): one set-based update per insert statement. Activities are never updated or
-- deleted. Under concurrent inserts the row lock re-checks the comparison on the latest row.
CREATE FUNCTION customers_keep_first_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customers c
    SET first_activity_id = f.id, first_activity_at = f.occurred_at,
      first_activity_user_id = f.user_id
    FROM (SELECT DISTINCT ON (n.org_id, n.customer_id) n.org_id, n.customer_id, n.id,
        n.occurred_at, n.user_id
      FROM new_activities n ORDER BY n.org_id, n.customer_id, n.occurred_at, n.id) f
    WHERE c.org_id = f.org_id AND c.id = f.customer_id
      AND (c.first_activity_at IS NULL
        OR (f.occurred_at, f.id) < (c.first_activity_at, c.first_activity_id));
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER activities_first_activity AFTER INSERT ON "activities"
  REFERENCING NEW TABLE AS new_activities
  FOR EACH STATEMENT EXECUTE FUNCTION customers_keep_first_activity();--> statement-breakpoint
UPDATE "customers" c
  SET first_activity_id = f.id, first_activity_at = f.occurred_at,
    first_activity_user_id = f.user_id
  FROM (SELECT DISTINCT ON (a.org_id, a.customer_id) a.org_id, a.customer_id, a.id,
      a.occurred_at, a.user_id
    FROM activities a ORDER BY a.org_id, a.customer_id, a.occurred_at, a.id) f
  WHERE c.org_id = f.org_id AND c.id = f.customer_id;
