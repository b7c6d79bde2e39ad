-- The forecast made now (forecastNow.ts) reads these instead of each deal's stage history:
-- per deal and stage the last entry, outcome and days to win, their per-org sums for held
-- customers, and the deals not closed with their last entry (5.4 s → see docs/performance.md).
CREATE TABLE "deal_stage_visits" (
	"org_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"stage_key" text NOT NULL,
	"funnel_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid,
	"deal_owner_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"last_day" date NOT NULL,
	"won_days" integer,
	CONSTRAINT "deal_stage_visits_org_id_deal_id_stage_key_pk" PRIMARY KEY("org_id","deal_id","stage_key")
);
--> statement-breakpoint
CREATE TABLE "forecast_open_deals" (
	"org_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"funnel_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid,
	"deal_owner_id" uuid NOT NULL,
	"stage_key" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"deal_stage_key" text NOT NULL,
	"probability" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"expected_close_date" date,
	CONSTRAINT "forecast_open_deals_org_id_deal_id_pk" PRIMARY KEY("org_id","deal_id")
);
--> statement-breakpoint
CREATE TABLE "stage_visit_totals" (
	"org_id" uuid NOT NULL,
	"funnel_id" uuid NOT NULL,
	"stage_key" text NOT NULL,
	"outcome" text NOT NULL,
	"last_day" date NOT NULL,
	"won_days" integer,
	"deals" integer NOT NULL,
	CONSTRAINT "stage_visit_totals_key" UNIQUE NULLS NOT DISTINCT("org_id","funnel_id","stage_key","outcome","last_day","won_days")
);
--> statement-breakpoint
CREATE INDEX "deal_stage_visits_customer_idx" ON "deal_stage_visits" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "deal_stage_visits_owner_idx" ON "deal_stage_visits" USING btree ("org_id","funnel_id","owner_id","last_day","stage_key","outcome","won_days");--> statement-breakpoint
CREATE INDEX "deal_stage_visits_deal_owner_idx" ON "deal_stage_visits" USING btree ("org_id","funnel_id","deal_owner_id","last_day");--> statement-breakpoint
CREATE INDEX "forecast_open_deals_owner_idx" ON "forecast_open_deals" USING btree ("org_id","funnel_id","owner_id");--> statement-breakpoint
CREATE INDEX "forecast_open_deals_customer_idx" ON "forecast_open_deals" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "forecast_open_deals_deal_owner_idx" ON "forecast_open_deals" USING btree ("org_id","funnel_id","deal_owner_id");--> statement-breakpoint
CREATE INDEX "deals_closed_at_idx" ON "deals" USING btree ("org_id","closed_at");
--> statement-breakpoint
-- The forecast facts of some deals of one org (every deal when p_deals is null), recomputed
-- from stage_history, deals, customers and the org's time zone: the same rules as
-- stageWinRatesAt and openDealsAt in forecastFacts.ts for a forecast made after every fact.
-- Dynamic SQL so a trigger's few deals are planned as index lookups, a rebuild as one pass.
CREATE FUNCTION forecast_facts_refresh(p_org uuid, p_deals uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  only_deals text := CASE WHEN p_deals IS NULL THEN '' ELSE ' AND d.id = ANY($2)' END;
  only_rows text := CASE WHEN p_deals IS NULL THEN '' ELSE ' AND deal_id = ANY($2)' END;
BEGIN
  EXECUTE 'DELETE FROM deal_stage_visits WHERE org_id = $1' || only_rows USING p_org, p_deals;
  EXECUTE 'DELETE FROM forecast_open_deals WHERE org_id = $1' || only_rows USING p_org, p_deals;
  EXECUTE 'INSERT INTO deal_stage_visits (org_id, deal_id, stage_key, funnel_id, customer_id,
      owner_id, deal_owner_id, outcome, last_day, won_days)
    SELECT d.org_id, d.id, h.to_stage_key, d.funnel_id, d.customer_id, c.owner_id, d.owner_id,
      CASE WHEN d.closed_at IS NOT NULL AND d.status <> ''open'' THEN d.status ELSE ''open'' END,
      max((h.at AT TIME ZONE o.time_zone)::date),
      CASE WHEN d.closed_at IS NOT NULL AND d.status = ''won''
        THEN (d.closed_at AT TIME ZONE o.time_zone)::date - max((h.at AT TIME ZONE o.time_zone)::date) END
    FROM deals d
      JOIN orgs o ON o.id = d.org_id
      JOIN customers c ON c.org_id = d.org_id AND c.id = d.customer_id
      JOIN stage_history h ON h.org_id = d.org_id AND h.deal_id = d.id AND h.funnel_id = d.funnel_id
    WHERE d.org_id = $1' || only_deals || '
      AND (d.closed_at IS NULL
        OR (h.at AT TIME ZONE o.time_zone)::date <= (d.closed_at AT TIME ZONE o.time_zone)::date)
    GROUP BY d.org_id, d.id, h.to_stage_key, d.funnel_id, d.customer_id, c.owner_id, d.owner_id,
      d.status, d.closed_at, o.time_zone' USING p_org, p_deals;
  EXECUTE 'INSERT INTO forecast_open_deals (org_id, deal_id, funnel_id, customer_id, owner_id,
      deal_owner_id, stage_key, entered_at, deal_stage_key, probability, amount_cents,
      expected_close_date)
    SELECT DISTINCT ON (d.id) d.org_id, d.id, d.funnel_id, d.customer_id, c.owner_id, d.owner_id,
      h.to_stage_key, h.at, d.stage_key, d.probability, d.amount_cents, d.expected_close_date
    FROM deals d
      JOIN customers c ON c.org_id = d.org_id AND c.id = d.customer_id
      JOIN stage_history h ON h.org_id = d.org_id AND h.deal_id = d.id AND h.funnel_id = d.funnel_id
    WHERE d.org_id = $1' || only_deals || ' AND (d.status = ''open'' OR d.closed_at IS NULL)
    ORDER BY d.id, h.at DESC, h.id DESC' USING p_org, p_deals;
END;
$$;--> statement-breakpoint
-- stage_visit_totals follows deal_stage_visits of held customers, one grouped upsert per
-- statement in key order (concurrent writers cannot deadlock); rows that drop to zero stay.
CREATE FUNCTION stage_visit_totals_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stage_visit_totals AS t (org_id, funnel_id, stage_key, outcome, last_day, won_days, deals)
      SELECT org_id, funnel_id, stage_key, outcome, last_day, won_days, count(*)::int
      FROM new_visits WHERE owner_id IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT stage_visit_totals_key DO UPDATE SET deals = t.deals + excluded.deals;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stage_visit_totals AS t (org_id, funnel_id, stage_key, outcome, last_day, won_days, deals)
      SELECT org_id, funnel_id, stage_key, outcome, last_day, won_days, -count(*)::int
      FROM old_visits WHERE owner_id IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT stage_visit_totals_key DO UPDATE SET deals = t.deals + excluded.deals;
  ELSE
    INSERT INTO stage_visit_totals AS t (org_id, funnel_id, stage_key, outcome, last_day, won_days, deals)
      SELECT org_id, funnel_id, stage_key, outcome, last_day, won_days, sum(n)::int
      FROM (SELECT o.org_id, o.funnel_id, o.stage_key, o.outcome, o.last_day, o.won_days, -1 AS n
          FROM old_visits o WHERE o.owner_id IS NOT NULL
          UNION ALL
          SELECT v.org_id, v.funnel_id, v.stage_key, v.outcome, v.last_day, v.won_days, 1
          FROM new_visits v WHERE v.owner_id IS NOT NULL) x
      GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT stage_visit_totals_key DO UPDATE SET deals = t.deals + excluded.deals;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER deal_stage_visits_totals_insert AFTER INSERT ON "deal_stage_visits"
  REFERENCING NEW TABLE AS new_visits
  FOR EACH STATEMENT EXECUTE FUNCTION stage_visit_totals_keep();--> statement-breakpoint
CREATE TRIGGER deal_stage_visits_totals_update AFTER UPDATE ON "deal_stage_visits"
  REFERENCING OLD TABLE AS old_visits NEW TABLE AS new_visits
  FOR EACH STATEMENT EXECUTE FUNCTION stage_visit_totals_keep();--> statement-breakpoint
CREATE TRIGGER deal_stage_visits_totals_delete AFTER DELETE ON "deal_stage_visits"
  REFERENCING OLD TABLE AS old_visits
  FOR EACH STATEMENT EXECUTE FUNCTION stage_visit_totals_keep();--> statement-breakpoint
-- A stage move (or an edit or removal of one) refreshes its deals, per org.
CREATE FUNCTION forecast_facts_history_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR r IN SELECT org_id, array_agg(DISTINCT deal_id) AS deals FROM new_moves
        WHERE deal_id IS NOT NULL GROUP BY org_id LOOP
      PERFORM forecast_facts_refresh(r.org_id, r.deals);
    END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR r IN SELECT org_id, array_agg(DISTINCT deal_id) AS deals FROM old_moves
        WHERE deal_id IS NOT NULL GROUP BY org_id LOOP
      PERFORM forecast_facts_refresh(r.org_id, r.deals);
    END LOOP;
  ELSE
    FOR r IN SELECT org_id, array_agg(DISTINCT deal_id) AS deals
        FROM (SELECT org_id, deal_id FROM old_moves UNION SELECT org_id, deal_id FROM new_moves) m
        WHERE deal_id IS NOT NULL GROUP BY org_id LOOP
      PERFORM forecast_facts_refresh(r.org_id, r.deals);
    END LOOP;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER stage_history_forecast_insert AFTER INSERT ON "stage_history"
  REFERENCING NEW TABLE AS new_moves
  FOR EACH STATEMENT EXECUTE FUNCTION forecast_facts_history_changed();--> statement-breakpoint
CREATE TRIGGER stage_history_forecast_update AFTER UPDATE ON "stage_history"
  REFERENCING OLD TABLE AS old_moves NEW TABLE AS new_moves
  FOR EACH STATEMENT EXECUTE FUNCTION forecast_facts_history_changed();--> statement-breakpoint
CREATE TRIGGER stage_history_forecast_delete AFTER DELETE ON "stage_history"
  REFERENCING OLD TABLE AS old_moves
  FOR EACH STATEMENT EXECUTE FUNCTION forecast_facts_history_changed();--> statement-breakpoint
-- A deal whose close, status, funnel, customer, owner, stage, probability, amount or expected
-- close date changed is refreshed; a deleted deal's rows go. (A new deal has no moves yet.)
CREATE FUNCTION forecast_facts_deals_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM deal_stage_visits v USING old_deals o WHERE v.org_id = o.org_id AND v.deal_id = o.id;
    DELETE FROM forecast_open_deals f USING old_deals o WHERE f.org_id = o.org_id AND f.deal_id = o.id;
  ELSE
    FOR r IN SELECT n.org_id, array_agg(n.id) AS deals
        FROM new_deals n JOIN old_deals o ON o.org_id = n.org_id AND o.id = n.id
        WHERE (o.status, o.closed_at, o.funnel_id, o.customer_id, o.owner_id, o.stage_key,
            o.probability, o.amount_cents, o.expected_close_date)
          IS DISTINCT FROM (n.status, n.closed_at, n.funnel_id, n.customer_id, n.owner_id,
            n.stage_key, n.probability, n.amount_cents, n.expected_close_date)
        GROUP BY n.org_id LOOP
      PERFORM forecast_facts_refresh(r.org_id, r.deals);
    END LOOP;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER deals_forecast_update AFTER UPDATE ON "deals"
  REFERENCING OLD TABLE AS old_deals NEW TABLE AS new_deals
  FOR EACH STATEMENT EXECUTE FUNCTION forecast_facts_deals_changed();--> statement-breakpoint
CREATE TRIGGER deals_forecast_delete AFTER DELETE ON "deals"
  REFERENCING OLD TABLE AS old_deals
  FOR EACH STATEMENT EXECUTE FUNCTION forecast_facts_deals_changed();--> statement-breakpoint
-- A customer changing hands carries its deals' rows to the new owner (or the pool). Only rows
-- whose owner differs are written: an update that kept the owner costs an index probe.
CREATE FUNCTION forecast_facts_customers_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE deal_stage_visits v SET owner_id = n.owner_id
    FROM new_customers n
    WHERE v.org_id = n.org_id AND v.customer_id = n.id AND v.owner_id IS DISTINCT FROM n.owner_id;
  UPDATE forecast_open_deals f SET owner_id = n.owner_id
    FROM new_customers n
    WHERE f.org_id = n.org_id AND f.customer_id = n.id AND f.owner_id IS DISTINCT FROM n.owner_id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER customers_forecast_facts AFTER UPDATE ON "customers"
  REFERENCING NEW TABLE AS new_customers
  FOR EACH STATEMENT EXECUTE FUNCTION forecast_facts_customers_moved();--> statement-breakpoint
-- Days are the org's: a new time zone recomputes its rows (rare, one pass over its deals).
CREATE FUNCTION forecast_facts_org_zone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM forecast_facts_refresh(NEW.id, NULL);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER orgs_forecast_facts AFTER UPDATE OF time_zone ON "orgs"
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION forecast_facts_org_zone();--> statement-breakpoint
CREATE FUNCTION forecast_facts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM deal_stage_visits;
  DELETE FROM stage_visit_totals;
  DELETE FROM forecast_open_deals;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER deals_forecast_truncate AFTER TRUNCATE ON "deals"
  FOR EACH STATEMENT EXECUTE FUNCTION forecast_facts_clear();--> statement-breakpoint
CREATE TRIGGER stage_history_forecast_truncate AFTER TRUNCATE ON "stage_history"
  FOR EACH STATEMENT EXECUTE FUNCTION forecast_facts_clear();--> statement-breakpoint
-- Backfill, in the migration's transaction; then plan over the new rows.
SELECT forecast_facts_refresh(id, NULL) FROM orgs;--> statement-breakpoint
ANALYZE deal_stage_visits;--> statement-breakpoint
ANALYZE stage_visit_totals;--> statement-breakpoint
ANALYZE forecast_open_deals;
