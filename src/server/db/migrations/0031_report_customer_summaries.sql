-- The account assessment and the revenue distribution read one narrow row per customer
-- (customer_sales_pipeline), and the funnel report a manager's pool customers for its edge
-- days from customers_pool_team_idx alone (docs/performance.md, issues 8 and 9).
CREATE TABLE "customer_sales_pipeline" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid,
	"pool_team_id" uuid,
	"sales_cents" bigint NOT NULL,
	"sales_lines" integer NOT NULL,
	"first_order_on" date,
	"last_order_on" date,
	"open_deals" integer NOT NULL,
	"potential_cents" bigint NOT NULL,
	CONSTRAINT "customer_sales_pipeline_org_id_customer_id_pk" PRIMARY KEY("org_id","customer_id")
);
--> statement-breakpoint
CREATE INDEX "customer_sales_pipeline_first_idx" ON "customer_sales_pipeline" USING btree ("org_id","first_order_on");--> statement-breakpoint
CREATE INDEX "customer_sales_pipeline_last_idx" ON "customer_sales_pipeline" USING btree ("org_id","last_order_on");--> statement-breakpoint
CREATE INDEX "customers_pool_team_idx" ON "customers" USING btree ("org_id","pool_team_id","id") WHERE "customers"."owner_id" is null;--> statement-breakpoint
CREATE TYPE customer_key AS (org_id uuid, customer_id uuid);--> statement-breakpoint
-- Recomputes the touched customers' rows from their sales lines and deals. Writers of the same
-- customer take turns on its row (keys in order) and then read each other's lines and deals,
-- as customer_contact_blocks_apply does. A customer with neither sales nor open deals has no row.
CREATE FUNCTION customer_sales_pipeline_refresh(keys customer_key[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM customers c
    WHERE (c.org_id, c.id) IN (SELECT k.org_id, k.customer_id FROM unnest(keys) k)
    ORDER BY c.org_id, c.id FOR NO KEY UPDATE;
  WITH fresh AS (
      SELECT c.org_id, c.id AS customer_id, c.owner_id, c.pool_team_id,
        coalesce(s.amount, 0) AS sales_cents, coalesce(s.n, 0) AS sales_lines, s.first_on, s.last_on,
        coalesce(d.n, 0) AS open_deals, coalesce(d.potential, 0) AS potential_cents
      FROM customers c
        CROSS JOIN LATERAL (SELECT sum(l.amount_cents)::bigint AS amount, count(*)::int AS n,
            min(l.order_date) AS first_on, max(l.order_date) AS last_on
          FROM sales_lines l WHERE l.org_id = c.org_id AND l.customer_id = c.id) s
        CROSS JOIN LATERAL (SELECT count(*)::int AS n,
            sum(round(o.amount_cents * o.probability / 100.0))::bigint AS potential
          FROM deals o WHERE o.org_id = c.org_id AND o.customer_id = c.id AND o.status = 'open') d
      WHERE (c.org_id, c.id) IN (SELECT k.org_id, k.customer_id FROM unnest(keys) k)),
    kept AS (
      INSERT INTO customer_sales_pipeline AS p (org_id, customer_id, owner_id, pool_team_id,
          sales_cents, sales_lines, first_order_on, last_order_on, open_deals, potential_cents)
        SELECT * FROM fresh f WHERE f.sales_lines > 0 OR f.open_deals > 0
        ORDER BY f.org_id, f.customer_id
      ON CONFLICT (org_id, customer_id) DO UPDATE
        SET owner_id = excluded.owner_id, pool_team_id = excluded.pool_team_id,
          sales_cents = excluded.sales_cents, sales_lines = excluded.sales_lines,
          first_order_on = excluded.first_order_on, last_order_on = excluded.last_order_on,
          open_deals = excluded.open_deals, potential_cents = excluded.potential_cents
      RETURNING 1)
  -- Rows of customers left with nothing, or gone.
  DELETE FROM customer_sales_pipeline p
    WHERE (p.org_id, p.customer_id) IN (SELECT k.org_id, k.customer_id FROM unnest(keys) k)
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.org_id = p.org_id
        AND f.customer_id = p.customer_id AND (f.sales_lines > 0 OR f.open_deals > 0));
END;
$$;--> statement-breakpoint
CREATE FUNCTION customer_sales_pipeline_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM customer_sales_pipeline_refresh(array(
      SELECT DISTINCT row(n.org_id, n.customer_id)::customer_key FROM new_lines n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM customer_sales_pipeline_refresh(array(
      SELECT DISTINCT row(o.org_id, o.customer_id)::customer_key FROM old_lines o));
  ELSE
    -- Marking lines paid changes none of the summed columns: nothing to do.
    PERFORM customer_sales_pipeline_refresh(array(
      SELECT DISTINCT row(x.org_id, x.customer_id)::customer_key FROM (
        SELECT n.org_id, n.customer_id, n.amount_cents, n.order_date, 1 AS n FROM new_lines n
        UNION ALL
        SELECT o.org_id, o.customer_id, o.amount_cents, o.order_date, -1 FROM old_lines o) x
      GROUP BY x.org_id, x.customer_id, x.amount_cents, x.order_date
      HAVING sum(x.n) <> 0));
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER sales_lines_pipeline_insert AFTER INSERT ON "sales_lines"
  REFERENCING NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_pipeline_lines();--> statement-breakpoint
CREATE TRIGGER sales_lines_pipeline_update AFTER UPDATE ON "sales_lines"
  REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_pipeline_lines();--> statement-breakpoint
CREATE TRIGGER sales_lines_pipeline_delete AFTER DELETE ON "sales_lines"
  REFERENCING OLD TABLE AS old_lines
  FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_pipeline_lines();--> statement-breakpoint
CREATE FUNCTION customer_sales_pipeline_deals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM customer_sales_pipeline_refresh(array(
      SELECT DISTINCT row(n.org_id, n.customer_id)::customer_key FROM new_deals n
      WHERE n.status = 'open'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM customer_sales_pipeline_refresh(array(
      SELECT DISTINCT row(o.org_id, o.customer_id)::customer_key FROM old_deals o
      WHERE o.status = 'open'));
  ELSE
    -- Only open deals count: a change to anything but their customer, status, amount or
    -- probability (a note, a date, a stage of the same probability) leaves the sums alone.
    PERFORM customer_sales_pipeline_refresh(array(
      SELECT DISTINCT row(x.org_id, x.customer_id)::customer_key FROM (
        SELECT n.org_id, n.customer_id, n.id, n.amount_cents, n.probability, 1 AS n
        FROM new_deals n WHERE n.status = 'open'
        UNION ALL
        SELECT o.org_id, o.customer_id, o.id, o.amount_cents, o.probability, -1
        FROM old_deals o WHERE o.status = 'open') x
      GROUP BY x.org_id, x.customer_id, x.id, x.amount_cents, x.probability
      HAVING sum(x.n) <> 0));
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- Named to fire before deals_stage_totals_* (AFTER triggers run in name order): this one takes
-- the customers' row lock first, so the totals' FOR SHARE of the same rows never waits on it.
CREATE TRIGGER deals_sales_pipeline_insert AFTER INSERT ON "deals"
  REFERENCING NEW TABLE AS new_deals
  FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_pipeline_deals();--> statement-breakpoint
CREATE TRIGGER deals_sales_pipeline_update AFTER UPDATE ON "deals"
  REFERENCING OLD TABLE AS old_deals NEW TABLE AS new_deals
  FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_pipeline_deals();--> statement-breakpoint
CREATE TRIGGER deals_sales_pipeline_delete AFTER DELETE ON "deals"
  REFERENCING OLD TABLE AS old_deals
  FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_pipeline_deals();--> statement-breakpoint
-- A customer changing hands (claim, release, assign, lapse, pool team): its row follows. Every
-- customers update fires this (transition tables need a trigger without a column list); only
-- rows whose owner or pool team differ from the stored ones are written.
CREATE FUNCTION customer_sales_pipeline_customers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customer_sales_pipeline p SET owner_id = n.owner_id, pool_team_id = n.pool_team_id
    FROM new_customers n
    WHERE p.org_id = n.org_id AND p.customer_id = n.id
      AND (p.owner_id IS DISTINCT FROM n.owner_id OR p.pool_team_id IS DISTINCT FROM n.pool_team_id);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER customers_sales_pipeline AFTER UPDATE ON "customers"
  REFERENCING NEW TABLE AS new_customers
  FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_pipeline_customers();--> statement-breakpoint
CREATE FUNCTION customer_sales_pipeline_clear_sales() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_sales_pipeline WHERE open_deals = 0;
  UPDATE customer_sales_pipeline SET sales_cents = 0, sales_lines = 0, first_order_on = NULL,
    last_order_on = NULL WHERE sales_lines <> 0;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER sales_lines_pipeline_truncate AFTER TRUNCATE ON "sales_lines"
  FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_pipeline_clear_sales();--> statement-breakpoint
CREATE FUNCTION customer_sales_pipeline_clear_deals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_sales_pipeline WHERE sales_lines = 0;
  UPDATE customer_sales_pipeline SET open_deals = 0, potential_cents = 0 WHERE open_deals <> 0;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER deals_sales_pipeline_truncate AFTER TRUNCATE ON "deals"
  FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_pipeline_clear_deals();--> statement-breakpoint
-- Rebuilds an org's rows in one pass (the backfill below, and loads that write with triggers off).
CREATE FUNCTION customer_sales_pipeline_rebuild(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_sales_pipeline WHERE org_id = p_org;
  INSERT INTO customer_sales_pipeline (org_id, customer_id, owner_id, pool_team_id, sales_cents,
      sales_lines, first_order_on, last_order_on, open_deals, potential_cents)
    SELECT c.org_id, c.id, c.owner_id, c.pool_team_id, coalesce(s.amount, 0), coalesce(s.n, 0),
      s.first_on, s.last_on, coalesce(d.n, 0), coalesce(d.potential, 0)
    FROM (SELECT l.customer_id, sum(l.amount_cents)::bigint AS amount, count(*)::int AS n,
          min(l.order_date) AS first_on, max(l.order_date) AS last_on
        FROM sales_lines l WHERE l.org_id = p_org GROUP BY l.customer_id) s
      FULL JOIN (SELECT o.customer_id, count(*)::int AS n,
          sum(round(o.amount_cents * o.probability / 100.0))::bigint AS potential
        FROM deals o WHERE o.org_id = p_org AND o.status = 'open' GROUP BY o.customer_id) d
        ON d.customer_id = s.customer_id
      JOIN customers c ON c.org_id = p_org AND c.id = coalesce(s.customer_id, d.customer_id);
END;
$$;--> statement-breakpoint
SELECT customer_sales_pipeline_rebuild(o.id) FROM orgs o;--> statement-breakpoint
-- PGlite runs no autovacuum: without statistics the planner takes the new table for empty.
ANALYZE customer_sales_pipeline;
