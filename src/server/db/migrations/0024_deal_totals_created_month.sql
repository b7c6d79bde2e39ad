-- deal_stage_totals per creation month in the org's time zone (created_month, its first day),
-- so the funnel report of a creation period sums the whole months from the totals and reads
-- only the deals of the partial months at its edges (1.5–1.9 s → see docs/performance.md).
-- The same triggers keep it: each statement still upserts its keys once, with the month added.
ALTER TABLE "deal_stage_totals" DROP CONSTRAINT "deal_stage_totals_key";--> statement-breakpoint
ALTER TABLE "deal_stage_totals" ADD COLUMN "created_month" date;--> statement-breakpoint
DELETE FROM "deal_stage_totals";--> statement-breakpoint
INSERT INTO deal_stage_totals (org_id, funnel_id, deal_owner_id, owner_id, pool_team_id, stage_key,
    status, furthest_stage_key, created_month, deals, amount_cents, weighted_cents)
  SELECT d.org_id, d.funnel_id, d.owner_id, c.owner_id, c.pool_team_id, d.stage_key, d.status,
    coalesce(d.furthest_stage_key, ''), date_trunc('month', d.created_at AT TIME ZONE org.time_zone)::date,
    count(*)::int, sum(d.amount_cents)::bigint,
    sum(deal_weighted_cents(d.amount_cents, d.probability))::bigint
  FROM deals d JOIN customers c ON c.org_id = d.org_id AND c.id = d.customer_id
    JOIN orgs org ON org.id = d.org_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;--> statement-breakpoint
ALTER TABLE "deal_stage_totals" ALTER COLUMN "created_month" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "deal_stage_totals" ADD CONSTRAINT "deal_stage_totals_key" UNIQUE NULLS NOT DISTINCT("org_id","funnel_id","deal_owner_id","owner_id","pool_team_id","stage_key","status","furthest_stage_key","created_month");--> statement-breakpoint
CREATE INDEX "deals_created_idx" ON "deals" USING btree ("org_id","funnel_id","created_at");--> statement-breakpoint
CREATE OR REPLACE FUNCTION deal_stage_totals_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO deal_stage_totals AS t (org_id, funnel_id, deal_owner_id, owner_id, pool_team_id,
        stage_key, status, furthest_stage_key, created_month, deals, amount_cents, weighted_cents)
      SELECT x.org_id, x.funnel_id, x.owner_id, c.owner_id, c.pool_team_id, x.stage_key, x.status,
        coalesce(x.furthest_stage_key, ''), date_trunc('month', x.created_at AT TIME ZONE org.time_zone)::date,
        count(*)::int, sum(x.amount_cents)::bigint,
        sum(deal_weighted_cents(x.amount_cents, x.probability))::bigint
      FROM new_deals x
        JOIN (SELECT org_id, id, owner_id, pool_team_id FROM customers
          WHERE (org_id, id) IN (SELECT org_id, customer_id FROM new_deals) FOR SHARE) c
          ON c.org_id = x.org_id AND c.id = x.customer_id
        JOIN orgs org ON org.id = x.org_id
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
      ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT ON CONSTRAINT deal_stage_totals_key DO UPDATE
      SET deals = t.deals + excluded.deals, amount_cents = t.amount_cents + excluded.amount_cents,
        weighted_cents = t.weighted_cents + excluded.weighted_cents;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO deal_stage_totals AS t (org_id, funnel_id, deal_owner_id, owner_id, pool_team_id,
        stage_key, status, furthest_stage_key, created_month, deals, amount_cents, weighted_cents)
      SELECT x.org_id, x.funnel_id, x.owner_id, c.owner_id, c.pool_team_id, x.stage_key, x.status,
        coalesce(x.furthest_stage_key, ''), date_trunc('month', x.created_at AT TIME ZONE org.time_zone)::date,
        -count(*)::int, -sum(x.amount_cents)::bigint,
        -sum(deal_weighted_cents(x.amount_cents, x.probability))::bigint
      FROM old_deals x
        JOIN (SELECT org_id, id, owner_id, pool_team_id FROM customers
          WHERE (org_id, id) IN (SELECT org_id, customer_id FROM old_deals) FOR SHARE) c
          ON c.org_id = x.org_id AND c.id = x.customer_id
        JOIN orgs org ON org.id = x.org_id
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
      ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT ON CONSTRAINT deal_stage_totals_key DO UPDATE
      SET deals = t.deals + excluded.deals, amount_cents = t.amount_cents + excluded.amount_cents,
        weighted_cents = t.weighted_cents + excluded.weighted_cents;
  ELSE
    INSERT INTO deal_stage_totals AS t (org_id, funnel_id, deal_owner_id, owner_id, pool_team_id,
        stage_key, status, furthest_stage_key, created_month, deals, amount_cents, weighted_cents)
      SELECT x.org_id, x.funnel_id, x.deal_owner_id, c.owner_id, c.pool_team_id, x.stage_key,
        x.status, x.furthest_stage_key, date_trunc('month', x.created_at AT TIME ZONE org.time_zone)::date,
        sum(x.n)::int, sum(x.amount)::bigint, sum(x.weighted)::bigint
      FROM (
          SELECT o.org_id, o.customer_id, o.funnel_id, o.owner_id AS deal_owner_id, o.stage_key,
            o.status, coalesce(o.furthest_stage_key, '') AS furthest_stage_key, o.created_at,
            -1 AS n, -o.amount_cents AS amount,
            -deal_weighted_cents(o.amount_cents, o.probability) AS weighted
          FROM old_deals o
          UNION ALL
          SELECT n.org_id, n.customer_id, n.funnel_id, n.owner_id, n.stage_key, n.status,
            coalesce(n.furthest_stage_key, ''), n.created_at, 1, n.amount_cents,
            deal_weighted_cents(n.amount_cents, n.probability)
          FROM new_deals n
        ) x
        JOIN (SELECT org_id, id, owner_id, pool_team_id FROM customers
          WHERE (org_id, id) IN (SELECT org_id, customer_id FROM old_deals
            UNION SELECT org_id, customer_id FROM new_deals) FOR SHARE) c
          ON c.org_id = x.org_id AND c.id = x.customer_id
        JOIN orgs org ON org.id = x.org_id
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
      HAVING sum(x.n) <> 0 OR sum(x.amount) <> 0 OR sum(x.weighted) <> 0
      ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT ON CONSTRAINT deal_stage_totals_key DO UPDATE
      SET deals = t.deals + excluded.deals, amount_cents = t.amount_cents + excluded.amount_cents,
        weighted_cents = t.weighted_cents + excluded.weighted_cents;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION deal_stage_totals_customers_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO deal_stage_totals AS t (org_id, funnel_id, deal_owner_id, owner_id, pool_team_id,
      stage_key, status, furthest_stage_key, created_month, deals, amount_cents, weighted_cents)
    SELECT d.org_id, d.funnel_id, d.owner_id, k.owner_id, k.pool_team_id, d.stage_key, d.status,
      coalesce(d.furthest_stage_key, ''), date_trunc('month', d.created_at AT TIME ZONE org.time_zone)::date,
      sum(k.sign)::int, sum(k.sign * d.amount_cents)::bigint,
      sum(k.sign * deal_weighted_cents(d.amount_cents, d.probability))::bigint
    FROM (SELECT o.org_id, o.id, o.owner_id, o.pool_team_id, -1 AS sign FROM old_customers o
        UNION ALL
        SELECT n.org_id, n.id, n.owner_id, n.pool_team_id, 1 FROM new_customers n) k
      JOIN deals d ON d.org_id = k.org_id AND d.customer_id = k.id
      JOIN orgs org ON org.id = d.org_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    -- A customer whose owner and pool team stayed puts -1 and +1 on the same key.
    HAVING sum(k.sign) <> 0 OR sum(k.sign * d.amount_cents) <> 0
      OR sum(k.sign * deal_weighted_cents(d.amount_cents, d.probability)) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT ON CONSTRAINT deal_stage_totals_key DO UPDATE
    SET deals = t.deals + excluded.deals, amount_cents = t.amount_cents + excluded.amount_cents,
      weighted_cents = t.weighted_cents + excluded.weighted_cents;
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- The months are the org's: a new time zone regroups its totals (rare, one pass over its deals).
CREATE FUNCTION deal_stage_totals_org_zone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM deal_stage_totals WHERE org_id = NEW.id;
  INSERT INTO deal_stage_totals (org_id, funnel_id, deal_owner_id, owner_id, pool_team_id,
      stage_key, status, furthest_stage_key, created_month, deals, amount_cents, weighted_cents)
    SELECT d.org_id, d.funnel_id, d.owner_id, c.owner_id, c.pool_team_id, d.stage_key, d.status,
      coalesce(d.furthest_stage_key, ''), date_trunc('month', d.created_at AT TIME ZONE NEW.time_zone)::date,
      count(*)::int, sum(d.amount_cents)::bigint,
      sum(deal_weighted_cents(d.amount_cents, d.probability))::bigint
    FROM deals d JOIN customers c ON c.org_id = d.org_id AND c.id = d.customer_id
    WHERE d.org_id = NEW.id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER orgs_deal_stage_totals AFTER UPDATE OF time_zone ON "orgs"
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION deal_stage_totals_org_zone();
--> statement-breakpoint
-- The table was just rebuilt: plan the reports over its new rows, not an empty table.
ANALYZE deal_stage_totals;
