-- customer_sales_months: sales records per customer and month of the order date, for the
-- account assessment (a period's whole months from here, its partial edge months from the
-- lines). A custom migration with the table written out: drizzle-kit's diff stops on a prompt
-- about customer_search (migration 0025's snapshot predates its columns).
CREATE TABLE "customer_sales_months" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"month" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"lines" integer NOT NULL,
	CONSTRAINT "customer_sales_months_org_id_customer_id_month_pk" PRIMARY KEY("org_id","customer_id","month")
);
--> statement-breakpoint
CREATE INDEX "customer_sales_months_month_idx" ON "customer_sales_months" USING btree ("org_id","month");
--> statement-breakpoint
-- Keeps customer_sales_months true for every writer of sales_lines (the sales import, the
-- seeds): one set-based upsert per statement, keys in order so concurrent writers cannot
-- deadlock. The month is the order date's own (a calendar date, no time zone to apply).
CREATE FUNCTION customer_sales_months_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_sales_months AS m (org_id, customer_id, month, amount_cents, lines)
    SELECT n.org_id, n.customer_id, date_trunc('month', n.order_date)::date,
      sum(n.amount_cents)::bigint, count(*)::int
    FROM new_lines n
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
  ON CONFLICT (org_id, customer_id, month) DO UPDATE
    SET amount_cents = m.amount_cents + excluded.amount_cents, lines = m.lines + excluded.lines;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION customer_sales_months_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH gone AS (
    SELECT o.org_id, o.customer_id, date_trunc('month', o.order_date)::date AS month,
      sum(o.amount_cents)::bigint AS amount, count(*)::int AS n
    FROM old_lines o
    GROUP BY 1, 2, 3)
  UPDATE customer_sales_months m SET amount_cents = m.amount_cents - g.amount, lines = m.lines - g.n
    FROM gone g
    WHERE m.org_id = g.org_id AND m.customer_id = g.customer_id AND m.month = g.month;
  DELETE FROM customer_sales_months m
    WHERE m.lines = 0 AND (m.org_id, m.customer_id) IN (
      SELECT DISTINCT o.org_id, o.customer_id FROM old_lines o);
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- An update is its old rows taken out and its new rows put in; a statement that changes none
-- of the four columns (the import marking lines paid) nets to nothing and writes nothing.
CREATE FUNCTION customer_sales_months_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH delta AS (
    SELECT x.org_id, x.customer_id, date_trunc('month', x.order_date)::date AS month,
      sum(x.amount_cents)::bigint AS amount, sum(x.n)::int AS n
    FROM (SELECT org_id, customer_id, order_date, amount_cents, 1 AS n FROM new_lines
      UNION ALL
      SELECT org_id, customer_id, order_date, -amount_cents, -1 FROM old_lines) x
    GROUP BY 1, 2, 3
    HAVING sum(x.amount_cents) <> 0 OR sum(x.n) <> 0)
  INSERT INTO customer_sales_months AS m (org_id, customer_id, month, amount_cents, lines)
    SELECT org_id, customer_id, month, amount, n FROM delta ORDER BY 1, 2, 3
  ON CONFLICT (org_id, customer_id, month) DO UPDATE
    SET amount_cents = m.amount_cents + excluded.amount_cents, lines = m.lines + excluded.lines;
  DELETE FROM customer_sales_months m
    WHERE m.lines = 0 AND (m.org_id, m.customer_id) IN (
      SELECT DISTINCT o.org_id, o.customer_id FROM old_lines o);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER sales_lines_months_insert AFTER INSERT ON "sales_lines"
  REFERENCING NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_months_add();--> statement-breakpoint
CREATE TRIGGER sales_lines_months_update AFTER UPDATE ON "sales_lines"
  REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_months_change();--> statement-breakpoint
CREATE TRIGGER sales_lines_months_delete AFTER DELETE ON "sales_lines"
  REFERENCING OLD TABLE AS old_lines
  FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_months_remove();--> statement-breakpoint
CREATE FUNCTION customer_sales_months_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_sales_months;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER sales_lines_months_truncate AFTER TRUNCATE ON "sales_lines"
  FOR EACH STATEMENT EXECUTE FUNCTION customer_sales_months_clear();--> statement-breakpoint
INSERT INTO customer_sales_months (org_id, customer_id, month, amount_cents, lines)
  SELECT s.org_id, s.customer_id, date_trunc('month', s.order_date)::date,
    sum(s.amount_cents)::bigint, count(*)::int
  FROM sales_lines s
  GROUP BY 1, 2, 3;--> statement-breakpoint
-- PGlite runs no autovacuum: without statistics the planner takes the new table for empty.
ANALYZE customer_sales_months;
