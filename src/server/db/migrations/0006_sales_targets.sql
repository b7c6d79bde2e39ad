CREATE TABLE "sales_targets" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"user_id" uuid,
	"team_id" uuid,
	"amount_cents" bigint NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_targets_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "sales_targets_one_subject" CHECK (("sales_targets"."user_id" is null) <> ("sales_targets"."team_id" is null))
);
--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sales_targets_user_period_uq" ON "sales_targets" USING btree ("org_id","period_key","user_id") WHERE "sales_targets"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "sales_targets_team_period_uq" ON "sales_targets" USING btree ("org_id","period_key","team_id") WHERE "sales_targets"."team_id" is not null;--> statement-breakpoint
CREATE INDEX "sales_targets_period_idx" ON "sales_targets" USING btree ("org_id","period_key");