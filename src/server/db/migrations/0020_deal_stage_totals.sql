CREATE TABLE "deal_stage_totals" (
	"org_id" uuid NOT NULL,
	"funnel_id" uuid NOT NULL,
	"deal_owner_id" uuid NOT NULL,
	"owner_id" uuid,
	"pool_team_id" uuid,
	"stage_key" text NOT NULL,
	"status" text NOT NULL,
	"furthest_stage_key" text NOT NULL,
	"deals" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"weighted_cents" bigint NOT NULL,
	CONSTRAINT "deal_stage_totals_key" UNIQUE NULLS NOT DISTINCT("org_id","funnel_id","deal_owner_id","owner_id","pool_team_id","stage_key","status","furthest_stage_key")
);
--> statement-breakpoint
-- amount × percent / 100 rounded half away from zero in bigint arithmetic: the funnel report's
-- weighted amount per deal (the same as weightedAmountCents in domain/forecast).
CREATE FUNCTION deal_weighted_cents(amount_cents bigint, probability integer) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN amount_cents * probability < 0 THEN -((-(amount_cents * probability) + 50) / 100)
    ELSE (amount_cents * probability + 50) / 100 END;
--> statement-breakpoint
-- Keeps deal_stage_totals true for every writer of deals (services, imports, merges, funnel
-- edits, seeds): one set-based upsert per statement of the change in each key (−1 for a row
-- before, +1 after). The customer's owner and pool team are read FOR SHARE so a change of
-- them (which moves the customer's deals to the new key) and a deal write never interleave.
-- Keys are upserted in order in a single statement so concurrent writers cannot deadlock;
-- rows that drop to zero stay (they add nothing).
CREATE FUNCTION deal_stage_totals_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO deal_stage_totals AS t (org_id, funnel_id, deal_owner_id, owner_id, pool_team_id,
        stage_key, status, furthest_stage_key, deals, amount_cents, weighted_cents)
      SELECT x.org_id, x.funnel_id, x.owner_id, c.owner_id, c.pool_team_id, x.stage_key, x.status,
        coalesce(x.furthest_stage_key, ''), count(*)::int, sum(x.amount_cents)::bigint,
        sum(deal_weighted_cents(x.amount_cents, x.probability))::bigint
      FROM new_deals x
        JOIN (SELECT org_id, id, owner_id, pool_team_id FROM customers
          WHERE (org_id, id) IN (SELECT org_id, customer_id FROM new_deals) FOR SHARE) c
          ON c.org_id = x.org_id AND c.id = x.customer_id
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
      ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ON CONSTRAINT deal_stage_totals_key DO UPDATE
      SET deals = t.deals + excluded.deals, amount_cents = t.amount_cents + excluded.amount_cents,
        weighted_cents = t.weighted_cents + excluded.weighted_cents;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO deal_stage_totals AS t (org_id, funnel_id, deal_owner_id, owner_id, pool_team_id,
        stage_key, status, furthest_stage_key, deals, amount_cents, weighted_cents)
      SELECT x.org_id, x.funnel_id, x.owner_id, c.owner_id, c.pool_team_id, x.stage_key, x.status,
        coalesce(x.furthest_stage_key, ''), -count(*)::int, -sum(x.amount_cents)::bigint,
        -sum(deal_weighted_cents(x.amount_cents, x.probability))::bigint
      FROM old_deals x
        JOIN (SELECT org_id, id, owner_id, pool_team_id FROM customers
          WHERE (org_id, id) IN (SELECT org_id, customer_id FROM old_deals) FOR SHARE) c
          ON c.org_id = x.org_id AND c.id = x.customer_id
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
      ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ON CONSTRAINT deal_stage_totals_key DO UPDATE
      SET deals = t.deals + excluded.deals, amount_cents = t.amount_cents + excluded.amount_cents,
        weighted_cents = t.weighted_cents + excluded.weighted_cents;
  ELSE
    INSERT INTO deal_stage_totals AS t (org_id, funnel_id, deal_owner_id, owner_id, pool_team_id,
        stage_key, status, furthest_stage_key, deals, amount_cents, weighted_cents)
      SELECT x.org_id, x.funnel_id, x.deal_owner_id, c.owner_id, c.pool_team_id, x.stage_key,
        x.status, x.furthest_stage_key, sum(x.n)::int, sum(x.amount)::bigint,
        sum(x.weighted)::bigint
      FROM (
          SELECT o.org_id, o.customer_id, o.funnel_id, o.owner_id AS deal_owner_id, o.stage_key,
            o.status, coalesce(o.furthest_stage_key, '') AS furthest_stage_key, -1 AS n,
            -o.amount_cents AS amount, -deal_weighted_cents(o.amount_cents, o.probability) AS weighted
          FROM old_deals o
          UNION ALL
          SELECT n.org_id, n.customer_id, n.funnel_id, n.owner_id, n.stage_key, n.status,
            coalesce(n.furthest_stage_key, ''), 1, n.amount_cents,
            deal_weighted_cents(n.amount_cents, n.probability)
          FROM new_deals n
        ) x
        JOIN (SELECT org_id, id, owner_id, pool_team_id FROM customers
          WHERE (org_id, id) IN (SELECT org_id, customer_id FROM old_deals
            UNION SELECT org_id, customer_id FROM new_deals) FOR SHARE) c
          ON c.org_id = x.org_id AND c.id = x.customer_id
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
      HAVING sum(x.n) <> 0 OR sum(x.amount) <> 0 OR sum(x.weighted) <> 0
      ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ON CONSTRAINT deal_stage_totals_key DO UPDATE
      SET deals = t.deals + excluded.deals, amount_cents = t.amount_cents + excluded.amount_cents,
        weighted_cents = t.weighted_cents + excluded.weighted_cents;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER deals_stage_totals_insert AFTER INSERT ON "deals"
  REFERENCING NEW TABLE AS new_deals
  FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_totals_keep();--> statement-breakpoint
CREATE TRIGGER deals_stage_totals_update AFTER UPDATE ON "deals"
  REFERENCING OLD TABLE AS old_deals NEW TABLE AS new_deals
  FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_totals_keep();--> statement-breakpoint
CREATE TRIGGER deals_stage_totals_delete AFTER DELETE ON "deals"
  REFERENCING OLD TABLE AS old_deals
  FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_totals_keep();--> statement-breakpoint
CREATE FUNCTION deal_stage_totals_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM deal_stage_totals;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER deals_stage_totals_truncate AFTER TRUNCATE ON "deals"
  FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_totals_clear();--> statement-breakpoint
-- A customer changing hands (claim, release, assign, lapse, pool team) moves its deals to the
-- key of its new owner and pool team; customers without deals cost one index probe.
CREATE FUNCTION deal_stage_totals_customer_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO deal_stage_totals AS t (org_id, funnel_id, deal_owner_id, owner_id, pool_team_id,
      stage_key, status, furthest_stage_key, deals, amount_cents, weighted_cents)
    SELECT d.org_id, d.funnel_id, d.owner_id, k.owner_id, k.pool_team_id, d.stage_key, d.status,
      coalesce(d.furthest_stage_key, ''), sum(k.sign)::int, sum(k.sign * d.amount_cents)::bigint,
      sum(k.sign * deal_weighted_cents(d.amount_cents, d.probability))::bigint
    FROM deals d
      CROSS JOIN (VALUES (OLD.owner_id, OLD.pool_team_id, -1), (NEW.owner_id, NEW.pool_team_id, 1))
        AS k(owner_id, pool_team_id, sign)
    WHERE d.org_id = NEW.org_id AND d.customer_id = NEW.id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ON CONSTRAINT deal_stage_totals_key DO UPDATE
    SET deals = t.deals + excluded.deals, amount_cents = t.amount_cents + excluded.amount_cents,
      weighted_cents = t.weighted_cents + excluded.weighted_cents;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER customers_deal_stage_totals AFTER UPDATE OF owner_id, pool_team_id ON "customers"
  FOR EACH ROW
  WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.pool_team_id IS DISTINCT FROM NEW.pool_team_id)
  EXECUTE FUNCTION deal_stage_totals_customer_moved();--> statement-breakpoint
-- Set-based backfill, in the migration's transaction.
INSERT INTO deal_stage_totals (org_id, funnel_id, deal_owner_id, owner_id, pool_team_id, stage_key,
    status, furthest_stage_key, deals, amount_cents, weighted_cents)
  SELECT d.org_id, d.funnel_id, d.owner_id, c.owner_id, c.pool_team_id, d.stage_key, d.status,
    coalesce(d.furthest_stage_key, ''), count(*)::int, sum(d.amount_cents)::bigint,
    sum(deal_weighted_cents(d.amount_cents, d.probability))::bigint
  FROM deals d JOIN customers c ON c.org_id = d.org_id AND c.id = d.customer_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
