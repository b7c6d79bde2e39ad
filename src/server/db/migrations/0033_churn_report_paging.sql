CREATE TABLE "customer_churn_counts" (
	"org_id" uuid NOT NULL,
	"owner_id" uuid,
	"team_id" uuid,
	"pool_team_id" uuid,
	"no_order_overdue" smallint NOT NULL,
	"revenue_drop" smallint NOT NULL,
	"payment_overdue" smallint NOT NULL,
	"customers" integer NOT NULL,
	"merged" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "customer_churn_counts_owner_idx" ON "customer_churn_counts" USING btree ("org_id","owner_id");--> statement-breakpoint
CREATE INDEX "customer_churn_counts_unmerged_idx" ON "customer_churn_counts" USING btree ("org_id") WHERE not "customer_churn_counts"."merged";--> statement-breakpoint
CREATE INDEX "customer_churn_inputs_urgency_idx" ON "customer_churn_inputs" USING btree ("org_id",(-"critical"),(-"warnings"),("name" collate "C"),"customer_id") WHERE "customer_churn_inputs"."warnings" > 0 and not "customer_churn_inputs"."archived";--> statement-breakpoint
CREATE INDEX "customer_churn_inputs_owner_urgency_idx" ON "customer_churn_inputs" USING btree ("org_id","owner_id",(-"critical"),(-"warnings"),("name" collate "C"),"customer_id") WHERE "customer_churn_inputs"."warnings" > 0 and not "customer_churn_inputs"."archived";--> statement-breakpoint
-- Appends what a statement on customer_churn_inputs changed in the flagged, unarchived rows:
-- per key (owner, team, pool team, levels) the rows it added minus those it took away. An
-- update that changes no key of a counted row (marking stale, new figures with the same
-- flags) nets to nothing and appends nothing.
CREATE FUNCTION customer_churn_counts_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_churn_counts (org_id, owner_id, team_id, pool_team_id,
        no_order_overdue, revenue_drop, payment_overdue, customers)
      SELECT n.org_id, n.owner_id, n.team_id, n.pool_team_id, n.no_order_overdue,
        n.revenue_drop, n.payment_overdue, count(*)
      FROM new_rows n WHERE n.warnings > 0 AND NOT n.archived
      GROUP BY 1, 2, 3, 4, 5, 6, 7;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO customer_churn_counts (org_id, owner_id, team_id, pool_team_id,
        no_order_overdue, revenue_drop, payment_overdue, customers)
      SELECT o.org_id, o.owner_id, o.team_id, o.pool_team_id, o.no_order_overdue,
        o.revenue_drop, o.payment_overdue, -count(*)
      FROM old_rows o WHERE o.warnings > 0 AND NOT o.archived
      GROUP BY 1, 2, 3, 4, 5, 6, 7;
  ELSE
    INSERT INTO customer_churn_counts (org_id, owner_id, team_id, pool_team_id,
        no_order_overdue, revenue_drop, payment_overdue, customers)
      SELECT x.org_id, x.owner_id, x.team_id, x.pool_team_id, x.no_order_overdue,
        x.revenue_drop, x.payment_overdue, sum(x.d)
      FROM (SELECT n.org_id, n.owner_id, n.team_id, n.pool_team_id, n.no_order_overdue,
            n.revenue_drop, n.payment_overdue, 1 AS d
          FROM new_rows n WHERE n.warnings > 0 AND NOT n.archived
        UNION ALL
        SELECT o.org_id, o.owner_id, o.team_id, o.pool_team_id, o.no_order_overdue,
            o.revenue_drop, o.payment_overdue, -1
          FROM old_rows o WHERE o.warnings > 0 AND NOT o.archived) x
      GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(x.d) <> 0;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER customer_churn_inputs_count_insert AFTER INSERT ON "customer_churn_inputs"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_churn_counts_log();--> statement-breakpoint
CREATE TRIGGER customer_churn_inputs_count_update AFTER UPDATE ON "customer_churn_inputs"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_churn_counts_log();--> statement-breakpoint
CREATE TRIGGER customer_churn_inputs_count_delete AFTER DELETE ON "customer_churn_inputs"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_churn_counts_log();--> statement-breakpoint
-- Folds an org's unmerged deltas, with the merged rows of the same keys, into one merged row
-- per key (none where they sum to 0). One merger per org at a time; the others skip, as the
-- next read merges what they left. Returns the merged rows written.
CREATE FUNCTION churn_counts_merge(p_org uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_rows integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM customer_churn_counts WHERE org_id = p_org AND NOT merged)
    OR NOT pg_try_advisory_xact_lock(hashtext('customer_churn_counts'), hashtext(p_org::text))
  THEN
    RETURN 0;
  END IF;
  -- Keys compared as text: a hashable IN that also matches nulls.
  WITH gone AS (
    DELETE FROM customer_churn_counts c
    WHERE c.org_id = p_org AND row(c.owner_id, c.team_id, c.pool_team_id, c.no_order_overdue,
        c.revenue_drop, c.payment_overdue)::text IN (
      SELECT row(u.owner_id, u.team_id, u.pool_team_id, u.no_order_overdue, u.revenue_drop,
          u.payment_overdue)::text
      FROM customer_churn_counts u WHERE u.org_id = p_org AND NOT u.merged)
    RETURNING c.*
  )
  INSERT INTO customer_churn_counts (org_id, owner_id, team_id, pool_team_id,
      no_order_overdue, revenue_drop, payment_overdue, customers, merged)
    SELECT p_org, g.owner_id, g.team_id, g.pool_team_id, g.no_order_overdue, g.revenue_drop,
      g.payment_overdue, sum(g.customers), true
    FROM gone g GROUP BY 2, 3, 4, 5, 6, 7 HAVING sum(g.customers) <> 0;
  GET DIAGNOSTICS v_rows = ROW_COUNT;
  RETURN v_rows;
END;
$$;--> statement-breakpoint
INSERT INTO customer_churn_counts (org_id, owner_id, team_id, pool_team_id, no_order_overdue,
    revenue_drop, payment_overdue, customers, merged)
  SELECT i.org_id, i.owner_id, i.team_id, i.pool_team_id, i.no_order_overdue, i.revenue_drop,
    i.payment_overdue, count(*), true
  FROM customer_churn_inputs i WHERE i.warnings > 0 AND NOT i.archived
  GROUP BY 1, 2, 3, 4, 5, 6, 7;--> statement-breakpoint
ANALYZE customer_churn_counts;--> statement-breakpoint
ANALYZE customer_churn_inputs;
