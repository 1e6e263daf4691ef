CREATE TABLE "group_members" (
	"id" text PRIMARY KEY NOT NULL,
	"group_id" text NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"token_nonce" text NOT NULL,
	"added_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_share_leaves" (
	"share_id" text NOT NULL,
	"email" text NOT NULL,
	"left_at" bigint NOT NULL,
	CONSTRAINT "group_share_leaves_share_id_email_pk" PRIMARY KEY("share_id","email")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"created_at" bigint NOT NULL,
	"deleted_at" bigint
);
--> statement-breakpoint
ALTER TABLE "shares" ADD COLUMN "group_id" text;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_share_leaves" ADD CONSTRAINT "group_share_leaves_share_id_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "group_members_group_email_uq" ON "group_members" USING btree ("group_id","email");--> statement-breakpoint
CREATE INDEX "group_members_email_idx" ON "group_members" USING btree ("email","group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_members_token_hash_uq" ON "group_members" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "groups_owner_name_uq" ON "groups" USING btree ("owner_id","name_key") WHERE "groups"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "groups_owner_created_idx" ON "groups" USING btree ("owner_id","created_at");--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shares_group_idx" ON "shares" USING btree ("group_id","created_at");