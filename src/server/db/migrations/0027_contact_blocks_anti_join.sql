-- customer_contact_blocks_apply as in 0023, with the added rows left out by NOT EXISTS (an
-- anti-join) instead of NOT IN: a row-valued NOT IN over more added rows than fit in work_mem
-- is checked row by row against the whole list, so one statement inserting 200,000 activities
-- took minutes.
CREATE OR REPLACE FUNCTION customer_contact_blocks_apply(added activities[], removed activities[])
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
            WHERE NOT EXISTS (SELECT 1 FROM unnest(added) x
              WHERE x.org_id = r.org_id AND x.id = r.id)
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
$$;
