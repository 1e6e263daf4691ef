CREATE TABLE `accounts` (
	`user_id` text NOT NULL,
	`type` text NOT NULL,
	`provider` text NOT NULL,
	`provider_account_id` text NOT NULL,
	`refresh_token` text,
	`access_token` text,
	`expires_at` integer,
	`token_type` text,
	`scope` text,
	`id_token` text,
	`session_state` text,
	PRIMARY KEY(`provider`, `provider_account_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `accounts_user_idx` ON `accounts` (`user_id`);--> statement-breakpoint
CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`name` text NOT NULL,
	`hardware_id` text NOT NULL,
	`kind` text DEFAULT 'Gateway' NOT NULL,
	`group_path` text DEFAULT '' NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_owner_hardware_uq` ON `devices` (`owner_id`,`hardware_id`);--> statement-breakpoint
CREATE INDEX `devices_owner_name_idx` ON `devices` (`owner_id`,`name`);--> statement-breakpoint
CREATE INDEX `devices_owner_group_idx` ON `devices` (`owner_id`,`group_path`,`name`);--> statement-breakpoint
CREATE TABLE `emails` (
	`id` text PRIMARY KEY NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` integer,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `emails_status_next_idx` ON `emails` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `emails_created_idx` ON `emails` (`created_at`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`reset_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`port` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `services_device_idx` ON `services` (`device_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`session_token` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `share_events` (
	`id` text PRIMARY KEY NOT NULL,
	`share_id` text NOT NULL,
	`sharer_id` text NOT NULL,
	`actor_id` text,
	`type` text NOT NULL,
	`data` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`share_id`) REFERENCES `shares`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `share_events_share_idx` ON `share_events` (`share_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `share_events_sharer_idx` ON `share_events` (`sharer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `share_items` (
	`id` text PRIMARY KEY NOT NULL,
	`share_id` text NOT NULL,
	`device_id` text NOT NULL,
	`sharer_id` text NOT NULL,
	`recipient_email` text NOT NULL,
	`service_ids` text,
	`live` integer,
	`added_at` integer NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`share_id`) REFERENCES `shares`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `share_items_share_idx` ON `share_items` (`share_id`,`removed_at`);--> statement-breakpoint
CREATE INDEX `share_items_device_idx` ON `share_items` (`device_id`,`live`);--> statement-breakpoint
CREATE INDEX `share_items_device_recipient_idx` ON `share_items` (`device_id`,`recipient_email`);--> statement-breakpoint
CREATE UNIQUE INDEX `share_items_live_uq` ON `share_items` (`device_id`,`sharer_id`,`recipient_email`) WHERE "share_items"."live" = 1;--> statement-breakpoint
CREATE TABLE `share_reminders` (
	`share_id` text NOT NULL,
	`offset_ms` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`share_id`) REFERENCES `shares`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `share_reminders_share_offset_uq` ON `share_reminders` (`share_id`,`offset_ms`);--> statement-breakpoint
CREATE TABLE `shares` (
	`id` text PRIMARY KEY NOT NULL,
	`sharer_id` text NOT NULL,
	`recipient_email` text NOT NULL,
	`recipient_id` text,
	`permissions` text NOT NULL,
	`expires_at` integer,
	`description` text DEFAULT '' NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`notify` integer DEFAULT true NOT NULL,
	`status` text NOT NULL,
	`starts_at` integer,
	`weekdays` integer,
	`window_start` integer,
	`window_end` integer,
	`time_zone` text,
	`remote_access` integer DEFAULT true NOT NULL,
	`suspended_at` integer,
	`token_hash` text,
	`token_nonce` text,
	`token_created_at` integer,
	`created_at` integer NOT NULL,
	`accepted_at` integer,
	`ended_at` integer,
	FOREIGN KEY (`sharer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `shares_sharer_created_idx` ON `shares` (`sharer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `shares_sharer_status_idx` ON `shares` (`sharer_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `shares_recipient_email_idx` ON `shares` (`recipient_email`,`recipient_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `shares_recipient_idx` ON `shares` (`recipient_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `shares_expires_idx` ON `shares` (`expires_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `shares_token_hash_uq` ON `shares` (`token_hash`);--> statement-breakpoint
CREATE TABLE `sharing_policies` (
	`owner_id` text PRIMARY KEY NOT NULL,
	`default_expiry` text DEFAULT '7d' NOT NULL,
	`max_expiry_days` integer,
	`allowed_domains` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text,
	`email_verified` integer,
	`image` text,
	`session_version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `verification_tokens` (
	`identifier` text NOT NULL,
	`token` text NOT NULL,
	`expires` integer NOT NULL,
	PRIMARY KEY(`identifier`, `token`)
);
