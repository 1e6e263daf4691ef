import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";

// The PostgreSQL twin of db/schema.ts: same table, column and index names, nullability,
// defaults and foreign keys (db/engine/schema-drift.test.ts compares the migrated databases).
// Timestamps stay integer milliseconds (bigint, read back as JS numbers); booleans are real
// booleans here and integer 0/1 in SQLite; small counts and minutes stay integer.

/** Milliseconds since the epoch (or a duration in ms): beyond int4 range. */
const ms = (name: string) => bigint(name, { mode: "number" });

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  emailVerified: ms("email_verified"),
  image: text("image"),
  // Bumped on password change, reset and "Sign out everywhere": sessions carrying an older value are rejected.
  sessionVersion: integer("session_version").notNull().default(0),
  createdAt: ms("created_at").notNull(),
});
export type User = typeof users.$inferSelect;

// Sessions that can end: each session cookie names one row by its `sid` (see db/schema.ts).
export const userSessions = pgTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
  },
  (t) => [
    index("user_sessions_user_idx").on(t.userId, t.expiresAt),
    index("user_sessions_expires_idx").on(t.expiresAt),
  ],
);
export type UserSession = typeof userSessions.$inferSelect;

// Single-use links sent by email: address verification (24 h) and password reset (1 h).
export const emailTokens = pgTable(
  "email_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["verify", "reset"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: ms("expires_at").notNull(),
    usedAt: ms("used_at"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("email_tokens_hash_uq").on(t.tokenHash),
    index("email_tokens_user_idx").on(t.userId, t.purpose),
    index("email_tokens_expires_idx").on(t.expiresAt),
  ],
);
export type EmailToken = typeof emailTokens.$inferSelect;

// Auth.js tables, kept so OAuth / email providers can be added with the Drizzle adapter.
export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"), // OAuth: seconds, as Auth.js stores it
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerAccountId] }),
    index("accounts_user_idx").on(t.userId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: ms("expires").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: ms("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const devices = pgTable(
  "devices",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    hardwareId: text("hardware_id").notNull(),
    kind: text("kind").notNull().default("Gateway"),
    groupPath: text("group_path").notNull().default(""),
    demo: boolean("demo").notNull().default(false),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("devices_owner_hardware_uq").on(t.ownerId, t.hardwareId),
    index("devices_owner_name_idx").on(t.ownerId, t.name),
    index("devices_owner_group_idx").on(t.ownerId, t.groupPath, t.name),
  ],
);
export type Device = typeof devices.$inferSelect;

export const services = pgTable(
  "services",
  {
    id: text("id").primaryKey(),
    deviceId: text("device_id")
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    port: integer("port").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("services_device_idx").on(t.deviceId)],
);
export type Service = typeof services.$inferSelect;

export const groups = pgTable(
  "groups",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    createdAt: ms("created_at").notNull(),
    deletedAt: ms("deleted_at"),
  },
  (t) => [
    uniqueIndex("groups_owner_name_uq")
      .on(t.ownerId, t.nameKey)
      .where(sql`${t.deletedAt} is null`),
    index("groups_owner_created_idx").on(t.ownerId, t.createdAt),
  ],
);

export type Group = typeof groups.$inferSelect;

export const groupMembers = pgTable(
  "group_members",
  {
    id: text("id").primaryKey(),
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    tokenNonce: text("token_nonce").notNull(),
    addedAt: ms("added_at").notNull(),
  },
  (t) => [
    uniqueIndex("group_members_group_email_uq").on(t.groupId, t.email),
    index("group_members_email_idx").on(t.email, t.groupId),
    uniqueIndex("group_members_token_hash_uq").on(t.tokenHash),
  ],
);

export type GroupMember = typeof groupMembers.$inferSelect;

export const shares = pgTable(
  "shares",
  {
    id: text("id").primaryKey(),
    sharerId: text("sharer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    recipientEmail: text("recipient_email").notNull(),
    recipientId: text("recipient_id").references(() => users.id, { onDelete: "set null" }),
    permissions: text("permissions").notNull(),
    expiresAt: ms("expires_at"), // null = permanent
    description: text("description").notNull().default(""),
    message: text("message").notNull().default(""),
    notify: boolean("notify").notNull().default(true),
    status: text("status", {
      enum: ["pending", "active", "cancelled", "declined", "left"],
    }).notNull(),
    startsAt: ms("starts_at"),
    weekdays: integer("weekdays"), // bit 0 = Monday … bit 6 = Sunday; null = every day
    windowStart: integer("window_start"), // minutes after local midnight
    windowEnd: integer("window_end"),
    timeZone: text("time_zone"),
    remoteAccess: boolean("remote_access").notNull().default(true),
    suspendedAt: ms("suspended_at"),
    tokenHash: text("token_hash"),
    tokenNonce: text("token_nonce"),
    tokenCreatedAt: ms("token_created_at"),
    createdAt: ms("created_at").notNull(),
    acceptedAt: ms("accepted_at"),
    endedAt: ms("ended_at"),
    groupId: text("group_id").references(() => groups.id),
  },
  (t) => [
    index("shares_sharer_created_idx").on(t.sharerId, t.createdAt),
    index("shares_sharer_status_idx").on(t.sharerId, t.status, t.createdAt),
    index("shares_recipient_email_idx").on(t.recipientEmail, t.recipientId, t.createdAt),
    index("shares_recipient_idx").on(t.recipientId, t.createdAt),
    // Shared with Me counts and pages per sharer from these alone (lib/sharing/received.ts).
    index("shares_recipient_sharer_idx").on(t.recipientId, t.sharerId, t.createdAt),
    index("shares_addressed_sharer_idx").on(
      t.recipientEmail,
      t.recipientId,
      t.sharerId,
      t.createdAt,
    ),
    index("shares_expires_idx").on(t.expiresAt),
    uniqueIndex("shares_token_hash_uq").on(t.tokenHash),
    index("shares_group_idx").on(t.groupId, t.createdAt),
  ],
);
export type Share = typeof shares.$inferSelect;

export const shareItems = pgTable(
  "share_items",
  {
    id: text("id").primaryKey(),
    shareId: text("share_id")
      .notNull()
      .references(() => shares.id, { onDelete: "cascade" }),
    deviceId: text("device_id")
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    sharerId: text("sharer_id").notNull(),
    recipientEmail: text("recipient_email").notNull(),
    serviceIds: text("service_ids"),
    // 1 or null, not a boolean: the partial unique index reads the same on both engines.
    live: integer("live"),
    addedAt: ms("added_at").notNull(),
    removedAt: ms("removed_at"),
  },
  (t) => [
    index("share_items_share_idx").on(t.shareId, t.removedAt),
    index("share_items_device_idx").on(t.deviceId, t.live),
    index("share_items_device_recipient_idx").on(t.deviceId, t.recipientEmail),
    uniqueIndex("share_items_live_uq")
      .on(t.deviceId, t.sharerId, t.recipientEmail)
      .where(sql`${t.live} = 1`),
  ],
);
export type ShareItem = typeof shareItems.$inferSelect;

export const groupShareLeaves = pgTable(
  "group_share_leaves",
  {
    shareId: text("share_id")
      .notNull()
      .references(() => shares.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    leftAt: ms("left_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shareId, t.email] })],
);

export const shareEvents = pgTable(
  "share_events",
  {
    id: text("id").primaryKey(),
    shareId: text("share_id")
      .notNull()
      .references(() => shares.id, { onDelete: "cascade" }),
    sharerId: text("sharer_id").notNull(),
    actorId: text("actor_id"),
    type: text("type").notNull(),
    data: text("data"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [
    index("share_events_share_idx").on(t.shareId, t.createdAt),
    index("share_events_sharer_idx").on(t.sharerId, t.createdAt),
  ],
);
export type ShareEvent = typeof shareEvents.$inferSelect;

export const emails = pgTable(
  "emails",
  {
    id: text("id").primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    status: text("status", { enum: ["queued", "sent", "outbox", "failed"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: ms("next_attempt_at"),
    createdAt: ms("created_at").notNull(),
    sentAt: ms("sent_at"),
  },
  (t) => [
    index("emails_status_next_idx").on(t.status, t.nextAttemptAt),
    index("emails_created_idx").on(t.createdAt),
  ],
);
export type Email = typeof emails.$inferSelect;

export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: ms("reset_at").notNull(),
});

export const shareReminders = pgTable(
  "share_reminders",
  {
    shareId: text("share_id")
      .notNull()
      .references(() => shares.id, { onDelete: "cascade" }),
    offsetMs: ms("offset_ms").notNull(),
    expiresAt: ms("expires_at").notNull(),
    sentAt: ms("sent_at").notNull(),
  },
  (t) => [uniqueIndex("share_reminders_share_offset_uq").on(t.shareId, t.offsetMs)],
);

export const sharingPolicies = pgTable("sharing_policies", {
  ownerId: text("owner_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  defaultExpiry: text("default_expiry", { enum: ["1d", "7d", "30d", "never"] })
    .notNull()
    .default("7d"),
  maxExpiryDays: integer("max_expiry_days"),
  allowedDomains: text("allowed_domains").notNull().default(""),
  updatedAt: ms("updated_at").notNull(),
});
export type SharingPolicyRow = typeof sharingPolicies.$inferSelect;

// Personal access tokens for /api/v1 (see db/schema.ts).
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    scopes: text("scopes").notNull(),
    createdAt: ms("created_at").notNull(),
    lastUsedAt: ms("last_used_at"),
    expiresAt: ms("expires_at"),
    revokedAt: ms("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_uq").on(t.tokenHash),
    index("api_tokens_user_idx").on(t.userId, t.createdAt),
  ],
);
export type ApiToken = typeof apiTokens.$inferSelect;

export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    body: text("body").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    index("api_idempotency_created_idx").on(t.createdAt),
  ],
);

// Webhook endpoints and their outbox (see db/schema.ts).
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    events: text("events").notNull(),
    secretNonce: text("secret_nonce").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("webhook_endpoints_user_idx").on(t.userId)],
);
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: ["pending", "delivered", "failed"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ms("next_attempt_at").notNull(),
    claimedUntil: ms("claimed_until"),
    giveUpAt: ms("give_up_at").notNull(),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: ms("created_at").notNull(),
    deliveredAt: ms("delivered_at"),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
  ],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
