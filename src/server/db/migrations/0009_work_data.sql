CREATE TABLE "activity_targets" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid,
	"team_id" uuid,
	"period" text NOT NULL,
	"metric" text NOT NULL,
	"target" integer NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_targets_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "activity_targets_one_subject" CHECK (("activity_targets"."user_id" is null) <> ("activity_targets"."team_id" is null)),
	CONSTRAINT "activity_targets_positive" CHECK ("activity_targets"."target" > 0)
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "signals" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_targets" ADD CONSTRAINT "activity_targets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_targets" ADD CONSTRAINT "activity_targets_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_targets" ADD CONSTRAINT "activity_targets_org_id_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_targets" ADD CONSTRAINT "activity_targets_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_targets_user_uq" ON "activity_targets" USING btree ("org_id","user_id","period","metric") WHERE "activity_targets"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_targets_team_uq" ON "activity_targets" USING btree ("org_id","team_id","period","metric") WHERE "activity_targets"."team_id" is not null;