CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"name" text NOT NULL,
	"hardware_id" text NOT NULL,
	"kind" text DEFAULT 'Gateway' NOT NULL,
	"group_path" text DEFAULT '' NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emails" (
	"id" text PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" bigint,
	"created_at" bigint NOT NULL,
	"sent_at" bigint
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"reset_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" text PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"port" integer NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "share_events" (
	"id" text PRIMARY KEY NOT NULL,
	"share_id" text NOT NULL,
	"sharer_id" text NOT NULL,
	"actor_id" text,
	"type" text NOT NULL,
	"data" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "share_items" (
	"id" text PRIMARY KEY NOT NULL,
	"share_id" text NOT NULL,
	"device_id" text NOT NULL,
	"sharer_id" text NOT NULL,
	"recipient_email" text NOT NULL,
	"service_ids" text,
	"live" integer,
	"added_at" bigint NOT NULL,
	"removed_at" bigint
);
--> statement-breakpoint
CREATE TABLE "share_reminders" (
	"share_id" text NOT NULL,
	"offset_ms" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"sent_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shares" (
	"id" text PRIMARY KEY NOT NULL,
	"sharer_id" text NOT NULL,
	"recipient_email" text NOT NULL,
	"recipient_id" text,
	"permissions" text NOT NULL,
	"expires_at" bigint,
	"description" text DEFAULT '' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"notify" boolean DEFAULT true NOT NULL,
	"status" text NOT NULL,
	"starts_at" bigint,
	"weekdays" integer,
	"window_start" integer,
	"window_end" integer,
	"time_zone" text,
	"remote_access" boolean DEFAULT true NOT NULL,
	"suspended_at" bigint,
	"token_hash" text,
	"token_nonce" text,
	"token_created_at" bigint,
	"created_at" bigint NOT NULL,
	"accepted_at" bigint,
	"ended_at" bigint
);
--> statement-breakpoint
CREATE TABLE "sharing_policies" (
	"owner_id" text PRIMARY KEY NOT NULL,
	"default_expiry" text DEFAULT '7d' NOT NULL,
	"max_expiry_days" integer,
	"allowed_domains" text DEFAULT '' NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"email_verified" bigint,
	"image" text,
	"session_version" integer DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" bigint NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_events" ADD CONSTRAINT "share_events_share_id_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_items" ADD CONSTRAINT "share_items_share_id_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_items" ADD CONSTRAINT "share_items_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_reminders" ADD CONSTRAINT "share_reminders_share_id_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_sharer_id_users_id_fk" FOREIGN KEY ("sharer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_policies" ADD CONSTRAINT "sharing_policies_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_user_idx" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_owner_hardware_uq" ON "devices" USING btree ("owner_id","hardware_id");--> statement-breakpoint
CREATE INDEX "devices_owner_name_idx" ON "devices" USING btree ("owner_id","name");--> statement-breakpoint
CREATE INDEX "devices_owner_group_idx" ON "devices" USING btree ("owner_id","group_path","name");--> statement-breakpoint
CREATE INDEX "emails_status_next_idx" ON "emails" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "emails_created_idx" ON "emails" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "services_device_idx" ON "services" USING btree ("device_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "share_events_share_idx" ON "share_events" USING btree ("share_id","created_at");--> statement-breakpoint
CREATE INDEX "share_events_sharer_idx" ON "share_events" USING btree ("sharer_id","created_at");--> statement-breakpoint
CREATE INDEX "share_items_share_idx" ON "share_items" USING btree ("share_id","removed_at");--> statement-breakpoint
CREATE INDEX "share_items_device_idx" ON "share_items" USING btree ("device_id","live");--> statement-breakpoint
CREATE INDEX "share_items_device_recipient_idx" ON "share_items" USING btree ("device_id","recipient_email");--> statement-breakpoint
CREATE UNIQUE INDEX "share_items_live_uq" ON "share_items" USING btree ("device_id","sharer_id","recipient_email") WHERE "share_items"."live" = 1;--> statement-breakpoint
CREATE UNIQUE INDEX "share_reminders_share_offset_uq" ON "share_reminders" USING btree ("share_id","offset_ms");--> statement-breakpoint
CREATE INDEX "shares_sharer_created_idx" ON "shares" USING btree ("sharer_id","created_at");--> statement-breakpoint
CREATE INDEX "shares_sharer_status_idx" ON "shares" USING btree ("sharer_id","status","created_at");--> statement-breakpoint
CREATE INDEX "shares_recipient_email_idx" ON "shares" USING btree ("recipient_email","recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "shares_recipient_idx" ON "shares" USING btree ("recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "shares_expires_idx" ON "shares" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "shares_token_hash_uq" ON "shares" USING btree ("token_hash");