CREATE TABLE "holding_limits" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"team_id" uuid,
	"user_id" uuid,
	"holding_limit" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holding_limits_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "holding_limits_one_scope" CHECK (("holding_limits"."team_id" is null) <> ("holding_limits"."user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"org_id" uuid NOT NULL,
	"job" text NOT NULL,
	"day" date NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "job_runs_org_id_job_day_pk" PRIMARY KEY("org_id","job","day")
);
--> statement-breakpoint
CREATE TABLE "lapse_rules" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"team_id" uuid,
	"funnel_id" uuid,
	"no_activity_days" integer,
	"no_progress_days" integer,
	"warn_days" integer DEFAULT 3 NOT NULL,
	"exempt_won" boolean DEFAULT true NOT NULL,
	"exempt_stage_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"exempt_grades" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lapse_rules_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "ownership_events" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"from_owner_id" uuid,
	"to_owner_id" uuid,
	"pool_team_id" uuid,
	"reason" text,
	"rule_id" uuid,
	"rule" jsonb,
	"deadline" date,
	CONSTRAINT "ownership_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "ownership_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"holding_limit" integer DEFAULT 50 NOT NULL,
	"won_deals_exempt" boolean DEFAULT false NOT NULL,
	"cooldown_days" integer DEFAULT 30 NOT NULL,
	"daily_claim_quota" integer,
	"release_reason_required" boolean DEFAULT false NOT NULL,
	"grid_spill_days" integer DEFAULT 7 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_territories" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"province" text,
	"city" text,
	"tag" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_territories_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "pool_team_id" uuid;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "pooled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "holding_limits" ADD CONSTRAINT "holding_limits_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holding_limits" ADD CONSTRAINT "holding_limits_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holding_limits" ADD CONSTRAINT "holding_limits_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapse_rules" ADD CONSTRAINT "lapse_rules_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapse_rules" ADD CONSTRAINT "lapse_rules_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lapse_rules" ADD CONSTRAINT "lapse_rules_org_id_funnel_id_funnels_org_id_id_fk" FOREIGN KEY ("org_id","funnel_id") REFERENCES "public"."funnels"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownership_events" ADD CONSTRAINT "ownership_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownership_events" ADD CONSTRAINT "ownership_events_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ownership_settings" ADD CONSTRAINT "ownership_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_territories" ADD CONSTRAINT "team_territories_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_territories" ADD CONSTRAINT "team_territories_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "holding_limits_team_uq" ON "holding_limits" USING btree ("org_id","team_id") WHERE "holding_limits"."team_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "holding_limits_user_uq" ON "holding_limits" USING btree ("org_id","user_id") WHERE "holding_limits"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "lapse_rules_scope_uq" ON "lapse_rules" USING btree ("org_id",coalesce("team_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("funnel_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "ownership_events_customer_idx" ON "ownership_events" USING btree ("org_id","customer_id","at");--> statement-breakpoint
CREATE INDEX "ownership_events_from_idx" ON "ownership_events" USING btree ("org_id","from_owner_id","customer_id","at");--> statement-breakpoint
CREATE INDEX "ownership_events_to_idx" ON "ownership_events" USING btree ("org_id","to_owner_id","at");--> statement-breakpoint
CREATE INDEX "ownership_events_at_idx" ON "ownership_events" USING btree ("org_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "ownership_events_warning_uq" ON "ownership_events" USING btree ("org_id","customer_id","from_owner_id","deadline") WHERE "ownership_events"."kind" = 'lapse_warning';--> statement-breakpoint
CREATE UNIQUE INDEX "team_territories_uq" ON "team_territories" USING btree ("org_id",coalesce("province", ''),coalesce("city", ''),coalesce("tag", ''));--> statement-breakpoint
CREATE INDEX "team_territories_team_idx" ON "team_territories" USING btree ("org_id","team_id");