CREATE TABLE "rollup_inputs" (
	"report_id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"year" integer NOT NULL,
	"format_version" text NOT NULL,
	"revision_no" integer NOT NULL,
	"figures" text NOT NULL,
	"non_zero" text NOT NULL,
	"missing" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollup_sums" (
	"org_id" text NOT NULL,
	"year" integer NOT NULL,
	"format_version" text NOT NULL,
	"inputs" integer NOT NULL,
	"sums" text NOT NULL,
	"seq" integer NOT NULL,
	CONSTRAINT "rollup_sums_pk" PRIMARY KEY("org_id","year","format_version")
);
--> statement-breakpoint
ALTER TABLE "rollup_inputs" ADD CONSTRAINT "rollup_inputs_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_inputs" ADD CONSTRAINT "rollup_inputs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_sums" ADD CONSTRAINT "rollup_sums_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rollup_inputs_year_org_idx" ON "rollup_inputs" USING btree ("year","org_id");--> statement-breakpoint
CREATE INDEX "organisations_path_prefix_idx" ON "organisations" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "organisations_updated_idx" ON "organisations" USING btree ("updated_at");