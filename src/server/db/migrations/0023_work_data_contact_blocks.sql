CREATE TABLE "customer_contact_blocks" (
	"org_id" uuid NOT NULL,
	"user_id" uuid,
	"block" text NOT NULL,
	"block_start" date NOT NULL,
	"prev_day" date NOT NULL,
	"subjects" integer NOT NULL,
	CONSTRAINT "customer_contact_blocks_key" UNIQUE NULLS NOT DISTINCT("org_id","block","block_start","prev_day","user_id")
);
--> statement-breakpoint
DROP INDEX "activities_customer_idx";--> statement-breakpoint
CREATE INDEX "activities_customer_idx" ON "activities" USING btree ("org_id","customer_id","occurred_at","user_id");--> statement-breakpoint
-- customer_contact_blocks of one org, from its activities in the org's time zone: what the
-- triggers below keep, written out whole (this migration, a time zone change, `crm seed bench`).
CREATE FUNCTION customer_contact_blocks_rebuild(p_org uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_contact_blocks WHERE org_id = p_org;
  INSERT INTO customer_contact_blocks (org_id, user_id, block, block_start, prev_day, subjects)
    WITH days AS (
        SELECT DISTINCT a.customer_id, a.user_id,
          (a.occurred_at AT TIME ZONE o.time_zone)::date AS day
        FROM activities a JOIN orgs o ON o.id = a.org_id
        WHERE a.org_id = p_org),
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
-- Applies activities added and removed by one statement: the touched customers' entries as
-- they are now, minus as they were before the statement (now, without the added rows, with the
-- removed ones), in the same shape as the rebuild. Writers of the same customer take turns on
-- its row (keys in order) and then read each other's activities, so a neighbouring contact day
-- is never missed. The org row is read FOR SHARE, as activity_day_counts does.
CREATE FUNCTION customer_contact_blocks_apply(added activities[], removed activities[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  changes customer_contact_blocks[];
BEGIN
  PERFORM 1 FROM customers c
    WHERE (c.org_id, c.id) IN (SELECT x.org_id, x.customer_id FROM unnest(added) x
      UNION SELECT x.org_id, x.customer_id FROM unnest(removed) x)
    ORDER BY c.org_id, c.id FOR NO KEY UPDATE;
  SELECT array_agg(row(k.org_id, k.user_id, k.block, k.block_start, k.prev_day, k.n)
      ::customer_contact_blocks ORDER BY k.org_id, k.block, k.block_start, k.prev_day, k.user_id)
    INTO changes
    FROM (
      WITH touched AS (
          SELECT x.org_id, x.customer_id FROM unnest(added) x
          UNION SELECT x.org_id, x.customer_id FROM unnest(removed) x),
        now_rows AS (
          SELECT a.org_id, a.id, a.customer_id, a.user_id, a.occurred_at
          FROM activities a JOIN touched t ON a.org_id = t.org_id AND a.customer_id = t.customer_id),
        tagged AS (
          SELECT 1 AS sign, r.* FROM now_rows r
          UNION ALL
          SELECT -1, r.* FROM now_rows r
            WHERE (r.org_id, r.id) NOT IN (SELECT x.org_id, x.id FROM unnest(added) x)
          UNION ALL
          SELECT -1, x.org_id, x.id, x.customer_id, x.user_id, x.occurred_at FROM unnest(removed) x),
        days AS (
          SELECT DISTINCT t.sign, t.org_id, t.customer_id, t.user_id,
            (t.occurred_at AT TIME ZONE z.time_zone)::date AS day
          FROM tagged t
            JOIN (SELECT id, time_zone FROM orgs WHERE id IN (SELECT org_id FROM touched)
              FOR SHARE) z ON z.id = t.org_id),
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
  INSERT INTO customer_contact_blocks AS b
    SELECT * FROM unnest(changes)
  ON CONFLICT ON CONSTRAINT customer_contact_blocks_key
    DO UPDATE SET subjects = b.subjects + excluded.subjects;
  DELETE FROM customer_contact_blocks b USING unnest(changes) c
    WHERE b.org_id = c.org_id AND b.block = c.block AND b.block_start = c.block_start
      AND b.prev_day = c.prev_day AND b.user_id IS NOT DISTINCT FROM c.user_id
      AND b.subjects = 0;
END;
$$;--> statement-breakpoint
-- Every writer of activities (the service, campaign attendance, imports, seeds, bulk SQL): one
-- apply per statement. An update moves a contact only if its customer, rep or time changed.
CREATE FUNCTION customer_contact_blocks_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM customer_contact_blocks_apply((SELECT array_agg(n::activities) FROM new_activities n), '{}'::activities[]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM customer_contact_blocks_apply('{}'::activities[], (SELECT array_agg(o::activities) FROM old_activities o));
  ELSE
    PERFORM customer_contact_blocks_apply(
      (SELECT array_agg(n::activities) FROM new_activities n WHERE NOT EXISTS (
        SELECT 1 FROM old_activities o WHERE o.org_id = n.org_id AND o.id = n.id
          AND o.customer_id = n.customer_id AND o.user_id = n.user_id
          AND o.occurred_at = n.occurred_at)),
      (SELECT array_agg(o::activities) FROM old_activities o WHERE NOT EXISTS (
        SELECT 1 FROM new_activities n WHERE n.org_id = o.org_id AND n.id = o.id
          AND n.customer_id = o.customer_id AND n.user_id = o.user_id
          AND n.occurred_at = o.occurred_at)));
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER activities_contact_blocks_insert AFTER INSERT ON "activities"
  REFERENCING NEW TABLE AS new_activities
  FOR EACH STATEMENT EXECUTE FUNCTION customer_contact_blocks_keep();--> statement-breakpoint
CREATE TRIGGER activities_contact_blocks_update AFTER UPDATE ON "activities"
  REFERENCING OLD TABLE AS old_activities NEW TABLE AS new_activities
  FOR EACH STATEMENT EXECUTE FUNCTION customer_contact_blocks_keep();--> statement-breakpoint
CREATE TRIGGER activities_contact_blocks_delete AFTER DELETE ON "activities"
  REFERENCING OLD TABLE AS old_activities
  FOR EACH STATEMENT EXECUTE FUNCTION customer_contact_blocks_keep();--> statement-breakpoint
CREATE FUNCTION customer_contact_blocks_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_contact_blocks;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER activities_contact_blocks_truncate AFTER TRUNCATE ON "activities"
  FOR EACH STATEMENT EXECUTE FUNCTION customer_contact_blocks_clear();--> statement-breakpoint
-- Contact days are local days: an org's entries are rebuilt when its time zone changes.
CREATE FUNCTION customer_contact_blocks_rezone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM customer_contact_blocks_rebuild(NEW.id);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER orgs_time_zone_contact_blocks AFTER UPDATE OF time_zone ON "orgs"
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION customer_contact_blocks_rezone();--> statement-breakpoint
SELECT customer_contact_blocks_rebuild(o.id) FROM orgs o;
