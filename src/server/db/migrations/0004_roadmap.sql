CREATE TABLE "capacities" (
	"workspace_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"capacity" numeric(10, 2) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacities_component_id_quarter_pk" PRIMARY KEY("component_id","quarter")
);
--> statement-breakpoint
CREATE TABLE "dependencies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"feature_id" uuid NOT NULL,
	"depends_on_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feature_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"feature_id" uuid NOT NULL,
	"feedback_id" uuid,
	"opportunity_id" uuid,
	"quote_start" integer,
	"quote_end" integer,
	"importance" integer DEFAULT 2 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feature_experiments" (
	"workspace_id" uuid NOT NULL,
	"feature_id" uuid NOT NULL,
	"experiment_id" uuid NOT NULL,
	CONSTRAINT "feature_experiments_feature_id_experiment_id_pk" PRIMARY KEY("feature_id","experiment_id")
);
--> statement-breakpoint
CREATE TABLE "feature_requirement_revisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"feature_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feature_requirements" (
	"feature_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"body" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feature_scores" (
	"workspace_id" uuid NOT NULL,
	"feature_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"score" double precision,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feature_scores_feature_id_framework_id_pk" PRIMARY KEY("feature_id","framework_id")
);
--> statement-breakpoint
CREATE TABLE "features" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"status" text DEFAULT 'idea' NOT NULL,
	"effort" numeric(10, 2),
	"horizon" text,
	"start_date" date,
	"end_date" date,
	"release_id" uuid,
	"pillar_id" uuid,
	"board_rank" double precision DEFAULT 0 NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"score_inputs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prioritization_frameworks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_components" (
	"workspace_id" uuid NOT NULL,
	"release_id" uuid NOT NULL,
	"component_id" uuid NOT NULL,
	CONSTRAINT "release_components_release_id_component_id_pk" PRIMARY KEY("release_id","component_id")
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"name" text NOT NULL,
	"date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"capacity_unit" text DEFAULT 'points' NOT NULL,
	"internal_fields" text[] DEFAULT '{effort,scores}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"filters" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "capacities" ADD CONSTRAINT "capacities_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacities" ADD CONSTRAINT "capacities_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_depends_on_id_features_id_fk" FOREIGN KEY ("depends_on_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_created_by_id_members_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_evidence" ADD CONSTRAINT "feature_evidence_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_evidence" ADD CONSTRAINT "feature_evidence_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_evidence" ADD CONSTRAINT "feature_evidence_feedback_id_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_evidence" ADD CONSTRAINT "feature_evidence_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_evidence" ADD CONSTRAINT "feature_evidence_created_by_id_members_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_experiments" ADD CONSTRAINT "feature_experiments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_experiments" ADD CONSTRAINT "feature_experiments_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_experiments" ADD CONSTRAINT "feature_experiments_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_requirement_revisions" ADD CONSTRAINT "feature_requirement_revisions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_requirement_revisions" ADD CONSTRAINT "feature_requirement_revisions_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_requirement_revisions" ADD CONSTRAINT "feature_requirement_revisions_author_id_members_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_requirements" ADD CONSTRAINT "feature_requirements_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_requirements" ADD CONSTRAINT "feature_requirements_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_requirements" ADD CONSTRAINT "feature_requirements_updated_by_id_members_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_scores" ADD CONSTRAINT "feature_scores_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_scores" ADD CONSTRAINT "feature_scores_feature_id_features_id_fk" FOREIGN KEY ("feature_id") REFERENCES "public"."features"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feature_scores" ADD CONSTRAINT "feature_scores_framework_id_prioritization_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."prioritization_frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "features" ADD CONSTRAINT "features_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "features" ADD CONSTRAINT "features_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "features" ADD CONSTRAINT "features_owner_id_members_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "features" ADD CONSTRAINT "features_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prioritization_frameworks" ADD CONSTRAINT "prioritization_frameworks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_components" ADD CONSTRAINT "release_components_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_components" ADD CONSTRAINT "release_components_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_components" ADD CONSTRAINT "release_components_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_settings" ADD CONSTRAINT "roadmap_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_owner_id_members_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capacities_workspace_quarter_idx" ON "capacities" USING btree ("workspace_id","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "dependencies_pair_uq" ON "dependencies" USING btree ("feature_id","depends_on_id");--> statement-breakpoint
CREATE INDEX "dependencies_depends_on_idx" ON "dependencies" USING btree ("depends_on_id");--> statement-breakpoint
CREATE INDEX "dependencies_workspace_idx" ON "dependencies" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feature_evidence_feedback_uq" ON "feature_evidence" USING btree ("feature_id","feedback_id") WHERE "feature_evidence"."feedback_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "feature_evidence_opportunity_uq" ON "feature_evidence" USING btree ("feature_id","opportunity_id") WHERE "feature_evidence"."opportunity_id" is not null;--> statement-breakpoint
CREATE INDEX "feature_evidence_feature_idx" ON "feature_evidence" USING btree ("feature_id");--> statement-breakpoint
CREATE INDEX "feature_evidence_feedback_idx" ON "feature_evidence" USING btree ("feedback_id");--> statement-breakpoint
CREATE INDEX "feature_evidence_opportunity_idx" ON "feature_evidence" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "feature_experiments_experiment_idx" ON "feature_experiments" USING btree ("experiment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feature_requirement_revisions_uq" ON "feature_requirement_revisions" USING btree ("feature_id","revision");--> statement-breakpoint
CREATE INDEX "feature_scores_framework_idx" ON "feature_scores" USING btree ("framework_id","score");--> statement-breakpoint
CREATE INDEX "features_workspace_component_idx" ON "features" USING btree ("workspace_id","component_id","status");--> statement-breakpoint
CREATE INDEX "features_component_board_idx" ON "features" USING btree ("component_id","horizon","board_rank");--> statement-breakpoint
CREATE INDEX "features_workspace_updated_idx" ON "features" USING btree ("workspace_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "features_release_idx" ON "features" USING btree ("release_id");--> statement-breakpoint
CREATE INDEX "features_owner_idx" ON "features" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "prioritization_frameworks_workspace_idx" ON "prioritization_frameworks" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "release_components_component_idx" ON "release_components" USING btree ("component_id");--> statement-breakpoint
CREATE INDEX "releases_workspace_product_idx" ON "releases" USING btree ("workspace_id","product_id","date");--> statement-breakpoint
CREATE INDEX "saved_views_workspace_idx" ON "saved_views" USING btree ("workspace_id","owner_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("workspace_id","entity_type","entity_id","created_at");