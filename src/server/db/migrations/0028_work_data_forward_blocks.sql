CREATE TABLE "customer_forward_blocks" (
	"org_id" uuid NOT NULL,
	"user_id" uuid,
	"block" text NOT NULL,
	"block_start" date NOT NULL,
	"prev_day" date NOT NULL,
	"subjects" integer NOT NULL,
	CONSTRAINT "customer_forward_blocks_key" UNIQUE NULLS NOT DISTINCT("org_id","block","block_start","prev_day","user_id")
);
--> statement-breakpoint
-- The moves that count for "customers moved forward": forward moves, and moves into won while
-- the deal is still won in that stage (its closed_at, set at each close, is then at or after
-- the move). Lifecycle moves have no deal and count only when forward.
-- customer_forward_blocks of one org from its stage history in the org's time zone: what the
-- triggers below keep, written out whole (this migration, a time zone change, `crm seed bench`).
CREATE FUNCTION customer_forward_blocks_rebuild(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_forward_blocks WHERE org_id = p_org;
  INSERT INTO customer_forward_blocks (org_id, user_id, block, block_start, prev_day, subjects)
    WITH days AS (
        SELECT DISTINCT h.customer_id, h.by_user_id AS user_id,
          (h.at AT TIME ZONE o.time_zone)::date AS day
        FROM stage_history h JOIN orgs o ON o.id = h.org_id
          LEFT JOIN deals d ON d.org_id = h.org_id AND d.id = h.deal_id
        WHERE h.org_id = p_org AND (h.direction = 'forward' OR (h.direction = 'terminal'
          AND d.status = 'won' AND d.stage_key = h.to_stage_key))),
      subject_days AS (
        SELECT d.user_id, d.day,
          lag(d.day) OVER (PARTITION BY d.user_id, d.customer_id ORDER BY d.day) AS prev
        FROM days d
        UNION ALL
        SELECT NULL::uuid, c.day, lag(c.day) OVER (PARTITION BY c.customer_id ORDER BY c.day)
        FROM (SELECT DISTINCT customer_id, day FROM days) c)
    SELECT p_org, s.user_id, e.block, e.block_start, coalesce(s.prev, '-infinity'),
      count(*)::int
    FROM subject_days s
      CROSS JOIN LATERAL (VALUES ('day', s.day),
        ('month', date_trunc('month', s.day::timestamp)::date)) e(block, block_start)
    WHERE e.block = 'day' OR s.prev IS NULL OR s.prev < e.block_start
    GROUP BY 2, 3, 4, 5;
END;
$$;--> statement-breakpoint
-- Applies one statement's change to stage_history (moves added, removed) or to deals (deals
-- as they are now and as they were, only those whose won stage changed): the touched
-- customers' entries as they are now, minus as they were before the statement, in the shape
-- of the rebuild. Writers of the same customer take turns on an advisory lock per customer
-- (keys in order; 7214102 names it) and then read each other's moves and deals, so a
-- neighbouring day is never missed. The org row is read FOR SHARE, as the contact blocks do.
CREATE FUNCTION customer_forward_blocks_apply(added stage_history[], removed stage_history[],
  deals_now deals[], deals_before deals[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  changes customer_forward_blocks[];
  touched_orgs uuid[];
  touched_customers uuid[];
BEGIN
  SELECT array_agg(t.org_id), array_agg(t.customer_id) INTO touched_orgs, touched_customers
    FROM (SELECT x.org_id, x.customer_id FROM unnest(added) x
      UNION SELECT x.org_id, x.customer_id FROM unnest(removed) x
      UNION SELECT h.org_id, h.customer_id FROM stage_history h
        WHERE (h.org_id, h.deal_id) IN (SELECT x.org_id, x.id FROM unnest(deals_now) x
          UNION SELECT x.org_id, x.id FROM unnest(deals_before) x)) t;
  IF touched_orgs IS NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(7214102, k.key)
    FROM (SELECT DISTINCT hashtext(t.org_id::text || t.customer_id::text) AS key
      FROM unnest(touched_orgs, touched_customers) t(org_id, customer_id) ORDER BY 1) k;
  SELECT array_agg(row(k.org_id, k.user_id, k.block, k.block_start, k.prev_day, k.n)
      ::customer_forward_blocks ORDER BY k.org_id, k.block, k.block_start, k.prev_day, k.user_id)
    INTO changes
    FROM (
      WITH now_moves AS (
          SELECT h.org_id, h.id, h.customer_id, h.by_user_id, h.at, h.direction, h.deal_id,
            h.to_stage_key
          FROM stage_history h
            JOIN unnest(touched_orgs, touched_customers) t(org_id, customer_id)
              ON h.org_id = t.org_id AND h.customer_id = t.customer_id
          WHERE h.direction IN ('forward', 'terminal')),
        changed_deals AS (
          SELECT x.org_id, x.id FROM unnest(deals_now) x
          UNION SELECT x.org_id, x.id FROM unnest(deals_before) x),
        -- Each move with whether it counts now and whether it counted before the statement.
        tagged AS (
          SELECT 1 AS sign, m.org_id, m.customer_id, m.by_user_id, m.at
          FROM now_moves m LEFT JOIN deals d ON d.org_id = m.org_id AND d.id = m.deal_id
          WHERE m.direction = 'forward' OR (d.status = 'won' AND d.stage_key = m.to_stage_key)
          UNION ALL
          SELECT -1, m.org_id, m.customer_id, m.by_user_id, m.at
          FROM (SELECT m.org_id, m.customer_id, m.by_user_id, m.at, m.direction, m.deal_id,
                m.to_stage_key FROM now_moves m
              WHERE NOT EXISTS (SELECT 1 FROM unnest(added) x
                WHERE x.org_id = m.org_id AND x.id = m.id)
              UNION ALL
              SELECT x.org_id, x.customer_id, x.by_user_id, x.at, x.direction, x.deal_id,
                x.to_stage_key FROM unnest(removed) x
              WHERE x.direction IN ('forward', 'terminal')) m
            LEFT JOIN changed_deals c ON c.org_id = m.org_id AND c.id = m.deal_id
            LEFT JOIN deals d ON c.id IS NULL AND d.org_id = m.org_id AND d.id = m.deal_id
            LEFT JOIN unnest(deals_before) b ON b.org_id = m.org_id AND b.id = m.deal_id
          WHERE m.direction = 'forward'
            OR (coalesce(b.status, d.status) = 'won'
              AND coalesce(b.stage_key, d.stage_key) = m.to_stage_key)),
        days AS (
          SELECT DISTINCT t.sign, t.org_id, t.customer_id, t.by_user_id AS user_id,
            (t.at AT TIME ZONE z.time_zone)::date AS day
          FROM tagged t
            JOIN (SELECT id, time_zone FROM orgs
              WHERE id = ANY (touched_orgs) FOR SHARE) z
              ON z.id = t.org_id),
        subject_days AS (
          SELECT d.sign, d.org_id, d.user_id, d.day,
            lag(d.day) OVER (PARTITION BY d.sign, d.org_id, d.user_id, d.customer_id
              ORDER BY d.day) AS prev
          FROM days d
          UNION ALL
          SELECT c.sign, c.org_id, NULL::uuid, c.day,
            lag(c.day) OVER (PARTITION BY c.sign, c.org_id, c.customer_id ORDER BY c.day)
          FROM (SELECT DISTINCT sign, org_id, customer_id, day FROM days) c)
      SELECT s.org_id, s.user_id, e.block, e.block_start,
        coalesce(s.prev, '-infinity') AS prev_day, sum(s.sign)::int AS n
      FROM subject_days s
        CROSS JOIN LATERAL (VALUES ('day', s.day),
          ('month', date_trunc('month', s.day::timestamp)::date)) e(block, block_start)
      WHERE e.block = 'day' OR s.prev IS NULL OR s.prev < e.block_start
      GROUP BY 1, 2, 3, 4, 5
      HAVING sum(s.sign) <> 0) k;
  IF changes IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO customer_forward_blocks AS b
    SELECT * FROM unnest(changes)
  ON CONFLICT ON CONSTRAINT customer_forward_blocks_key
    DO UPDATE SET subjects = b.subjects + excluded.subjects;
  DELETE FROM customer_forward_blocks b USING unnest(changes) c
    WHERE b.org_id = c.org_id AND b.block = c.block AND b.block_start = c.block_start
      AND b.prev_day = c.prev_day AND b.user_id IS NOT DISTINCT FROM c.user_id
      AND b.subjects = 0;
END;
$$;--> statement-breakpoint
-- Every writer of stage history (moves, deal creation, lifecycle, seeds, bulk SQL): one apply
-- per statement. An update counts only if it changed what the blocks read.
CREATE FUNCTION customer_forward_blocks_keep_moves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM customer_forward_blocks_apply((SELECT array_agg(n::stage_history) FROM new_moves n),
      '{}', '{}', '{}');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM customer_forward_blocks_apply('{}',
      (SELECT array_agg(o::stage_history) FROM old_moves o), '{}', '{}');
  ELSE
    PERFORM customer_forward_blocks_apply(
      (SELECT array_agg(n::stage_history) FROM new_moves n WHERE NOT EXISTS (
        SELECT 1 FROM old_moves o WHERE o.org_id = n.org_id AND o.id = n.id
          AND (o.customer_id, o.by_user_id, o.at, o.direction, o.deal_id, o.to_stage_key)
            IS NOT DISTINCT FROM
            (n.customer_id, n.by_user_id, n.at, n.direction, n.deal_id, n.to_stage_key))),
      (SELECT array_agg(o::stage_history) FROM old_moves o WHERE NOT EXISTS (
        SELECT 1 FROM new_moves n WHERE n.org_id = o.org_id AND n.id = o.id
          AND (o.customer_id, o.by_user_id, o.at, o.direction, o.deal_id, o.to_stage_key)
            IS NOT DISTINCT FROM
            (n.customer_id, n.by_user_id, n.at, n.direction, n.deal_id, n.to_stage_key))),
      '{}', '{}');
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER stage_history_forward_blocks_insert AFTER INSERT ON "stage_history"
  REFERENCING NEW TABLE AS new_moves
  FOR EACH STATEMENT EXECUTE FUNCTION customer_forward_blocks_keep_moves();--> statement-breakpoint
CREATE TRIGGER stage_history_forward_blocks_update AFTER UPDATE ON "stage_history"
  REFERENCING OLD TABLE AS old_moves NEW TABLE AS new_moves
  FOR EACH STATEMENT EXECUTE FUNCTION customer_forward_blocks_keep_moves();--> statement-breakpoint
CREATE TRIGGER stage_history_forward_blocks_delete AFTER DELETE ON "stage_history"
  REFERENCING OLD TABLE AS old_moves
  FOR EACH STATEMENT EXECUTE FUNCTION customer_forward_blocks_keep_moves();--> statement-breakpoint
-- A deal's moves into won count while it is won in that stage: deals whose won stage changed
-- (closed as won, reopened, moved between won stages, deleted while won) re-read their moves.
CREATE FUNCTION customer_forward_blocks_keep_deals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM customer_forward_blocks_apply('{}', '{}', '{}',
      (SELECT array_agg(o::deals) FROM old_deals o WHERE o.status = 'won'));
  ELSE
    PERFORM customer_forward_blocks_apply('{}', '{}',
      (SELECT array_agg(n::deals) FROM new_deals n JOIN old_deals o
        ON o.org_id = n.org_id AND o.id = n.id
        WHERE (o.status = 'won' OR n.status = 'won')
          AND (o.status, o.stage_key) IS DISTINCT FROM (n.status, n.stage_key)),
      (SELECT array_agg(o::deals) FROM new_deals n JOIN old_deals o
        ON o.org_id = n.org_id AND o.id = n.id
        WHERE (o.status = 'won' OR n.status = 'won')
          AND (o.status, o.stage_key) IS DISTINCT FROM (n.status, n.stage_key)));
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER deals_forward_blocks_update AFTER UPDATE ON "deals"
  REFERENCING OLD TABLE AS old_deals NEW TABLE AS new_deals
  FOR EACH STATEMENT EXECUTE FUNCTION customer_forward_blocks_keep_deals();--> statement-breakpoint
CREATE TRIGGER deals_forward_blocks_delete AFTER DELETE ON "deals"
  REFERENCING OLD TABLE AS old_deals
  FOR EACH STATEMENT EXECUTE FUNCTION customer_forward_blocks_keep_deals();--> statement-breakpoint
CREATE FUNCTION customer_forward_blocks_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_forward_blocks;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER stage_history_forward_blocks_truncate AFTER TRUNCATE ON "stage_history"
  FOR EACH STATEMENT EXECUTE FUNCTION customer_forward_blocks_clear();--> statement-breakpoint
-- Days are local days: an org's entries are rebuilt when its time zone changes.
CREATE FUNCTION customer_forward_blocks_rezone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM customer_forward_blocks_rebuild(NEW.id);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER orgs_time_zone_forward_blocks AFTER UPDATE OF time_zone ON "orgs"
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION customer_forward_blocks_rezone();--> statement-breakpoint
SELECT customer_forward_blocks_rebuild(o.id) FROM orgs o;--> statement-breakpoint
ANALYZE customer_forward_blocks;
