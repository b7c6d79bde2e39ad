ALTER TABLE "grade_history" ALTER COLUMN "reasons" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "grading_runs" ADD COLUMN "config" jsonb;