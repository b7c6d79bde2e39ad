CREATE TABLE "funnel_review_comments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funnel_review_comments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "funnel_review_lines" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"customer_id" uuid NOT NULL,
	"deal_id" uuid,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"amount_cents" bigint NOT NULL,
	"expected_close_date" date,
	"success_rate" integer NOT NULL,
	"comment" text,
	CONSTRAINT "funnel_review_lines_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "funnel_reviews" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funnel_reviews_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "funnel_review_comments" ADD CONSTRAINT "funnel_review_comments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_review_comments" ADD CONSTRAINT "funnel_review_comments_org_id_review_id_funnel_reviews_org_id_id_fk" FOREIGN KEY ("org_id","review_id") REFERENCES "public"."funnel_reviews"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_review_comments" ADD CONSTRAINT "funnel_review_comments_org_id_author_id_users_org_id_id_fk" FOREIGN KEY ("org_id","author_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_review_lines" ADD CONSTRAINT "funnel_review_lines_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_review_lines" ADD CONSTRAINT "funnel_review_lines_org_id_review_id_funnel_reviews_org_id_id_fk" FOREIGN KEY ("org_id","review_id") REFERENCES "public"."funnel_reviews"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_review_lines" ADD CONSTRAINT "funnel_review_lines_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_review_lines" ADD CONSTRAINT "funnel_review_lines_org_id_deal_id_deals_org_id_id_fk" FOREIGN KEY ("org_id","deal_id") REFERENCES "public"."deals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_reviews" ADD CONSTRAINT "funnel_reviews_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_reviews" ADD CONSTRAINT "funnel_reviews_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funnel_reviews" ADD CONSTRAINT "funnel_reviews_org_id_reviewed_by_users_org_id_id_fk" FOREIGN KEY ("org_id","reviewed_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funnel_review_comments_review_idx" ON "funnel_review_comments" USING btree ("org_id","review_id","created_at");--> statement-breakpoint
CREATE INDEX "funnel_review_lines_review_idx" ON "funnel_review_lines" USING btree ("org_id","review_id","position");--> statement-breakpoint
CREATE INDEX "funnel_review_lines_close_idx" ON "funnel_review_lines" USING btree ("org_id","expected_close_date");--> statement-breakpoint
CREATE UNIQUE INDEX "funnel_reviews_user_period_uq" ON "funnel_reviews" USING btree ("org_id","user_id","period_key");--> statement-breakpoint
CREATE INDEX "funnel_reviews_period_idx" ON "funnel_reviews" USING btree ("org_id","period_key","status");