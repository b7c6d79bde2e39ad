CREATE TABLE "customer_grades" (
	"org_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"grade" text NOT NULL,
	CONSTRAINT "customer_grades_org_id_customer_id_pk" PRIMARY KEY("org_id","customer_id")
);
--> statement-breakpoint
-- Grades move out of the wide customers row, set-based, before its column goes.
INSERT INTO "customer_grades" ("org_id", "customer_id", "grade")
  SELECT "org_id", "id", "grade" FROM "customers" WHERE "grade" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "grade_history" DROP CONSTRAINT "grade_history_org_id_orgs_id_fk";
--> statement-breakpoint
ALTER TABLE "grade_history" DROP CONSTRAINT "grade_history_org_id_customer_id_customers_org_id_id_fk";
--> statement-breakpoint
ALTER TABLE "customers" DROP COLUMN "grade";