-- Metadata only: no index is rebuilt. The lists are merged at the next bulk write or when they fill.
ALTER INDEX "feedback_search_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "feedback_lsh_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "feedback_tags_idx" SET (gin_pending_list_limit = 256);
