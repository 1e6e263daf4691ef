import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

// Timestamps are integer milliseconds since the epoch: portable to PostgreSQL (bigint)
// and directly comparable with an injected clock in the domain functions.

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  // When the address was proven (verification link, or a sharing link sent to it); null = not yet.
  emailVerified: integer("email_verified"),
  image: text("image"),
  // Bumped on password change, reset and "Sign out everywhere": sessions carrying an older value are rejected.
  sessionVersion: integer("session_version").notNull().default(0),
  createdAt: integer("created_at").notNull(),
});
export type User = typeof users.$inferSelect;

// Sessions that can end. Each session cookie (a JWT) names one row by its `sid`; every
// request looks the row up together with its user (one primary-key join), so deleting the
// row signs that cookie out at once, wherever a copy of it is.
export const userSessions = sqliteTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [
    index("user_sessions_user_idx").on(t.userId, t.expiresAt),
    index("user_sessions_expires_idx").on(t.expiresAt),
  ],
);
export type UserSession = typeof userSessions.$inferSelect;

// Single-use links sent by email: address verification (24 h) and password reset (1 h).
// Only the SHA-256 of the token is stored; a guarded UPDATE on used_at spends it once.
export const emailTokens = sqliteTable(
  "email_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["verify", "reset"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("email_tokens_hash_uq").on(t.tokenHash),
    index("email_tokens_user_idx").on(t.userId, t.purpose),
    index("email_tokens_expires_idx").on(t.expiresAt),
  ],
);
export type EmailToken = typeof emailTokens.$inferSelect;

// Auth.js tables, kept so OAuth / email providers can be added with the Drizzle adapter.
export const accounts = sqliteTable(
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
    expires_at: integer("expires_at"),
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

export const sessions = sqliteTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: integer("expires").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const verificationTokens = sqliteTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: integer("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const devices = sqliteTable(
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
    demo: integer("demo", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("devices_owner_hardware_uq").on(t.ownerId, t.hardwareId),
    index("devices_owner_name_idx").on(t.ownerId, t.name),
    index("devices_owner_group_idx").on(t.ownerId, t.groupPath, t.name),
  ],
);
export type Device = typeof devices.$inferSelect;

export const services = sqliteTable(
  "services",
  {
    id: text("id").primaryKey(),
    deviceId: text("device_id")
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    port: integer("port").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("services_device_idx").on(t.deviceId)],
);
export type Service = typeof services.$inferSelect;

// Groups of recipients (lib/groups). A deleted group keeps its row (deleted_at) so old
// shares still name it; its name is free again, but a new group gets a new id and nothing else.
export const groups = sqliteTable(
  "groups",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // Lower-cased name: names are unique per owner regardless of case, among live groups.
    nameKey: text("name_key").notNull(),
    createdAt: integer("created_at").notNull(),
    deletedAt: integer("deleted_at"),
  },
  (t) => [
    uniqueIndex("groups_owner_name_uq")
      .on(t.ownerId, t.nameKey)
      .where(sql`${t.deletedAt} is null`),
    index("groups_owner_created_idx").on(t.ownerId, t.createdAt),
  ],
);
export type Group = typeof groups.$inferSelect;

// Members are email addresses; an account counts as the member once that address is verified.
// Removing a member deletes the row: access through the group ends with it.
export const groupMembers = sqliteTable(
  "group_members",
  {
    id: text("id").primaryKey(),
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    // The member's invitation link, like a share's: HMAC(secret, id + nonce), only the hash stored.
    tokenHash: text("token_hash").notNull(),
    tokenNonce: text("token_nonce").notNull(),
    addedAt: integer("added_at").notNull(),
  },
  (t) => [
    uniqueIndex("group_members_group_email_uq").on(t.groupId, t.email),
    index("group_members_email_idx").on(t.email, t.groupId),
    uniqueIndex("group_members_token_hash_uq").on(t.tokenHash),
  ],
);
export type GroupMember = typeof groupMembers.$inferSelect;

export const shares = sqliteTable(
  "shares",
  {
    id: text("id").primaryKey(),
    sharerId: text("sharer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    recipientEmail: text("recipient_email").notNull(),
    recipientId: text("recipient_id").references(() => users.id, { onDelete: "set null" }),
    // Comma-separated operation permissions (see lib/sharing/permissions.ts); immutable.
    permissions: text("permissions").notNull(),
    expiresAt: integer("expires_at"), // null = permanent
    description: text("description").notNull().default(""),
    message: text("message").notNull().default(""),
    notify: integer("notify", { mode: "boolean" }).notNull().default(true),
    // Stored lifecycle state; "Expired" is derived from expiresAt and the clock.
    status: text("status", {
      enum: ["pending", "active", "cancelled", "declined", "left"],
    }).notNull(),
    // Optional access schedule, immutable like the permissions.
    startsAt: integer("starts_at"),
    weekdays: integer("weekdays"), // bit 0 = Monday … bit 6 = Sunday; null = every day
    windowStart: integer("window_start"), // minutes after local midnight
    windowEnd: integer("window_end"),
    timeZone: text("time_zone"),
    remoteAccess: integer("remote_access", { mode: "boolean" }).notNull().default(true),
    suspendedAt: integer("suspended_at"),
    tokenHash: text("token_hash"),
    // Random per-link nonce; the token is HMAC(server secret, share id + nonce), so the sharer
    // can copy the link again while the database alone holds no working link.
    tokenNonce: text("token_nonce"),
    tokenCreatedAt: integer("token_created_at"),
    createdAt: integer("created_at").notNull(),
    acceptedAt: integer("accepted_at"),
    endedAt: integer("ended_at"),
    // A group share (lib/groups): recipient_email is "group:<id>", members are resolved live.
    groupId: text("group_id").references(() => groups.id),
  },
  (t) => [
    index("shares_sharer_created_idx").on(t.sharerId, t.createdAt),
    index("shares_sharer_status_idx").on(t.sharerId, t.status, t.createdAt),
    // recipient_id second: "addressed to this email and not yet bound" (Shared with Me's
    // pending branch) is answered in the index, not by reading every share sent to the email.
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

export const shareItems = sqliteTable(
  "share_items",
  {
    id: text("id").primaryKey(),
    shareId: text("share_id")
      .notNull()
      .references(() => shares.id, { onDelete: "cascade" }),
    deviceId: text("device_id")
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    // Denormalised from the share so the one-live-item rule is a unique index.
    sharerId: text("sharer_id").notNull(),
    recipientEmail: text("recipient_email").notNull(),
    // JSON array of service ids; null = all services of the device, present and future.
    serviceIds: text("service_ids"),
    // 1 while the item counts for the conflict rule (pending/active share, not removed);
    // null once removed or the share ended, so the partial unique index ignores it.
    live: integer("live"),
    addedAt: integer("added_at").notNull(),
    removedAt: integer("removed_at"),
  },
  (t) => [
    index("share_items_share_idx").on(t.shareId, t.removedAt),
    index("share_items_device_idx").on(t.deviceId, t.live),
    // The access check: one device's items for one recipient, whatever the device's history.
    index("share_items_device_recipient_idx").on(t.deviceId, t.recipientEmail),
    uniqueIndex("share_items_live_uq")
      .on(t.deviceId, t.sharerId, t.recipientEmail)
      .where(sql`${t.live} = 1`),
  ],
);
export type ShareItem = typeof shareItems.$inferSelect;

// A member who left a group share, for themselves only (the others keep it).
export const groupShareLeaves = sqliteTable(
  "group_share_leaves",
  {
    shareId: text("share_id")
      .notNull()
      .references(() => shares.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    leftAt: integer("left_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shareId, t.email] })],
);

export const shareEvents = sqliteTable(
  "share_events",
  {
    id: text("id").primaryKey(),
    shareId: text("share_id")
      .notNull()
      .references(() => shares.id, { onDelete: "cascade" }),
    sharerId: text("sharer_id").notNull(),
    actorId: text("actor_id"),
    type: text("type").notNull(),
    data: text("data"), // JSON details, e.g. { from, to } for an extension
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("share_events_share_idx").on(t.shareId, t.createdAt),
    index("share_events_sharer_idx").on(t.sharerId, t.createdAt),
  ],
);
export type ShareEvent = typeof shareEvents.$inferSelect;

export const emails = sqliteTable(
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
    nextAttemptAt: integer("next_attempt_at"),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [
    index("emails_status_next_idx").on(t.status, t.nextAttemptAt),
    index("emails_created_idx").on(t.createdAt),
  ],
);
export type Email = typeof emails.$inferSelect;

export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: integer("reset_at").notNull(),
});

// Expiry reminders already sent. The unique (share_id, offset_ms) index is the claim: an
// insert-or-update guarded on expires_at succeeds for exactly one process, so a reminder
// goes out once per expiry date even with several servers on one database.
export const shareReminders = sqliteTable(
  "share_reminders",
  {
    shareId: text("share_id")
      .notNull()
      .references(() => shares.id, { onDelete: "cascade" }),
    offsetMs: integer("offset_ms").notNull(),
    // The expiry this reminder warned about: an extension moves it and re-arms the reminder.
    expiresAt: integer("expires_at").notNull(),
    sentAt: integer("sent_at").notNull(),
  },
  (t) => [uniqueIndex("share_reminders_share_offset_uq").on(t.shareId, t.offsetMs)],
);

// One owner's rules for new shares; no row = no restrictions (default expiry 7 days).
export const sharingPolicies = sqliteTable("sharing_policies", {
  ownerId: text("owner_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  defaultExpiry: text("default_expiry", { enum: ["1d", "7d", "30d", "never"] })
    .notNull()
    .default("7d"),
  maxExpiryDays: integer("max_expiry_days"), // null = no maximum
  allowedDomains: text("allowed_domains").notNull().default(""), // comma-separated; "" = any
  updatedAt: integer("updated_at").notNull(),
});
export type SharingPolicyRow = typeof sharingPolicies.$inferSelect;

// Personal access tokens for /api/v1. Only the SHA-256 of the token is stored (unique index:
// authentication is one point lookup); `prefix` is the first characters, shown so the owner
// can tell tokens apart. Revoked or expired rows stop working at once: nothing is cached.
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    scopes: text("scopes").notNull(), // comma-separated: "read" or "read,write"
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    expiresAt: integer("expires_at"), // null = never
    revokedAt: integer("revoked_at"),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_uq").on(t.tokenHash),
    index("api_tokens_user_idx").on(t.userId, t.createdAt),
  ],
);
export type ApiToken = typeof apiTokens.$inferSelect;

// Idempotency-Key answers, written in the same transaction as the change they answer, so a
// replay finds either nothing (the first call rolled back) or the first call's answer.
export const apiIdempotencyKeys = sqliteTable(
  "api_idempotency_keys",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    // "POST /api/v1/shares" and a SHA-256 of the body: the same key with another request is refused.
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    index("api_idempotency_created_idx").on(t.createdAt),
  ],
);

// Webhook endpoints: where a user's share events are POSTed. The signing secret is not
// stored: it is HMAC(server secret, id + nonce), re-derived to sign (like sharing links).
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    events: text("events").notNull(), // comma-separated event types
    secretNonce: text("secret_nonce").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("webhook_endpoints_user_idx").on(t.userId)],
);
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

// The webhook outbox: one row per (event, endpoint), written in the same transaction as the
// share change. The worker claims due rows (claimed_until) so two servers never send one
// delivery at the same time; event_id is the share event's id, the same on every retry.
export const webhookDeliveries = sqliteTable(
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
    nextAttemptAt: integer("next_attempt_at").notNull(),
    claimedUntil: integer("claimed_until"),
    giveUpAt: integer("give_up_at").notNull(),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    deliveredAt: integer("delivered_at"),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
  ],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
