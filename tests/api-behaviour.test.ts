// Issue 15 — what a client of /api/v1 can rely on: Idempotency-Key, keyset pages that hold
// still under inserts, per-token limits, conflicts and problem+json, called through the real
// route handlers on a real (in-memory) database.
import "./support/mocks/api";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { transaction } from "@/db/engine";
import { shares, users } from "@/db/schema";
import { endAllSessions } from "@/lib/accounts/user-sessions";
import { LIMITS } from "@/lib/platform/rate-limit";
import { spendInvitations } from "@/lib/sharing/invite-quota";
import { HOUR } from "@/lib/platform/time";
import { callApi } from "./support/api-client";
import { dumpDb, state } from "./support/harness";
import { DAY, disposeWorldTemplate, freshWorld, type World } from "./support/world";

let w: World;
beforeEach(async () => {
  w = await freshWorld();
  state.db = w.db;
});
afterEach(() => {
  state.db = null;
  delete process.env.KEYSHARE_API_RATE_LIMIT;
});
afterAll(disposeWorldTemplate);

const future = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const shareBody = (recipients: string[], deviceIds = [w.dev.d3.id]) => ({
  deviceIds,
  recipients,
  permissions: ["view", "operate"],
  expiresAt: future(7),
});
const owner = () => w.api.owner.token;
/** The Retry-After header: whole seconds, nothing else. */
const retryAfter = (res: { headers: Headers }) => {
  const h = res.headers.get("retry-after") ?? "";
  expect(h).toMatch(/^\d+$/);
  return Number(h);
};
const countShares = async () => (await w.db.select().from(shares)).length;

describe("Idempotency-Key", () => {
  it("the same key and body answer the first result again and write nothing", async () => {
    const body = shareBody(["a@example.test", "b@example.test"]);
    const headers = { "idempotency-key": "bulk-2030-01-15" };
    const first = await callApi("POST", "/shares", { token: owner(), body, headers });
    expect(first.status).toBe(201);
    const before = await dumpDb(w.db);
    const again = await callApi("POST", "/shares", { token: owner(), body, headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await dumpDb(w.db)).toBe(before);
  });

  it("the same key with another body is a 422 and writes nothing", async () => {
    const headers = { "idempotency-key": "k-1" };
    await callApi("POST", "/shares", {
      token: owner(),
      body: shareBody(["a@example.test"]),
      headers,
    });
    const n = await countShares();
    const other = await callApi("POST", "/shares", {
      token: owner(),
      body: shareBody(["c@example.test"]),
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ errors: { "Idempotency-Key": [expect.any(String)] } });
    expect(await countShares()).toBe(n);
  });

  it("a refused request stores no answer: fixed and sent again with its key, it goes through", async () => {
    const headers = { "idempotency-key": "k-2" };
    const bad = await callApi("POST", "/shares", {
      token: owner(),
      body: { ...shareBody(["a@example.test"]), expiresAt: "2001-01-01T00:00:00Z" },
      headers,
    });
    expect(bad.status).toBe(422);
    const n = await countShares();
    const good = await callApi("POST", "/shares", {
      token: owner(),
      body: shareBody(["a@example.test"]),
      headers,
    });
    expect(good.status).toBe(201);
    expect(await countShares()).toBe(n + 1);
  });

  it("two requests with one key at once create once and answer alike (PostgreSQL: two connections)", async () => {
    const body = shareBody(["race@example.test"]);
    const headers = { "idempotency-key": "race-1" };
    const before = await countShares();
    const [a, b] = await Promise.all([
      callApi("POST", "/shares", { token: owner(), body, headers }),
      callApi("POST", "/shares", { token: owner(), body, headers }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    expect(await countShares()).toBe(before + 1);
  });

  it("keys are per user: another user's same key is a fresh request", async () => {
    const headers = { "idempotency-key": "shared-key" };
    await callApi("POST", "/devices", {
      token: owner(),
      body: { name: "A", hardwareId: "EE:01" },
      headers,
    });
    const other = await callApi("POST", "/devices", {
      token: w.api.stranger.token,
      body: { name: "B", hardwareId: "EE:02" },
      headers,
    });
    expect(other.status).toBe(201);
    expect(other.body).toMatchObject({ name: "B" });
  });
});

describe("bulk share", () => {
  it("answers one entry per recipient with its link, and 409 with the pairs on a conflict", async () => {
    const res = await callApi("POST", "/shares", {
      token: owner(),
      body: shareBody(["x@example.test", "y@example.test"], [w.dev.d1.id, w.dev.d3.id]),
    });
    expect(res.status).toBe(201);
    const created = res.body as {
      shares: { recipientEmail: string; status: string; link: string }[];
    };
    expect(created.shares.map((s) => s.recipientEmail).sort()).toEqual([
      "x@example.test",
      "y@example.test",
    ]);
    expect(created.shares.every((s) => s.status === "Pending" && /\/s\//.test(s.link))).toBe(true);
    const n = await countShares();
    const again = await callApi("POST", "/shares", {
      token: owner(),
      body: shareBody(["x@example.test"], [w.dev.d3.id]),
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      conflicts: [{ deviceId: w.dev.d3.id, recipientEmail: "x@example.test" }],
    });
    expect(await countShares()).toBe(n);
    const skipping = await callApi("POST", "/shares", {
      token: owner(),
      body: {
        ...shareBody(["x@example.test", "z@example.test"], [w.dev.d3.id]),
        skipConflicts: true,
      },
    });
    expect(skipping.status).toBe(201);
    expect(skipping.body).toMatchObject({
      shares: [{ recipientEmail: "z@example.test" }],
      skipped: [{ deviceId: w.dev.d3.id, recipientEmail: "x@example.test" }],
    });
  });

  it("applies the portal's rules: no demo devices, not yourself, a schedule in words", async () => {
    const demo = await callApi("POST", "/shares", {
      token: owner(),
      body: shareBody(["a@example.test"], [w.dev.demo.id]),
    });
    expect(demo.status).toBe(422);
    expect(demo.body).toMatchObject({ errors: { deviceIds: [expect.stringMatching(/demo/)] } });
    const self = await callApi("POST", "/shares", {
      token: owner(),
      body: shareBody([w.users.owner.email]),
    });
    expect(self.status).toBe(422);
    const scheduled = await callApi("POST", "/shares", {
      token: owner(),
      body: {
        ...shareBody(["night@example.test"]),
        schedule: {
          weekdays: ["mon", "fri"],
          windowStart: "22:00",
          windowEnd: "06:00",
          timeZone: "Europe/Warsaw",
          remoteAccess: false,
        },
      },
    });
    expect(scheduled.status).toBe(201);
    const id = (scheduled.body as { shares: { id: string }[] }).shares[0].id;
    const got = await callApi("GET", "/shares/{id}", { token: owner(), params: { id } });
    expect(got.body).toMatchObject({
      schedule: {
        weekdays: ["mon", "fri"],
        windowStart: "22:00",
        windowEnd: "06:00",
        timeZone: "Europe/Warsaw",
        remoteAccess: false,
      },
    });
  });

  it("a recipient accepts with their own token and the owner's access check says shared", async () => {
    const res = await callApi("POST", "/shares", {
      token: owner(),
      body: shareBody([w.users.stranger.email]),
    });
    const id = (res.body as { shares: { id: string }[] }).shares[0].id;
    const q = { deviceId: w.dev.d3.id, email: w.users.stranger.email, operation: "operate" };
    const before = await callApi("GET", "/access", { token: owner(), query: q });
    expect(before.body).toMatchObject({ allowed: false });
    const accepted = await callApi("POST", "/shares/{id}/accept", {
      token: w.api.stranger.token,
      params: { id },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ share: { status: "Active", direction: "incoming" } });
    const after = await callApi("GET", "/access", { token: owner(), query: q });
    expect(after.body).toMatchObject({ allowed: true, reason: "shared", shareId: id });
    const denied = await callApi("GET", "/access", {
      token: owner(),
      query: { ...q, operation: "configure" },
    });
    expect(denied.body).toMatchObject({ allowed: false, reason: "permission_not_granted" });
  });
});

describe("lists", () => {
  it("page by nextCursor without repeats or gaps while new shares are inserted", async () => {
    for (let i = 0; i < 5; i++)
      await callApi("POST", "/shares", { token: owner(), body: shareBody([`p${i}@example.test`]) });
    const expected = (
      (await callApi("GET", "/shares", { token: owner(), query: { limit: "100" } })).body as {
        items: { id: string }[];
      }
    ).items.map((s) => s.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const query: Record<string, string> = { limit: "3", ...(cursor ? { cursor } : {}) };
      const page = (await callApi("GET", "/shares", { token: owner(), query })).body as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
      // Someone shares again between pages: new shares are newer than every cursor.
      await callApi("POST", "/shares", {
        token: owner(),
        body: shareBody([`new${round++}@example.test`]),
      });
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it("refuse a forged cursor and a limit over 100 with 422", async () => {
    const forged = await callApi("GET", "/shares", { token: owner(), query: { cursor: "abc" } });
    expect(forged.status).toBe(422);
    expect(forged.body).toMatchObject({ errors: { cursor: [expect.any(String)] } });
    const big = await callApi("GET", "/shares", { token: owner(), query: { limit: "101" } });
    expect(big.status).toBe(422);
    expect(big.body).toMatchObject({ errors: { limit: ["limit is at most 100."] } });
  });

  it("q searches what the portal's lists search, on each side", async () => {
    const ids = async (direction: string, q: string, token = owner()) =>
      (
        (await callApi("GET", "/shares", { token, query: { direction, q } })).body as {
          items: { id: string }[];
        }
      ).items
        .map((s) => s.id)
        .sort();
    const active = w.users.active;
    // Outgoing: the recipient's email or name, the description, a device's name.
    expect(await ids("outgoing", active.email)).toEqual([w.shares.active.id]);
    expect(await ids("outgoing", active.name)).toEqual([w.shares.active.id]);
    expect((await ids("outgoing", "Gateway Two")).length).toBeGreaterThan(0);
    expect(await ids("outgoing", "Gateway Two")).toContain(w.shares.active.id);
    expect(await ids("outgoing", "Gateway Two")).not.toContain(w.shares.pending.id); // d1 only
    // In any case, on both engines (a bare LIKE is case-sensitive on PostgreSQL).
    expect(await ids("outgoing", "GATEWAY two")).toEqual(await ids("outgoing", "Gateway Two"));
    expect(await ids("outgoing", active.name.toUpperCase())).toEqual([w.shares.active.id]);
    // Not the caller's own name: on Shared by Me every share is theirs.
    expect(await ids("outgoing", w.users.owner.name)).toEqual([]);
    // Incoming: the sharer's name or email; LIKE wildcards are taken literally.
    const asActive = w.api.active.token;
    expect(await ids("incoming", w.users.owner.name, asActive)).toEqual([w.shares.active.id]);
    expect(await ids("incoming", w.users.owner.email, asActive)).toEqual([w.shares.active.id]);
    expect(await ids("incoming", "%", asActive)).toEqual([]);
    expect(await ids("incoming", w.users.owner.email.toUpperCase(), asActive)).toEqual([
      w.shares.active.id,
    ]);
  });

  it("incoming shows only what Shared with Me shows", async () => {
    const res = await callApi("GET", "/shares", {
      token: w.api.active.token,
      query: { direction: "incoming" },
    });
    const ids = (res.body as { items: { id: string; sharer: { id: string } }[] }).items;
    expect(ids.map((s) => s.id)).toEqual([w.shares.active.id]);
    expect(ids[0].sharer.id).toBe(w.users.owner.id);
    const unverified = await callApi("GET", "/shares", {
      token: w.api.unverified.token,
      query: { direction: "incoming" },
    });
    expect((unverified.body as { items: unknown[] }).items).toEqual([]);
  });
});

describe("errors and limits", () => {
  it("429 with Retry-After past the per-token limit; other tokens are not affected", async () => {
    process.env.KEYSHARE_API_RATE_LIMIT = "3";
    for (let i = 0; i < 3; i++)
      expect((await callApi("GET", "/devices", { token: owner() })).status).toBe(200);
    const limited = await callApi("GET", "/devices", { token: owner() });
    expect(limited.status).toBe(429);
    expect(limited.type).toBe("application/problem+json");
    const s = retryAfter(limited);
    expect(s).toBeGreaterThanOrEqual(1);
    expect(s).toBeLessThanOrEqual(60); // the per-token window is a minute
    expect((limited.body as { detail: string }).detail).toContain(`Retry-After: ${s} s (at `);
    expect((await callApi("GET", "/devices", { token: w.api.active.token })).status).toBe(200);
  });

  it("over the daily invitation emails, POST /shares is a 429 with Retry-After from the quota's window, writing nothing", async () => {
    // The day's window opened 2 h ago with all but one invitation spent.
    const opened = Date.now() - 2 * HOUR;
    await spendInvitations(
      w.db,
      w.users.owner.id,
      LIMITS.invitationsPerSharerDay.limit - 1,
      opened,
    );
    const before = await dumpDb(w.db);
    const sentAt = Date.now();
    const res = await callApi("POST", "/shares", {
      token: owner(),
      body: { ...shareBody(["a@example.test", "b@example.test"]), notify: true },
      headers: { "idempotency-key": "quota-1" },
    });
    expect(res.status).toBe(429);
    expect(res.type).toBe("application/problem+json");
    const s = retryAfter(res);
    // When the window's oldest invitation leaves it: 22 h from now, give or take the call.
    const freesAt = opened + LIMITS.invitationsPerSharerDay.windowMs;
    expect(s).toBeLessThanOrEqual(Math.ceil((freesAt - sentAt) / 1000));
    expect(s).toBeGreaterThanOrEqual(Math.ceil((freesAt - Date.now()) / 1000));
    const body = res.body as { status: number; title: string; detail: string };
    expect(body).toMatchObject({ status: 429, title: "Too many requests" });
    expect(body.detail).toMatch(/at most 1,000 invitation emails a day/);
    // The detail says when, in seconds and as a time, agreeing with the header.
    const when = body.detail.match(/Retry-After: (\d+) s \(at (\S+)\)\.$/);
    expect(when?.[1]).toBe(String(s));
    const at = Date.parse(when![2]);
    expect(at).toBeGreaterThanOrEqual(sentAt + s * 1000 - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + s * 1000);
    const json = JSON.parse(await dumpDb(w.db)) as Record<string, unknown>;
    const was = JSON.parse(before) as Record<string, unknown>;
    delete json.apiTokens; // last-used stamps move on every call
    delete was.apiTokens;
    expect(json).toEqual(was);
    // Without emails the same share goes through: the quota counts emails, not shares.
    const quiet = await callApi("POST", "/shares", {
      token: owner(),
      body: { ...shareBody(["a@example.test", "b@example.test"]), notify: false },
      headers: { "idempotency-key": "quota-2" },
    });
    expect(quiet.status).toBe(201);
  });

  it("bad JSON is 400, a non-JSON body 415, unknown fields 422, all as problem+json", async () => {
    const broken = await callApi("POST", "/shares", { token: owner(), rawBody: "{nope" });
    expect(broken.status).toBe(400);
    const form = await callApi("POST", "/shares", {
      token: owner(),
      rawBody: "a=b",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const extra = await callApi("POST", "/shares", {
      token: owner(),
      body: { ...shareBody(["a@example.test"]), sharerId: w.users.stranger.id },
    });
    expect(extra.status).toBe(422);
    for (const r of [broken, form, extra]) expect(r.type).toBe("application/problem+json");
  });

  it("a revoked token stops at once; the 401 says how to authenticate", async () => {
    const res = await callApi("GET", "/devices", { token: w.api.ownerRevoked.token });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });
});

describe("when a token stops working", () => {
  it("Sign out everywhere (and so a password change or reset) revokes every token of the account", async () => {
    expect((await callApi("GET", "/devices", { token: owner() })).status).toBe(200);
    await endAllSessions(w.db, w.users.owner.id);
    for (const t of [owner(), w.api.ownerRead.token])
      expect((await callApi("GET", "/devices", { token: t })).status).toBe(401);
    // Someone else's tokens are untouched.
    expect((await callApi("GET", "/devices", { token: w.api.active.token })).status).toBe(200);
  });

  it("a deleted account's token is a 401, not a call as nobody", async () => {
    const token = w.api.stranger.token;
    expect((await callApi("GET", "/devices", { token })).status).toBe(200);
    await transaction(w.db, async (tx) => {
      await tx.delete(users).where(eq(users.id, w.users.stranger.id));
    });
    const res = await callApi("GET", "/devices", { token });
    expect(res.status).toBe(401);
    expect(res.type).toBe("application/problem+json");
  });
});
