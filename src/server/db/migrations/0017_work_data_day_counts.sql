CREATE TABLE "activity_day_counts" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"activities" integer NOT NULL,
	"effective" integer NOT NULL,
	CONSTRAINT "activity_day_counts_org_id_user_id_day_type_channel_pk" PRIMARY KEY("org_id","user_id","day","type","channel")
);
--> statement-breakpoint
-- Keeps activity_day_counts true for every writer of activities (the service, campaign
-- attendance, imports, the seeds): one set-based upsert per statement. The org row is read
-- FOR SHARE so a time zone change (which rebuilds the org's rows) and an activity write
-- never interleave. Keys are upserted in order so concurrent writers cannot deadlock.
CREATE FUNCTION activity_day_counts_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    WITH gone AS (
      SELECT o.org_id, o.user_id, (o.occurred_at AT TIME ZONE z.time_zone)::date AS day, o.type,
        coalesce(o.channel, '') AS channel, count(*)::int AS n,
        (count(*) FILTER (WHERE o.effective))::int AS e
      FROM old_activities o
        JOIN (SELECT id, time_zone FROM orgs WHERE id IN (SELECT org_id FROM old_activities)
          FOR SHARE) z ON z.id = o.org_id
      GROUP BY 1, 2, 3, 4, 5)
    UPDATE activity_day_counts d SET activities = d.activities - g.n, effective = d.effective - g.e
      FROM gone g
      WHERE d.org_id = g.org_id AND d.user_id = g.user_id AND d.day = g.day AND d.type = g.type
        AND d.channel = g.channel;
    DELETE FROM activity_day_counts d
      WHERE d.activities = 0 AND (d.org_id, d.user_id) IN (
        SELECT DISTINCT o.org_id, o.user_id FROM old_activities o);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO activity_day_counts AS d (org_id, user_id, day, type, channel, activities, effective)
      SELECT n.org_id, n.user_id, (n.occurred_at AT TIME ZONE z.time_zone)::date, n.type,
        coalesce(n.channel, ''), count(*)::int, (count(*) FILTER (WHERE n.effective))::int
      FROM new_activities n
        JOIN (SELECT id, time_zone FROM orgs WHERE id IN (SELECT org_id FROM new_activities)
          FOR SHARE) z ON z.id = n.org_id
      GROUP BY 1, 2, 3, 4, 5
      ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (org_id, user_id, day, type, channel) DO UPDATE
      SET activities = d.activities + excluded.activities,
        effective = d.effective + excluded.effective;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER activities_day_counts_insert AFTER INSERT ON "activities"
  REFERENCING NEW TABLE AS new_activities
  FOR EACH STATEMENT EXECUTE FUNCTION activity_day_counts_keep();--> statement-breakpoint
CREATE TRIGGER activities_day_counts_update AFTER UPDATE ON "activities"
  REFERENCING OLD TABLE AS old_activities NEW TABLE AS new_activities
  FOR EACH STATEMENT EXECUTE FUNCTION activity_day_counts_keep();--> statement-breakpoint
CREATE TRIGGER activities_day_counts_delete AFTER DELETE ON "activities"
  REFERENCING OLD TABLE AS old_activities
  FOR EACH STATEMENT EXECUTE FUNCTION activity_day_counts_keep();--> statement-breakpoint
CREATE FUNCTION activity_day_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM activity_day_counts;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER activities_day_counts_truncate AFTER TRUNCATE ON "activities"
  FOR EACH STATEMENT EXECUTE FUNCTION activity_day_counts_clear();--> statement-breakpoint
-- Local days move with the org's time zone: its rows are rebuilt in the same transaction.
CREATE FUNCTION activity_day_counts_rezone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM activity_day_counts WHERE org_id = NEW.id;
  INSERT INTO activity_day_counts (org_id, user_id, day, type, channel, activities, effective)
    SELECT a.org_id, a.user_id, (a.occurred_at AT TIME ZONE NEW.time_zone)::date, a.type,
      coalesce(a.channel, ''), count(*)::int, (count(*) FILTER (WHERE a.effective))::int
    FROM activities a WHERE a.org_id = NEW.id
    GROUP BY 1, 2, 3, 4, 5;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER orgs_time_zone_day_counts AFTER UPDATE OF time_zone ON "orgs"
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION activity_day_counts_rezone();--> statement-breakpoint
INSERT INTO activity_day_counts (org_id, user_id, day, type, channel, activities, effective)
  SELECT a.org_id, a.user_id, (a.occurred_at AT TIME ZONE o.time_zone)::date, a.type,
    coalesce(a.channel, ''), count(*)::int, (count(*) FILTER (WHERE a.effective))::int
  FROM activities a JOIN orgs o ON o.id = a.org_id
  GROUP BY 1, 2, 3, 4, 5;
