ALTER TABLE "deals" ADD COLUMN "furthest_stage_key" text;--> statement-breakpoint
-- Backfill: the furthest open stage each deal entered, by its funnel's order, from every stage
-- it moved into or out of (stage_history) and the stage it is in now.
WITH "ords" AS (
	SELECT f."org_id", f."id" AS "funnel_id", st."stage"->>'key' AS "key", st."ord"
	FROM "funnels" f, jsonb_array_elements(f."stages") WITH ORDINALITY AS st("stage", "ord")
	WHERE f."purpose" = 'deals' AND st."stage"->>'terminal' IS NULL
), "entered" AS (
	SELECT h."org_id", h."deal_id", h."funnel_id", h."to_stage_key" AS "key"
	FROM "stage_history" h WHERE h."deal_id" IS NOT NULL
	UNION ALL
	SELECT h."org_id", h."deal_id", h."funnel_id", h."from_stage_key"
	FROM "stage_history" h WHERE h."deal_id" IS NOT NULL AND h."from_stage_key" IS NOT NULL
	UNION ALL
	SELECT d."org_id", d."id", d."funnel_id", d."stage_key" FROM "deals" d
), "furthest" AS (
	SELECT e."org_id", e."deal_id", (array_agg(o."key" ORDER BY o."ord" DESC))[1] AS "key"
	FROM "entered" e
	JOIN "ords" o ON o."org_id" = e."org_id" AND o."funnel_id" = e."funnel_id" AND o."key" = e."key"
	GROUP BY e."org_id", e."deal_id"
)
UPDATE "deals" d SET "furthest_stage_key" = r."key"
FROM "furthest" r
WHERE d."org_id" = r."org_id" AND d."id" = r."deal_id";
