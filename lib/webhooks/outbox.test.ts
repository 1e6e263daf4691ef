import { type Db, transaction } from "@/db/engine";
// The outbox is written with the share change, delivered signed to a real local HTTP server,
// retried with backoff for 24 h under a stable event id, and claimed by one worker at a time.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users, webhookDeliveries } from "@/db/schema";
import { acceptShare, declineShare, leaveShare } from "@/lib/sharing/lifecycle";
import {
  addDevices,
  cancelDevices,
  cancelShare,
  extendShare,
  recordExpiredEvents,
} from "@/lib/sharing/manage-share";
import { resumeShare, suspendShare } from "@/lib/sharing/suspend";
import { shareDevices } from "@/lib/sharing/share-devices";
import { leaveGroupShare } from "@/lib/groups/group-shares";
import { addMembers, createGroup, removeMember } from "@/lib/groups/store";
import { DAY, makeDevice, makeUser, T0, testDb } from "@/lib/sharing/test-fixtures";
import { createWebhookEndpoint } from "./endpoints";
import { WEBHOOK_EVENTS } from "./events";
import { webhookBackoffMs, claimDue, RETRY_WINDOW_MS } from "./outbox";
import { postSigned } from "./send";
import { verifySignature } from "./signing";
import { deliverDueWebhooks } from "./worker";

type Got = { headers: http.IncomingHttpHeaders; body: string; path: string };
let server: http.Server;
let base = "";
const got: Got[] = [];
let answer: (req: http.IncomingMessage, res: http.ServerResponse) => void;

beforeAll(async () => {
  process.env.KEYSHARE_WEBHOOKS_ALLOW_PRIVATE = "1";
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      got.push({ headers: req.headers, body, path: req.url ?? "" });
      answer(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.KEYSHARE_WEBHOOKS_ALLOW_PRIVATE;
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  got.length = 0;
  answer = (_req, res) => res.writeHead(204).end();
});
afterEach(() => {
  answer = (_req, res) => res.writeHead(204).end();
});

async function setup() {
  const db = await testDb();
  const owner = await makeUser(db);
  const friend = await makeUser(db);
  const d = await makeDevice(db, { ownerId: owner.id });
  const hook = await createWebhookEndpoint(db, {
    userId: owner.id,
    url: `${base}/owner`,
    events: WEBHOOK_EVENTS,
    now: T0,
  });
  const friendHook = await createWebhookEndpoint(db, {
    userId: friend.id,
    url: `${base}/friend`,
    events: ["share.accepted", "share.created"],
    now: T0,
  });
  const share = async (to = friend.email, now = T0) =>
    (
      await shareDevices(db, {
        sharerId: owner.id,
        now,
        input: {
          recipients: [to],
          deviceIds: [d.id],
          permissions: "Viewer",
          expiresAt: T0 + 30 * DAY,
        },
      })
    ).shares[0];
  return { db, owner, friend, d, hook, friendHook, share };
}
const rows = async (db: Db) => await db.select().from(webhookDeliveries);

describe("webhook outbox", () => {
  it("is written in the change's transaction, for the sharer's and the recipient's endpoints", async () => {
    const w = await setup();
    const s = await w.share();
    expect((await rows(w.db)).map((r) => [r.endpointId, r.type]).sort()).toEqual(
      [
        [w.hook.endpoint.id, "share.created"],
        [w.friendHook.endpoint.id, "share.created"],
      ].sort(),
    );
    await acceptShare(w.db, { shareId: s.shareId, user: w.friend, now: T0 + 1 });
    expect((await rows(w.db)).filter((r) => r.type === "share.accepted")).toHaveLength(2);
    // A refused change (a permanent share cannot be extended… here: a conflict) writes none.
    const before = (await rows(w.db)).length;
    await expect(async () => w.share()).rejects.toThrow();
    await expect(async () =>
      extendShare(w.db, { shareId: "nope", sharerId: w.owner.id, now: T0, newExpiresAt: T0 + DAY }),
    ).rejects.toThrow();
    expect(await rows(w.db)).toHaveLength(before);
  });

  it("carries every event of the issue's list, each once, to an endpoint that takes them all", async () => {
    const w = await setup();
    const d2 = await makeDevice(w.db, { ownerId: w.owner.id });
    const other = (n: number) => makeUser(w.db, { email: `other-${n}@example.test` });
    const by = { sharerId: w.owner.id };
    const s = await w.share();
    await acceptShare(w.db, { shareId: s.shareId, user: w.friend, now: T0 + 1 });
    await extendShare(w.db, {
      shareId: s.shareId,
      ...by,
      now: T0 + 2,
      newExpiresAt: T0 + 40 * DAY,
    });
    await suspendShare(w.db, { shareId: s.shareId, ...by, now: T0 + 3 });
    await resumeShare(w.db, { shareId: s.shareId, ...by, now: T0 + 4 });
    await addDevices(w.db, { shareId: s.shareId, ...by, now: T0 + 5, deviceIds: [d2.id] });
    await cancelDevices(w.db, { shareId: s.shareId, ...by, now: T0 + 6, deviceIds: [d2.id] });
    await cancelShare(w.db, { shareId: s.shareId, ...by, now: T0 + 7 });
    const declining = await other(1);
    const declined = await w.share(declining.email, T0 + 8);
    await declineShare(w.db, { shareId: declined.shareId, user: declining, now: T0 + 9 });
    const leaving = await other(2);
    const left = await w.share(leaving.email, T0 + 10);
    await acceptShare(w.db, { shareId: left.shareId, user: leaving, now: T0 + 11 });
    await leaveShare(w.db, { shareId: left.shareId, user: leaving, now: T0 + 12 });
    await w.share((await other(3)).email, T0 + 13); // still pending when it expires
    const crew = await createGroup(w.db, {
      ownerId: w.owner.id,
      name: "Crew",
      members: ["crew-1@example.test"],
      now: T0 + 14,
    });
    await removeMember(w.db, {
      ownerId: w.owner.id,
      groupId: crew.group.id,
      email: "crew-1@example.test",
      now: T0 + 15,
    });
    // Expiry comes from the clock; the scheduler's round records it, and the webhook with it.
    await recordExpiredEvents(w.db, T0 + 41 * DAY);
    const types = (await rows(w.db))
      .filter((r) => r.endpointId === w.hook.endpoint.id)
      .map((r) => r.type);
    expect([...new Set(types)].sort()).toEqual([...WEBHOOK_EVENTS].sort());
    // One created per share, one expired (only the share still live at the expiry).
    expect(types.filter((t) => t === "share.expired")).toHaveLength(1);
    expect(types.filter((t) => t === "share.created")).toHaveLength(4);
  });

  it("an unverified recipient's endpoint gets nothing (the share is invisible to it)", async () => {
    const w = await setup();
    await transaction(w.db, async (tx) =>
      tx.update(users).set({ emailVerified: null }).where(eq(users.id, w.friend.id)),
    );
    await w.share();
    expect((await rows(w.db)).map((r) => r.endpointId)).toEqual([w.hook.endpoint.id]);
  });

  it("is delivered as a signed POST of { id, type, createdAt, data }", async () => {
    const w = await setup();
    const s = await w.share();
    const round = await deliverDueWebhooks(w.db);
    expect(round).toEqual({ sent: 2, failed: 0 });
    const toOwner = got.find((g) => g.path === "/owner")!;
    const event = JSON.parse(toOwner.body);
    expect(event).toMatchObject({
      type: "share.created",
      data: { shareId: s.shareId, sharerId: w.owner.id, recipientEmail: w.friend.email },
    });
    expect(Object.keys(event).sort()).toEqual(["createdAt", "data", "id", "type"]);
    const secret = w.hook.secret;
    const sig = toOwner.headers["keyshare-signature"] as string;
    expect(verifySignature(secret, toOwner.body, sig, Math.floor(Date.now() / 1000))).toBe(true);
    expect(
      (await rows(w.db)).every((r) => r.status === "delivered" && r.lastStatusCode === 204),
    ).toBe(true);
    expect(await deliverDueWebhooks(w.db)).toEqual({ sent: 0, failed: 0 }); // at most once per success
  });

  it("retries with backoff under the same event id, and gives up after 24 h", async () => {
    const w = await setup();
    await w.share();
    answer = (_req, res) => res.writeHead(500).end();
    let now = Date.now();
    const clock = () => now;
    await deliverDueWebhooks(w.db, { now: clock });
    const [first] = (await rows(w.db)).filter((r) => r.endpointId === w.hook.endpoint.id);
    expect(first).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    expect(first.nextAttemptAt).toBe(now + webhookBackoffMs(1));
    expect(await deliverDueWebhooks(w.db, { now: clock })).toEqual({ sent: 0, failed: 0 }); // not due yet
    while (now < first.createdAt + RETRY_WINDOW_MS + webhookBackoffMs(99)) {
      now += webhookBackoffMs(99);
      await deliverDueWebhooks(w.db, { now: clock });
    }
    const last = (await rows(w.db)).find((r) => r.id === first.id)!;
    expect(last.status).toBe("failed");
    expect(last.attempts).toBeGreaterThan(8);
    const ids = new Set(got.filter((g) => g.path === "/owner").map((g) => JSON.parse(g.body).id));
    expect(ids.size).toBe(1); // the same event id on every attempt
    // One event, two endpoints: both get the same id, in the body and in Keyshare-Event-Id.
    expect(new Set(got.map((g) => g.headers["keyshare-event-id"]))).toEqual(ids);
  });

  it("is claimed by one worker: a second claim at the same moment gets nothing", async () => {
    const w = await setup();
    await w.share();
    const now = Date.now();
    expect(await claimDue(w.db, now)).toHaveLength(2);
    expect(await claimDue(w.db, now)).toHaveLength(0);
    expect(await claimDue(w.db, now + 31_000)).toHaveLength(2); // a claim that lapsed (server died) is retried
  });
});

describe("group events (issue 16)", () => {
  const ofType = async (db: Db, type: string) => (await rows(db)).filter((r) => r.type === type);

  it("one per member added or removed, for the group owner's endpoints only, with the change", async () => {
    const w = await setup();
    // The member's own endpoint takes every event: someone else's group is not its business.
    const memberHook = await createWebhookEndpoint(w.db, {
      userId: w.friend.id,
      url: `${base}/member`,
      events: WEBHOOK_EVENTS,
      now: T0,
    });
    const { group } = await createGroup(w.db, {
      ownerId: w.owner.id,
      name: "Crew",
      members: [w.friend.email, "new@example.test"],
      now: T0,
    });
    const added = await ofType(w.db, "group.member_added");
    expect(added.map((r) => r.endpointId)).toEqual([w.hook.endpoint.id, w.hook.endpoint.id]);
    expect(added.map((r) => JSON.parse(r.payload).data.email).sort()).toEqual(
      [w.friend.email, "new@example.test"].sort(),
    );
    // Shares of the group do not multiply the event: one change, one event.
    for (const deviceIds of [[w.d.id], [(await makeDevice(w.db, { ownerId: w.owner.id })).id]])
      await shareDevices(w.db, {
        sharerId: w.owner.id,
        now: T0 + 1,
        input: {
          recipients: [],
          groups: [group.id],
          deviceIds,
          permissions: "Viewer",
          expiresAt: T0 + 30 * DAY,
        },
      });
    await addMembers(w.db, {
      ownerId: w.owner.id,
      groupId: group.id,
      emails: ["third@example.test", w.friend.email], // the friend is already in: no event
      now: T0 + 2,
    });
    expect(await ofType(w.db, "group.member_added")).toHaveLength(3);
    // A refused change (adding yourself) writes no event.
    const before = (await rows(w.db)).length;
    await expect(
      addMembers(w.db, {
        ownerId: w.owner.id,
        groupId: group.id,
        emails: ["fourth@example.test", w.owner.email],
        now: T0 + 3,
      }),
    ).rejects.toThrow(/yourself/);
    expect(await rows(w.db)).toHaveLength(before);
    await removeMember(w.db, {
      ownerId: w.owner.id,
      groupId: group.id,
      email: w.friend.email,
      now: T0 + 4,
    });
    const removed = await ofType(w.db, "group.member_removed");
    expect(removed.map((r) => r.endpointId)).toEqual([w.hook.endpoint.id]);
    expect((await rows(w.db)).some((r) => r.endpointId === memberHook.endpoint.id)).toBe(false);

    // Delivered signed, as { id, type, createdAt, data } with the group and the member.
    expect(await deliverDueWebhooks(w.db)).toMatchObject({ failed: 0 });
    const sent = got
      .filter((g) => g.path === "/owner")
      .find((g) => JSON.parse(g.body).type === "group.member_removed")!;
    const event = JSON.parse(sent.body);
    expect(event).toEqual({
      id: removed[0].eventId,
      type: "group.member_removed",
      createdAt: new Date(T0 + 4).toISOString(),
      data: {
        groupId: group.id,
        groupName: "Crew",
        ownerId: w.owner.id,
        memberId: expect.any(String),
        email: w.friend.email,
        actorId: w.owner.id,
      },
    });
    const sig = sent.headers["keyshare-signature"] as string;
    expect(verifySignature(w.hook.secret, sent.body, sig, Math.floor(Date.now() / 1000))).toBe(
      true,
    );
    expect(verifySignature("another secret", sent.body, sig, Math.floor(Date.now() / 1000))).toBe(
      false,
    );
  });

  it("an endpoint that did not tick the group events gets none", async () => {
    const w = await setup();
    await transaction(w.db, async (tx) =>
      tx.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, w.hook.endpoint.id)),
    );
    const shareOnly = await createWebhookEndpoint(w.db, {
      userId: w.owner.id,
      url: `${base}/share-only`,
      events: ["share.created"],
      now: T0,
    });
    await createGroup(w.db, {
      ownerId: w.owner.id,
      name: "Crew",
      members: ["a@example.test"],
      now: T0,
    });
    expect((await rows(w.db)).filter((r) => r.endpointId === shareOnly.endpoint.id)).toHaveLength(
      0,
    );
  });

  it("a member leaving a group share is a share.left (who left in details), not a removal", async () => {
    const w = await setup();
    const { group } = await createGroup(w.db, {
      ownerId: w.owner.id,
      name: "Crew",
      members: [w.friend.email],
      now: T0,
    });
    const [gs] = (
      await shareDevices(w.db, {
        sharerId: w.owner.id,
        now: T0,
        input: {
          recipients: [],
          groups: [group.id],
          deviceIds: [w.d.id],
          permissions: "Viewer",
          expiresAt: T0 + 30 * DAY,
        },
      })
    ).groupShares;
    await leaveGroupShare(w.db, { shareId: gs.shareId, user: w.friend, now: T0 + 1 });
    const left = await ofType(w.db, "share.left");
    expect(left.map((r) => r.endpointId)).toEqual([w.hook.endpoint.id]);
    expect(JSON.parse(left[0].payload).data).toMatchObject({
      shareId: gs.shareId,
      actorId: w.friend.id,
      details: { email: w.friend.email },
    });
    expect(await ofType(w.db, "group.member_removed")).toHaveLength(0);
  });
});

describe("sending", () => {
  it("does not follow redirects", async () => {
    answer = (req, res) =>
      req.url === "/moved"
        ? res.writeHead(302, { location: `${base}/elsewhere` }).end()
        : res.writeHead(204).end();
    const r = await postSigned(`${base}/moved`, "{}", {});
    expect(r).toMatchObject({ ok: false, statusCode: 302 });
    expect(got.map((g) => g.path)).toEqual(["/moved"]);
  });

  it("times out a slow receiver", async () => {
    answer = () => undefined; // never answers
    const r = await postSigned(`${base}/slow`, "{}", {}, 200);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/timed out/);
  });

  it("refuses a private address unless allowed", async () => {
    delete process.env.KEYSHARE_WEBHOOKS_ALLOW_PRIVATE;
    try {
      const r = await postSigned(`${base}/x`, "{}", {});
      expect(r).toMatchObject({ ok: false, statusCode: null });
      expect(r.error).toMatch(/private/);
      expect(got).toHaveLength(0);
    } finally {
      process.env.KEYSHARE_WEBHOOKS_ALLOW_PRIVATE = "1";
    }
  });
});
