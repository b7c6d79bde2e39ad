CREATE TABLE "deal_documents" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"note" text,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deal_documents_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"funnel_id" uuid NOT NULL,
	"name" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"budget_cents" bigint,
	"expected_close_date" date,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"competitors" text[] DEFAULT '{}'::text[] NOT NULL,
	"next_step" text,
	"stage_key" text NOT NULL,
	"stage_entered_at" timestamp with time zone NOT NULL,
	"stale_at" timestamp with time zone,
	"probability" integer NOT NULL,
	"probability_overridden" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"lost_reason_id" uuid,
	"owner_id" uuid NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deals_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "funnels" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"purpose" text DEFAULT 'deals' NOT NULL,
	"template_key" text,
	"stages" jsonb NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funnels_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "lost_reasons" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lost_reasons_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "stage_checks" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"deal_id" uuid,
	"funnel_id" uuid NOT NULL,
	"stage_key" text NOT NULL,
	"item_id" text NOT NULL,
	"checked" boolean NOT NULL,
	"by_user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"evidence_note" text,
	"evidence_url" text,
	"evidence_activity_id" uuid,
	CONSTRAINT "stage_checks_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "stage_history" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"deal_id" uuid,
	"funnel_id" uuid NOT NULL,
	"from_stage_key" text,
	"to_stage_key" text NOT NULL,
	"direction" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid NOT NULL,
	"override_reason" text,
	"unmet" jsonb,
	"lost_reason_id" uuid,
	"lost_reason" text,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "stage_history_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "lifecycle_funnel_id" uuid;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "lifecycle_stage_key" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "lifecycle_entered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deal_documents" ADD CONSTRAINT "deal_documents_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_documents" ADD CONSTRAINT "deal_documents_org_id_deal_id_deals_org_id_id_fk" FOREIGN KEY ("org_id","deal_id") REFERENCES "public"."deals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_documents" ADD CONSTRAINT "deal_documents_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_documents" ADD CONSTRAINT "deal_documents_org_id_added_by_users_org_id_id_fk" FOREIGN KEY ("org_id","added_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_org_id_funnel_id_funnels_org_id_id_fk" FOREIGN KEY ("org_id","funnel_id") REFERENCES "public"."funnels"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_org_id_lost_reason_id_lost_reasons_org_id_id_fk" FOREIGN KEY ("org_id","lost_reason_id") REFERENCES "public"."lost_reasons"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnels" ADD CONSTRAINT "funnels_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnels" ADD CONSTRAINT "funnels_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lost_reasons" ADD CONSTRAINT "lost_reasons_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_checks" ADD CONSTRAINT "stage_checks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_checks" ADD CONSTRAINT "stage_checks_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_checks" ADD CONSTRAINT "stage_checks_org_id_deal_id_deals_org_id_id_fk" FOREIGN KEY ("org_id","deal_id") REFERENCES "public"."deals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_checks" ADD CONSTRAINT "stage_checks_org_id_funnel_id_funnels_org_id_id_fk" FOREIGN KEY ("org_id","funnel_id") REFERENCES "public"."funnels"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_checks" ADD CONSTRAINT "stage_checks_org_id_by_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","by_user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_checks" ADD CONSTRAINT "stage_checks_org_id_evidence_activity_id_activities_org_id_id_fk" FOREIGN KEY ("org_id","evidence_activity_id") REFERENCES "public"."activities"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_history" ADD CONSTRAINT "stage_history_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_history" ADD CONSTRAINT "stage_history_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_history" ADD CONSTRAINT "stage_history_org_id_deal_id_deals_org_id_id_fk" FOREIGN KEY ("org_id","deal_id") REFERENCES "public"."deals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_history" ADD CONSTRAINT "stage_history_org_id_funnel_id_funnels_org_id_id_fk" FOREIGN KEY ("org_id","funnel_id") REFERENCES "public"."funnels"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_history" ADD CONSTRAINT "stage_history_org_id_by_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","by_user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deal_documents_deal_idx" ON "deal_documents" USING btree ("org_id","deal_id","added_at");--> statement-breakpoint
CREATE INDEX "deal_documents_customer_idx" ON "deal_documents" USING btree ("org_id","customer_id","added_at");--> statement-breakpoint
CREATE INDEX "deals_funnel_stage_idx" ON "deals" USING btree ("org_id","funnel_id","stage_key","updated_at","id");--> statement-breakpoint
CREATE INDEX "deals_owner_idx" ON "deals" USING btree ("org_id","owner_id","status","expected_close_date");--> statement-breakpoint
CREATE INDEX "deals_customer_idx" ON "deals" USING btree ("org_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "deals_close_idx" ON "deals" USING btree ("org_id","funnel_id","expected_close_date");--> statement-breakpoint
CREATE INDEX "deals_stale_idx" ON "deals" USING btree ("org_id","stale_at") WHERE "deals"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "funnels_org_lifecycle_uq" ON "funnels" USING btree ("org_id") WHERE "funnels"."purpose" = 'customers';--> statement-breakpoint
CREATE UNIQUE INDEX "lost_reasons_org_name_uq" ON "lost_reasons" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "stage_checks_deal_uq" ON "stage_checks" USING btree ("org_id","deal_id","stage_key","item_id") WHERE "stage_checks"."deal_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "stage_checks_lifecycle_uq" ON "stage_checks" USING btree ("org_id","customer_id","funnel_id","stage_key","item_id") WHERE "stage_checks"."deal_id" is null;--> statement-breakpoint
CREATE INDEX "stage_history_deal_idx" ON "stage_history" USING btree ("org_id","deal_id","at");--> statement-breakpoint
CREATE INDEX "stage_history_customer_idx" ON "stage_history" USING btree ("org_id","customer_id","at");--> statement-breakpoint
CREATE INDEX "stage_history_funnel_idx" ON "stage_history" USING btree ("org_id","funnel_id","to_stage_key","at");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_lifecycle_funnel_id_funnels_org_id_id_fk" FOREIGN KEY ("org_id","lifecycle_funnel_id") REFERENCES "public"."funnels"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customers_lifecycle_idx" ON "customers" USING btree ("org_id","lifecycle_funnel_id","lifecycle_stage_key");