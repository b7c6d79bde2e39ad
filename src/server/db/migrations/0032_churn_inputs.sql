CREATE TABLE "churn_inputs_state" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"rule" text NOT NULL,
	"terms" integer NOT NULL,
	"day" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_churn_inputs" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"owner_id" uuid,
	"team_id" uuid,
	"pool_team_id" uuid,
	"archived" boolean DEFAULT false NOT NULL,
	"changes" integer DEFAULT 0 NOT NULL,
	"as_of" date,
	"payment_terms_days" integer,
	"inputs_until" date DEFAULT '-infinity' NOT NULL,
	"valid_until" date DEFAULT '-infinity' NOT NULL,
	"order_days" integer DEFAULT 0 NOT NULL,
	"last_order" date,
	"median_gap_days" double precision,
	"last90_cents" bigint DEFAULT 0 NOT NULL,
	"prev90_cents" bigint DEFAULT 0 NOT NULL,
	"overdue_cents" bigint DEFAULT 0 NOT NULL,
	"no_order_overdue" smallint DEFAULT 0 NOT NULL,
	"revenue_drop" smallint DEFAULT 0 NOT NULL,
	"payment_overdue" smallint DEFAULT 0 NOT NULL,
	"critical" smallint DEFAULT 0 NOT NULL,
	"warnings" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "customer_churn_inputs_org_id_customer_id_pk" PRIMARY KEY("org_id","customer_id")
);
--> statement-breakpoint
CREATE INDEX "customer_churn_inputs_valid_idx" ON "customer_churn_inputs" USING btree ("org_id","valid_until");--> statement-breakpoint
CREATE INDEX "customers_contract_end_idx" ON "customers" USING btree ("org_id") WHERE ("customers"."custom" ->> 'contractEndDate') is not null;--> statement-breakpoint
-- Keeps customer_churn_inputs marked stale for every writer of sales_lines (the sales import
-- and its undo, the seeds): a changed customer's row (made on its first record, with the
-- customer's name, owner, team, pool and archived flag) gets valid_until -infinity and one
-- more change; churn_inputs_refresh() recomputes it on the next read. Keys in order, so
-- concurrent writers cannot deadlock.
CREATE FUNCTION customer_churn_inputs_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE customer_churn_inputs i
      SET inputs_until = '-infinity', valid_until = '-infinity', changes = i.changes + 1
      FROM (SELECT DISTINCT o.org_id, o.customer_id FROM old_lines o ORDER BY 1, 2) o
      WHERE i.org_id = o.org_id AND i.customer_id = o.customer_id;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO customer_churn_inputs AS i
        (org_id, customer_id, name, owner_id, team_id, pool_team_id, archived)
      SELECT c.org_id, c.id, c.name, c.owner_id, c.team_id, c.pool_team_id, c.archived_at IS NOT NULL
      FROM customers c
      WHERE (c.org_id, c.id) IN (SELECT n.org_id, n.customer_id FROM new_lines n)
      ORDER BY 1, 2
    ON CONFLICT (org_id, customer_id) DO UPDATE
      SET inputs_until = '-infinity', valid_until = '-infinity', changes = i.changes + 1;
  ELSE
    INSERT INTO customer_churn_inputs AS i
        (org_id, customer_id, name, owner_id, team_id, pool_team_id, archived)
      SELECT c.org_id, c.id, c.name, c.owner_id, c.team_id, c.pool_team_id, c.archived_at IS NOT NULL
      FROM customers c
      WHERE (c.org_id, c.id) IN (SELECT n.org_id, n.customer_id FROM new_lines n
        UNION SELECT o.org_id, o.customer_id FROM old_lines o)
      ORDER BY 1, 2
    ON CONFLICT (org_id, customer_id) DO UPDATE
      SET inputs_until = '-infinity', valid_until = '-infinity', changes = i.changes + 1;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER sales_lines_churn_insert AFTER INSERT ON "sales_lines"
  REFERENCING NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION customer_churn_inputs_touch();--> statement-breakpoint
CREATE TRIGGER sales_lines_churn_update AFTER UPDATE ON "sales_lines"
  REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION customer_churn_inputs_touch();--> statement-breakpoint
CREATE TRIGGER sales_lines_churn_delete AFTER DELETE ON "sales_lines"
  REFERENCING OLD TABLE AS old_lines
  FOR EACH STATEMENT EXECUTE FUNCTION customer_churn_inputs_touch();--> statement-breakpoint
CREATE FUNCTION customer_churn_inputs_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_churn_inputs;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER sales_lines_churn_truncate AFTER TRUNCATE ON "sales_lines"
  FOR EACH STATEMENT EXECUTE FUNCTION customer_churn_inputs_clear();--> statement-breakpoint
-- The customer's own fields the report filters and sorts on, kept with the customer. A
-- column list and a WHEN, so other updates of the wide row never fire it.
CREATE FUNCTION customer_churn_inputs_customer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customer_churn_inputs
    SET name = NEW.name, owner_id = NEW.owner_id, team_id = NEW.team_id,
      pool_team_id = NEW.pool_team_id, archived = NEW.archived_at IS NOT NULL
    WHERE org_id = NEW.org_id AND customer_id = NEW.id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER customers_churn_update
  AFTER UPDATE OF name, owner_id, team_id, pool_team_id, archived_at ON "customers"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name
    OR OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.team_id IS DISTINCT FROM NEW.team_id
    OR OLD.pool_team_id IS DISTINCT FROM NEW.pool_team_id
    OR (OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL))
  EXECUTE FUNCTION customer_churn_inputs_customer();--> statement-breakpoint
-- The flags of one customer's figures on p_today (0 none, 1 warning, 2 critical), as
-- domain/churn's churnWarnings gives them (allowed days in float8, as JavaScript's numbers),
-- and until when they hold: the inputs' own end, or the day the no-order flag next rises (the
-- first whole day past allowed, or past twice it).
CREATE FUNCTION churn_levels(p_today date, p_factor double precision, p_drop integer,
  p_min integer, p_order_days integer, p_last_order date, p_median double precision,
  p_last90 bigint, p_prev90 bigint, p_overdue bigint, p_inputs_until date)
RETURNS TABLE (no_order integer, revenue_drop integer, payment integer, critical integer,
  warnings integer, valid_until date)
LANGUAGE sql IMMUTABLE AS $$
  SELECT n, d, p, (n = 2)::int + (d = 2)::int, (n > 0)::int + (d > 0)::int + p,
    least(p_inputs_until, CASE WHEN NOT rhythmic THEN NULL
      WHEN n = 0 THEN p_last_order + (floor(allowed)::int + 1)
      WHEN n = 1 THEN p_last_order + (floor(2 * allowed)::int + 1) END)
  FROM (SELECT rhythmic, allowed,
      CASE WHEN rhythmic AND since > allowed
        THEN CASE WHEN since > 2 * allowed THEN 2 ELSE 1 END ELSE 0 END AS n,
      CASE WHEN p_prev90 > 0 AND p_last90 < p_prev90 AND drop100 >= p_drop::numeric * p_prev90
        THEN CASE WHEN drop100 >= 2 * p_drop::numeric * p_prev90 THEN 2 ELSE 1 END
        ELSE 0 END AS d,
      (p_overdue > 0)::int AS p
    FROM (SELECT p_order_days >= p_min AND p_median IS NOT NULL AS rhythmic,
        (p_today - p_last_order)::double precision AS since, p_factor * p_median AS allowed,
        (p_prev90 - p_last90)::numeric * 100 AS drop100) x) y
$$;--> statement-breakpoint
-- Brings an org's rows up to p_today under the churn settings (p_factor × median interval,
-- p_drop percent, p_min order days, p_terms days of default payment terms), mirroring
-- domain/churn's churnWarnings over what churn.service's inputs query reads: order days in
-- (today - 3 years, today]; revenue in (today - 90, today] and (today - 180, today - 90]; the
-- unpaid part of lines ordered by today and due before it. Rows whose figures can have
-- changed (inputs_until: a line's order day arriving, or reaching 90 or 180 days, or a day
-- early three years; an unpaid line's due date passing) are recomputed from the lines, the
-- flags of rows past valid_until (also the day the no-order flag rises) from the figures.
-- Other settings recompute every flag; other terms, or an earlier day, every row. A row
-- whose customer has no records left goes; only rows not changed again meanwhile are written.
-- Returns how many rows it recomputed from the lines.
CREATE FUNCTION churn_inputs_refresh(p_org uuid, p_today date, p_factor double precision,
  p_drop integer, p_min integer, p_terms integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_rule text := p_factor::text || '/' || p_drop || '/' || p_min;
  v_state churn_inputs_state%ROWTYPE;
  v_lines integer;
BEGIN
  SELECT * INTO v_state FROM churn_inputs_state WHERE org_id = p_org;
  IF NOT FOUND OR v_state.day > p_today OR v_state.terms <> p_terms THEN
    UPDATE customer_churn_inputs SET inputs_until = '-infinity', valid_until = '-infinity'
      WHERE org_id = p_org AND inputs_until > '-infinity';
  ELSIF v_state.rule <> v_rule THEN
    UPDATE customer_churn_inputs SET valid_until = '-infinity'
      WHERE org_id = p_org AND valid_until > '-infinity';
  END IF;

  -- No join here is between two computed sets (a planner without statistics would loop over
  -- both): the stale rows drive index scans of sales_lines, the figures update by primary key.
  WITH stale AS MATERIALIZED (
    SELECT i.customer_id, i.changes FROM customer_churn_inputs i
    WHERE i.org_id = p_org AND i.valid_until <= p_today AND i.inputs_until <= p_today
  ), sums AS MATERIALIZED (
    SELECT k.customer_id, k.changes,
      array_agg(DISTINCT s.order_date ORDER BY s.order_date) FILTER (WHERE s.order_date <= p_today
        AND s.order_date > (p_today - interval '3 years')::date) AS days,
      coalesce(sum(s.amount_cents) FILTER (WHERE s.order_date <= p_today
        AND s.order_date > p_today - 90), 0)::bigint AS last90,
      coalesce(sum(s.amount_cents) FILTER (WHERE s.order_date <= p_today - 90
        AND s.order_date > p_today - 180), 0)::bigint AS prev90,
      coalesce(sum(greatest(s.amount_cents - coalesce(s.paid_cents, 0), 0)) FILTER (
        WHERE s.order_date <= p_today
          AND coalesce(s.due_date, s.order_date + p_terms) < p_today), 0)::bigint AS overdue,
      coalesce(min(least(
        CASE WHEN s.order_date > p_today THEN s.order_date END,
        CASE WHEN s.order_date + 90 > p_today THEN s.order_date + 90 END,
        CASE WHEN s.order_date + 180 > p_today THEN s.order_date + 180 END,
        CASE WHEN (s.order_date + interval '3 years')::date - 1 > p_today
          THEN (s.order_date + interval '3 years')::date - 1 END,
        CASE WHEN s.amount_cents > coalesce(s.paid_cents, 0)
            AND coalesce(s.due_date, s.order_date + p_terms) + 1 > p_today
          THEN coalesce(s.due_date, s.order_date + p_terms) + 1 END)), 'infinity') AS until
    FROM stale k JOIN sales_lines s ON s.org_id = p_org AND s.customer_id = k.customer_id
    GROUP BY k.customer_id, k.changes
  ), figures AS (
    SELECT u.*, coalesce(cardinality(u.days), 0) AS order_days,
      u.days[cardinality(u.days)] AS last_order,
      -- The median gap between consecutive order days (null with fewer than two).
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY u.days[g + 1] - u.days[g])
        FROM generate_series(1, cardinality(u.days) - 1) g) AS median_gap
    FROM sums u
  ), gone AS (
    DELETE FROM customer_churn_inputs i USING stale k
    WHERE i.org_id = p_org AND i.customer_id = k.customer_id AND i.changes = k.changes
      AND NOT EXISTS (SELECT 1 FROM sales_lines s
        WHERE s.org_id = p_org AND s.customer_id = k.customer_id)
    RETURNING 1
  ), written AS (
    UPDATE customer_churn_inputs i SET as_of = p_today, inputs_until = f.until,
      payment_terms_days = p_terms, order_days = f.order_days, last_order = f.last_order,
      median_gap_days = f.median_gap,
      last90_cents = f.last90, prev90_cents = f.prev90, overdue_cents = f.overdue,
      no_order_overdue = l.no_order, revenue_drop = l.revenue_drop,
      payment_overdue = l.payment, critical = l.critical, warnings = l.warnings,
      valid_until = l.valid_until
    FROM figures f, churn_levels(p_today, p_factor, p_drop, p_min, f.order_days, f.last_order,
      f.median_gap, f.last90, f.prev90, f.overdue, f.until) l
    WHERE i.org_id = p_org AND i.customer_id = f.customer_id AND i.changes = f.changes
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone) + (SELECT count(*) FROM written) INTO v_lines;

  -- Rows whose figures still hold but whose flags may not (the day, other settings).
  UPDATE customer_churn_inputs i
  SET (no_order_overdue, revenue_drop, payment_overdue, critical, warnings, valid_until) = (
    SELECT l.no_order, l.revenue_drop, l.payment, l.critical, l.warnings, l.valid_until
    FROM churn_levels(p_today, p_factor, p_drop, p_min, i.order_days, i.last_order,
      i.median_gap_days, i.last90_cents, i.prev90_cents, i.overdue_cents, i.inputs_until) l)
  WHERE i.org_id = p_org AND i.valid_until <= p_today AND i.inputs_until > p_today;

  INSERT INTO churn_inputs_state (org_id, rule, terms, day) VALUES (p_org, v_rule, p_terms, p_today)
  ON CONFLICT (org_id) DO UPDATE SET rule = excluded.rule, terms = excluded.terms, day = excluded.day;
  RETURN v_lines;
END;
$$;--> statement-breakpoint
-- Every customer with sales records, computed for each org's today under its stored settings.
INSERT INTO customer_churn_inputs (org_id, customer_id, name, owner_id, team_id, pool_team_id, archived)
  SELECT c.org_id, c.id, c.name, c.owner_id, c.team_id, c.pool_team_id, c.archived_at IS NOT NULL
  FROM customers c
  WHERE (c.org_id, c.id) IN (SELECT s.org_id, s.customer_id FROM sales_lines s);--> statement-breakpoint
ANALYZE customer_churn_inputs;--> statement-breakpoint
SELECT churn_inputs_refresh(o.id, (now() AT TIME ZONE o.time_zone)::date,
    coalesce((q.value->>'intervalFactor')::float8, 1.5), coalesce((q.value->>'dropPercent')::int, 30),
    coalesce((q.value->>'minOrders')::int, 3), coalesce((q.value->>'defaultPaymentTermsDays')::int, 30))
  FROM orgs o LEFT JOIN qualification_settings q ON q.org_id = o.id AND q.kind = 'churn';--> statement-breakpoint
-- Written twice per row above: rewritten compactly (PGlite runs no vacuum), and analyzed,
-- without which the planner takes the new table for empty.
CLUSTER customer_churn_inputs USING customer_churn_inputs_org_id_customer_id_pk;--> statement-breakpoint
ANALYZE customer_churn_inputs;
