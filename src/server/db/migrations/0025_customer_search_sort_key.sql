-- A two-character term in some thousands of customers (上海: 33,000 of a million) whose matches
-- sit late in the list's order: the list walked customers in follow-up order until 51 matched
-- (29,000 wide rows, 2.3 s as the admin), and fetching every match by primary key is no
-- better. customer_search now also holds the list's default sort key (next_follow_up_at) and
-- the archived flag, so such a term's first page is its matches sorted from the side table
-- alone. Its rows stay narrow: the grams live only in the GIN index (an expression over a copy
-- of search_text), not inline in the heap (453 MB at 1M customers), so reading 33,000 matches
-- touches a few thousand small pages. @> on text[] needs no recheck, so the index answers.
CREATE TABLE "customer_search_new" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"next_follow_up_at" timestamp with time zone,
	"archived" boolean DEFAULT false NOT NULL,
	"search_text" text NOT NULL
);--> statement-breakpoint
INSERT INTO customer_search_new (org_id, customer_id, next_follow_up_at, archived, search_text)
  SELECT c.org_id, c.id, c.next_follow_up_at, c.archived_at IS NOT NULL, c.search_text
  FROM customers c;--> statement-breakpoint
DROP TABLE "customer_search";--> statement-breakpoint
ALTER TABLE "customer_search_new" RENAME TO "customer_search";--> statement-breakpoint
ALTER TABLE "customer_search" ADD CONSTRAINT "customer_search_org_id_customer_id_pk" PRIMARY KEY("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "customer_search_grams_idx" ON "customer_search" USING gin (customer_search_grams("search_text"));--> statement-breakpoint
ALTER TABLE "customer_search" ADD CONSTRAINT "customer_search_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_search (org_id, customer_id, next_follow_up_at, archived, search_text)
    SELECT n.org_id, n.id, n.next_follow_up_at, n.archived_at IS NOT NULL, n.search_text
    FROM new_customers n;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customer_search SET search_text = NEW.search_text
    WHERE org_id = NEW.org_id AND customer_id = NEW.id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- The sort key and the archived flag follow the customer (a task moving the next follow-up,
-- archiving). A column list and a WHEN, so owner changes (the lapse job, claims, transfers),
-- grading and contact times never fire it.
CREATE FUNCTION customer_search_sort_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customer_search
    SET next_follow_up_at = NEW.next_follow_up_at, archived = NEW.archived_at IS NOT NULL
    WHERE org_id = NEW.org_id AND customer_id = NEW.id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER customers_search_sort_update AFTER UPDATE OF next_follow_up_at, archived_at ON "customers"
  FOR EACH ROW WHEN (OLD.next_follow_up_at IS DISTINCT FROM NEW.next_follow_up_at
    OR (OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL))
  EXECUTE FUNCTION customer_search_sort_update();--> statement-breakpoint
ANALYZE customer_search;
