CREATE TABLE "grade_history" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"from_grade" text,
	"to_grade" text NOT NULL,
	"rule_set_id" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"metrics" jsonb NOT NULL,
	"downgraded_for_unpaid" boolean DEFAULT false NOT NULL,
	"run_id" uuid,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "grade_history_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "grading_runs" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"rule_set_id" text NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"graded" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"downgraded" integer DEFAULT 0 NOT NULL,
	"error" text,
	CONSTRAINT "grading_runs_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"channel" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"sender_name" text,
	"sender_email" text,
	"company" text,
	"country" text,
	"received_at" timestamp with time zone NOT NULL,
	"classification" text NOT NULL,
	"confidence" double precision NOT NULL,
	"signals" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"corrected_class" text,
	"corrected_by" uuid,
	"corrected_at" timestamp with time zone,
	"status" text DEFAULT 'new' NOT NULL,
	"assignee_id" uuid,
	"first_response_at" timestamp with time zone,
	"first_response_by" uuid,
	"customer_id" uuid,
	"contact_id" uuid,
	"deal_id" uuid,
	"converted_at" timestamp with time zone,
	"converted_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiries_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "qualification_settings" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"applied_version" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qualification_settings_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "qualified" boolean;--> statement-breakpoint
ALTER TABLE "grade_history" ADD CONSTRAINT "grade_history_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_history" ADD CONSTRAINT "grade_history_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_runs" ADD CONSTRAINT "grading_runs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_org_id_assignee_id_users_org_id_id_fk" FOREIGN KEY ("org_id","assignee_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_org_id_deal_id_deals_org_id_id_fk" FOREIGN KEY ("org_id","deal_id") REFERENCES "public"."deals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_settings" ADD CONSTRAINT "qualification_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_settings" ADD CONSTRAINT "qualification_settings_org_id_updated_by_users_org_id_id_fk" FOREIGN KEY ("org_id","updated_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grade_history_customer_idx" ON "grade_history" USING btree ("org_id","customer_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "grading_runs_running_uq" ON "grading_runs" USING btree ("org_id") WHERE "grading_runs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "grading_runs_started_idx" ON "grading_runs" USING btree ("org_id","started_at");--> statement-breakpoint
CREATE INDEX "inquiries_received_idx" ON "inquiries" USING btree ("org_id","received_at","id");--> statement-breakpoint
CREATE INDEX "inquiries_status_idx" ON "inquiries" USING btree ("org_id","status","received_at");--> statement-breakpoint
CREATE INDEX "inquiries_assignee_idx" ON "inquiries" USING btree ("org_id","assignee_id","received_at");--> statement-breakpoint
CREATE INDEX "inquiries_customer_idx" ON "inquiries" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qualification_settings_kind_uq" ON "qualification_settings" USING btree ("org_id","kind");