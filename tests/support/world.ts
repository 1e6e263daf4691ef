// One small world with every relation an actor can have to a share, built through the
// real domain functions at times relative to the real clock (the actions use Date.now()).
import { transaction } from "@/db/engine";
import type { Db } from "@/db/client";
import { freshDb } from "@/tests/support/db/fresh";
import { createTestDb } from "@/tests/support/db/test-db";
import { eq } from "drizzle-orm";
import {
  devices,
  groups,
  services,
  users,
  type Device,
  type Service,
  type User,
} from "@/db/schema";
import { createGroup, removeMember } from "@/lib/groups/store";
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

import { DAY } from "@/lib/platform/time";
export { DAY };
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
/**
 * `member` is in the owner's group "Crew", whose share holds d1 (members never accept);
 * `former` was in it when the share was made and has been removed since.
 */
export const ACTORS = [
  "owner",
  ...RECIPIENT_ACTORS,
  "unverified",
  "member",
  "former",
  "stranger",
  "anon",
] as const;
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
  /** The owner's group "Crew" (member in it, former removed) and its share of d1. */
  group: { id: string; shareId: string };
};

let seq = 0;
/** Every user of the world signs in with this password (hashed once: scrypt is slow on purpose). */
export const WORLD_PASSWORD = "correct horse battery";
const passwordHash = await hashPassword(WORLD_PASSWORD);

async function user(db: Db, name: string, verified = true): Promise<User> {
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
  await transaction(db, async (tx) => tx.insert(users).values(row));
  return row;
}

async function device(db: Db, ownerId: string, name: string, demo = false): Promise<Device> {
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
  await transaction(db, async (tx) => tx.insert(devices).values(row));
  return row;
}

export async function buildWorld(given?: Db): Promise<World> {
  const db = given ?? (await freshDb());
  const now = Date.now();
  const u = {
    owner: await user(db, "owner"),
    stranger: await user(db, "stranger"),
    unverified: await user(db, "unverified", false),
    member: await user(db, "member"),
    former: await user(db, "former"),
  } as Record<SignedIn, User>;
  for (const a of RECIPIENT_ACTORS) u[a] = await user(db, a);
  const dev = {
    d1: await device(db, u.owner.id, "Gateway One"),
    d2: await device(db, u.owner.id, "Gateway Two"),
    d3: await device(db, u.owner.id, "Gateway Three"),
    demo: await device(db, u.owner.id, "Demo Gateway", true),
    foreign: await device(db, u.stranger.id, "Stranger Gateway"),
  };
  const svc: Service = {
    id: newId(),
    deviceId: dev.d1.id,
    name: "SSH",
    kind: "SSH",
    port: 22,
    createdAt: 0,
  };
  await transaction(db, async (tx) => tx.insert(services).values(svc));

  const hook = (
    await createWebhookEndpoint(db, {
      userId: u.owner.id,
      url: "https://hooks.example.test/keyshare",
      events: WEBHOOK_EVENTS,
      now,
    })
  ).endpoint;
  const share = async (
    to: RecipientActor | "unverified",
    deviceIds: string[],
    at: number,
    expiresAt: number,
  ) => {
    const r = await shareDevices(db, {
      sharerId: u.owner.id,
      now: at,
      input: { recipients: [u[to].email], deviceIds, permissions: "Manager", expiresAt },
    });
    return { id: r.shares[0].shareId, token: r.shares[0].token };
  };
  const as = (a: RecipientActor) => u[a];
  const s = {
    active: await share("active", [dev.d1.id, dev.d2.id], now - 2 * DAY, now + 30 * DAY),
    pending: await share("pending", [dev.d1.id], now - DAY, now + 30 * DAY),
    expired: await share("expired", [dev.d1.id, dev.d2.id], now - 10 * DAY, now - 3 * DAY),
    cancelled: await share("cancelled", [dev.d1.id], now - 5 * DAY, now + 30 * DAY),
    left: await share("left", [dev.d2.id], now - 5 * DAY, now + 30 * DAY),
    declined: await share("declined", [dev.d1.id], now - 5 * DAY, now + 30 * DAY),
    suspended: await share("suspended", [dev.d1.id], now - 5 * DAY, now + 30 * DAY),
    unverified: await share("unverified", [dev.d2.id], now - DAY, now + 30 * DAY),
  };
  await acceptShare(db, { shareId: s.active.id, user: as("active"), now: now - 2 * DAY + 1 });
  await acceptShare(db, { shareId: s.expired.id, user: as("expired"), now: now - 9 * DAY });
  await acceptShare(db, { shareId: s.cancelled.id, user: as("cancelled"), now: now - 5 * DAY + 1 });
  await cancelShare(db, { shareId: s.cancelled.id, sharerId: u.owner.id, now: now - 4 * DAY });
  await acceptShare(db, { shareId: s.left.id, user: as("left"), now: now - 5 * DAY + 1 });
  await leaveShare(db, { shareId: s.left.id, user: as("left"), now: now - 4 * DAY });
  await declineShare(db, { shareId: s.declined.id, user: as("declined"), now: now - 4 * DAY });
  await acceptShare(db, { shareId: s.suspended.id, user: as("suspended"), now: now - 5 * DAY + 1 });
  await suspendShare(db, { shareId: s.suspended.id, sharerId: u.owner.id, now: now - 4 * DAY });
  await createGroup(db, {
    ownerId: u.owner.id,
    name: "Crew",
    members: [u.member.email, u.former.email],
    now: now - 3 * DAY,
  });
  const [crew] = await db.select({ id: groups.id }).from(groups).where(eq(groups.name, "Crew"));
  const crewShare = (
    await shareDevices(db, {
      sharerId: u.owner.id,
      now: now - 3 * DAY,
      input: {
        recipients: [],
        groups: [crew.id],
        deviceIds: [dev.d1.id],
        permissions: "Manager",
        expiresAt: now + 30 * DAY,
      },
    })
  ).groupShares[0];
  await removeMember(db, {
    ownerId: u.owner.id,
    groupId: crew.id,
    email: u.former.email,
    now: now - 2 * DAY,
  });
  const tokens = {
    reset: await createEmailToken(db, { userId: u.owner.id, purpose: "reset", now }),
    verify: await createEmailToken(db, { userId: u.unverified.id, purpose: "verify", now }),
  };
  const apiToken = async (
    a: SignedIn,
    scopes: ("read" | "write")[] = ["read", "write"],
    at = now,
  ) => {
    const t = await createApiToken(db, {
      userId: u[a].id,
      name: `${a} script`,
      scopes,
      days: 30,
      now: at,
    });
    return { token: t.token, id: t.row.id };
  };
  const perActor = {} as Record<SignedIn, { token: string; id: string }>;
  for (const a of Object.keys(u) as SignedIn[]) perActor[a] = await apiToken(a);
  const api = {
    ...perActor,
    ownerRead: await apiToken("owner", ["read"]),
    ownerRevoked: await apiToken("owner"),
    ownerExpired: await apiToken("owner", ["read", "write"], now - 31 * DAY),
  };
  await revokeApiToken(db, { userId: u.owner.id, tokenId: api.ownerRevoked.id, now });
  const webhook = {
    endpointId: hook.id,
    deliveryId: (await listDeliveries(db, hook.id, 1))[0].id,
  };
  return {
    db,
    users: u,
    dev,
    svc,
    shares: s,
    tokens,
    group: { id: crew.id, shareId: crewShare.shareId },
    api,
    webhook,
  };
}

/** The user row an actor signs in as (null = anonymous). */
export const userOf = (w: World, a: Actor): User | null => (a === "anon" ? null : w.users[a]);

/** The same world in a fresh database of the engine under test (built through the domain). */
export async function freshWorld(): Promise<World> {
  return buildWorld(await freshDb());
}

/**
 * The same world in a database of its own, for a test that needs a second world while the
 * file's freshDb() one stays intact (on PostgreSQL each freshDb() call empties the file's
 * one database). Close it when done.
 */
export async function isolatedWorld(): Promise<World & { close(): Promise<void> }> {
  const test = await createTestDb();
  return { ...(await buildWorld(test.db)), close: test.close };
}

/** Removes the template file (call from afterAll). */
export function disposeWorldTemplate(): void {
  // Nothing to remove: freshWorld() builds into freshDb(), which the test setup closes.
}
