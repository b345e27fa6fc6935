DROP INDEX "feedback_text_trgm_idx";--> statement-breakpoint
-- Existing rows start with no keys; the 'feedback.lsh-backfill' job queued below computes them in batches.
ALTER TABLE "feedback" ADD COLUMN "lsh" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback" ALTER COLUMN "lsh" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "feedback_lsh_idx" ON "feedback" USING gin ("lsh");--> statement-breakpoint
INSERT INTO "jobs" ("id", "kind", "payload") SELECT gen_random_uuid(), 'feedback.lsh-backfill', '{}'::jsonb WHERE EXISTS (SELECT 1 FROM "feedback");
