CREATE TABLE `group_members` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`email` text NOT NULL,
	`token_hash` text NOT NULL,
	`token_nonce` text NOT NULL,
	`added_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `group_members_group_email_uq` ON `group_members` (`group_id`,`email`);--> statement-breakpoint
CREATE INDEX `group_members_email_idx` ON `group_members` (`email`,`group_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `group_members_token_hash_uq` ON `group_members` (`token_hash`);--> statement-breakpoint
CREATE TABLE `group_share_leaves` (
	`share_id` text NOT NULL,
	`email` text NOT NULL,
	`left_at` integer NOT NULL,
	PRIMARY KEY(`share_id`, `email`),
	FOREIGN KEY (`share_id`) REFERENCES `shares`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `groups` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `groups_owner_name_uq` ON `groups` (`owner_id`,`name_key`) WHERE "groups"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `groups_owner_created_idx` ON `groups` (`owner_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `shares` ADD `group_id` text REFERENCES groups(id);--> statement-breakpoint
CREATE INDEX `shares_group_idx` ON `shares` (`group_id`,`created_at`);