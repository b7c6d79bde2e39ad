CREATE TABLE "campaign_invitees" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"contact_id" uuid,
	"invited_by" uuid NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"attended_at" timestamp with time zone,
	"activity_id" uuid,
	CONSTRAINT "campaign_invitees_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" text,
	"owner_id" uuid NOT NULL,
	"cost_cents" bigint,
	"source" text,
	"notes" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_collaborators" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"access" text NOT NULL,
	"added_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_collaborators_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "campaign_invitees" ADD CONSTRAINT "campaign_invitees_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_invitees" ADD CONSTRAINT "campaign_invitees_org_id_campaign_id_campaigns_org_id_id_fk" FOREIGN KEY ("org_id","campaign_id") REFERENCES "public"."campaigns"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_invitees" ADD CONSTRAINT "campaign_invitees_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_invitees" ADD CONSTRAINT "campaign_invitees_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_invitees" ADD CONSTRAINT "campaign_invitees_org_id_invited_by_users_org_id_id_fk" FOREIGN KEY ("org_id","invited_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_collaborators" ADD CONSTRAINT "customer_collaborators_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_collaborators" ADD CONSTRAINT "customer_collaborators_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_collaborators" ADD CONSTRAINT "customer_collaborators_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_collaborators" ADD CONSTRAINT "customer_collaborators_org_id_added_by_users_org_id_id_fk" FOREIGN KEY ("org_id","added_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_invitees_customer_uq" ON "campaign_invitees" USING btree ("org_id","campaign_id","customer_id") WHERE "campaign_invitees"."contact_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_invitees_contact_uq" ON "campaign_invitees" USING btree ("org_id","campaign_id","contact_id") WHERE "campaign_invitees"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "campaign_invitees_customer_idx" ON "campaign_invitees" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "campaigns_starts_idx" ON "campaigns" USING btree ("org_id","starts_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_collaborators_uq" ON "customer_collaborators" USING btree ("org_id","customer_id","user_id");--> statement-breakpoint
CREATE INDEX "customer_collaborators_user_idx" ON "customer_collaborators" USING btree ("org_id","user_id");