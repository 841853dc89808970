CREATE TABLE `rollup_inputs` (
	`report_id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`year` integer NOT NULL,
	`format_version` text NOT NULL,
	`revision_no` integer NOT NULL,
	`figures` text NOT NULL,
	`non_zero` text NOT NULL,
	`missing` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rollup_inputs_year_org_idx` ON `rollup_inputs` (`year`,`org_id`);--> statement-breakpoint
CREATE TABLE `rollup_sums` (
	`org_id` text NOT NULL,
	`year` integer NOT NULL,
	`format_version` text NOT NULL,
	`inputs` integer NOT NULL,
	`sums` text NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`org_id`, `year`, `format_version`),
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `organisations_path_prefix_idx` ON `organisations` (`path`);--> statement-breakpoint
CREATE INDEX `organisations_updated_idx` ON `organisations` (`updated_at`);