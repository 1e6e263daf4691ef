// One small world with every relation an actor can have to a share, built through the
// real domain functions at times relative to the real clock (the actions use Date.now()).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "@/db/client";
import { devices, services, users, type Device, type Service, type User } from "@/db/schema";
import { newId } from "@/lib/platform/ids";
import { acceptShare, declineShare, leaveShare } from "@/lib/sharing/lifecycle";
import { cancelShare } from "@/lib/sharing/manage-share";
import { shareDevices } from "@/lib/sharing/share-devices";
import { suspendShare } from "@/lib/sharing/suspend";
import { hashPassword } from "@/lib/accounts/password";
import { createEmailToken } from "@/lib/accounts/email-tokens";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { listDeliveries } from "@/lib/webhooks/outbox";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";

export const DAY = 86_400_000;
export const RECIPIENT_ACTORS = [
  "active",
  "pending",
  "expired",
  "cancelled",
  "left",
  "declined",
  "suspended",
] as const;
export type RecipientActor = (typeof RECIPIENT_ACTORS)[number];
/**
 * `unverified` registered the address a pending share of the owner's was sent to, and never
 * proved it: it may take that share with its link, and do nothing with it (or any other) by id.
 */
export const ACTORS = ["owner", ...RECIPIENT_ACTORS, "unverified", "stranger", "anon"] as const;
export type Actor = (typeof ACTORS)[number];
export type SignedIn = Exclude<Actor, "anon">;

export type World = {
  db: Db;
  users: Record<SignedIn, User>;
  /** d1, d2: in shares; d3: owned, never shared; demo: a demo device; foreign: the stranger's. */
  dev: { d1: Device; d2: Device; d3: Device; demo: Device; foreign: Device };
  svc: Service;
  /** Each recipient actor has one share from the owner, in the state the actor is named after; `unverified`'s is pending. */
  shares: Record<RecipientActor | "unverified", { id: string; token: string }>;
  /** Live emailed links: the owner's password reset, and the unverified account's verification. */
  tokens: { reset: string; verify: string };
  /** The owner's webhook endpoint (every event) and one of its deliveries. */
  webhook: { endpointId: string; deliveryId: string };
  /**
   * API tokens: a read+write one per signed-in actor, and the owner's read-only, revoked and
   * expired ones.
   */
  api: Record<
    SignedIn | "ownerRead" | "ownerRevoked" | "ownerExpired",
    { token: string; id: string }
  >;
};

let seq = 0;
/** Every user of the world signs in with this password (hashed once: scrypt is slow on purpose). */
export const WORLD_PASSWORD = "correct horse battery";
const passwordHash = await hashPassword(WORLD_PASSWORD);

function user(db: Db, name: string, verified = true): User {
  const n = ++seq;
  const row: User = {
    id: newId(),
    email: `${name}-${n}@example.test`,
    name: `${name} ${n}`,
    passwordHash,
    emailVerified: verified ? 1 : null,
    image: null,
    sessionVersion: 0,
    createdAt: 0,
  };
  db.insert(users).values(row).run();
  return row;
}

function device(db: Db, ownerId: string, name: string, demo = false): Device {
  const n = ++seq;
  const row: Device = {
    id: newId(),
    ownerId,
    name,
    hardwareId: `AA:00:${n.toString(16).padStart(4, "0")}`,
    kind: "Gateway",
    groupPath: "Site A",
    demo,
    createdAt: 0,
    updatedAt: 0,
  };
  db.insert(devices).values(row).run();
  return row;
}

export function buildWorld(db: Db = openDb(":memory:", { migrate: true })): World {
  const now = Date.now();
  const u = {
    owner: user(db, "owner"),
    stranger: user(db, "stranger"),
    unverified: user(db, "unverified", false),
    ...Object.fromEntries(RECIPIENT_ACTORS.map((a) => [a, user(db, a)])),
  } as Record<SignedIn, User>;
  const dev = {
    d1: device(db, u.owner.id, "Gateway One"),
    d2: device(db, u.owner.id, "Gateway Two"),
    d3: device(db, u.owner.id, "Gateway Three"),
    demo: device(db, u.owner.id, "Demo Gateway", true),
    foreign: device(db, u.stranger.id, "Stranger Gateway"),
  };
  const svc: Service = {
    id: newId(),
    deviceId: dev.d1.id,
    name: "SSH",
    kind: "SSH",
    port: 22,
    createdAt: 0,
  };
  db.insert(services).values(svc).run();

  const hook = createWebhookEndpoint(db, {
    userId: u.owner.id,
    url: "https://hooks.example.test/keyshare",
    events: WEBHOOK_EVENTS,
    now,
  }).endpoint;
  const share = (
    to: RecipientActor | "unverified",
    deviceIds: string[],
    at: number,
    expiresAt: number,
  ) => {
    const r = shareDevices(db, {
      sharerId: u.owner.id,
      now: at,
      input: { recipients: [u[to].email], deviceIds, permissions: "Manager", expiresAt },
    });
    return { id: r.shares[0].shareId, token: r.shares[0].token };
  };
  const as = (a: RecipientActor) => u[a];
  const s = {
    active: share("active", [dev.d1.id, dev.d2.id], now - 2 * DAY, now + 30 * DAY),
    pending: share("pending", [dev.d1.id], now - DAY, now + 30 * DAY),
    expired: share("expired", [dev.d1.id, dev.d2.id], now - 10 * DAY, now - 3 * DAY),
    cancelled: share("cancelled", [dev.d1.id], now - 5 * DAY, now + 30 * DAY),
    left: share("left", [dev.d2.id], now - 5 * DAY, now + 30 * DAY),
    declined: share("declined", [dev.d1.id], now - 5 * DAY, now + 30 * DAY),
    suspended: share("suspended", [dev.d1.id], now - 5 * DAY, now + 30 * DAY),
    unverified: share("unverified", [dev.d2.id], now - DAY, now + 30 * DAY),
  };
  acceptShare(db, { shareId: s.active.id, user: as("active"), now: now - 2 * DAY + 1 });
  acceptShare(db, { shareId: s.expired.id, user: as("expired"), now: now - 9 * DAY });
  acceptShare(db, { shareId: s.cancelled.id, user: as("cancelled"), now: now - 5 * DAY + 1 });
  cancelShare(db, { shareId: s.cancelled.id, sharerId: u.owner.id, now: now - 4 * DAY });
  acceptShare(db, { shareId: s.left.id, user: as("left"), now: now - 5 * DAY + 1 });
  leaveShare(db, { shareId: s.left.id, user: as("left"), now: now - 4 * DAY });
  declineShare(db, { shareId: s.declined.id, user: as("declined"), now: now - 4 * DAY });
  acceptShare(db, { shareId: s.suspended.id, user: as("suspended"), now: now - 5 * DAY + 1 });
  suspendShare(db, { shareId: s.suspended.id, sharerId: u.owner.id, now: now - 4 * DAY });
  const tokens = {
    reset: createEmailToken(db, { userId: u.owner.id, purpose: "reset", now }),
    verify: createEmailToken(db, { userId: u.unverified.id, purpose: "verify", now }),
  };
  const apiToken = (a: SignedIn, scopes: ("read" | "write")[] = ["read", "write"], at = now) => {
    const t = createApiToken(db, {
      userId: u[a].id,
      name: `${a} script`,
      scopes,
      days: 30,
      now: at,
    });
    return { token: t.token, id: t.row.id };
  };
  const api = {
    ...(Object.fromEntries((Object.keys(u) as SignedIn[]).map((a) => [a, apiToken(a)])) as Record<
      SignedIn,
      { token: string; id: string }
    >),
    ownerRead: apiToken("owner", ["read"]),
    ownerRevoked: apiToken("owner"),
    ownerExpired: apiToken("owner", ["read", "write"], now - 31 * DAY),
  };
  revokeApiToken(db, { userId: u.owner.id, tokenId: api.ownerRevoked.id, now });
  const webhook = { endpointId: hook.id, deliveryId: listDeliveries(db, hook.id, 1)[0].id };
  return { db, users: u, dev, svc, shares: s, tokens, api, webhook };
}

/** The user row an actor signs in as (null = anonymous). */
export const userOf = (w: World, a: Actor): User | null => (a === "anon" ? null : w.users[a]);

let template: { file: string; world: World } | undefined;

/**
 * The same world, fast: built once into a template file, then copied table by table into a
 * fresh openDb(":memory:", { migrate: true }) per call (the domain calls cost ~40 ms a world).
 */
export function freshWorld(): World {
  if (!template) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "keyshare-world-")), "world.db");
    const world = buildWorld(openDb(file, { migrate: true }));
    world.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    world.db.$client.close();
    template = { file, world };
  }
  const db = openDb(":memory:", { migrate: true });
  const c = db.$client;
  const tables = (
    c
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  c.pragma("foreign_keys = OFF");
  c.prepare("attach database ? as tpl").run(template.file);
  for (const t of tables) c.exec(`insert into main."${t}" select * from tpl."${t}"`);
  c.exec("detach database tpl");
  c.pragma("foreign_keys = ON");
  return { ...template.world, db };
}

/** Removes the template file (call from afterAll). */
export function disposeWorldTemplate(): void {
  if (template) fs.rmSync(path.dirname(template.file), { recursive: true, force: true });
  template = undefined;
}
