// Issue 16 — groups over /api/v1: the portal's rules (owner only, names unique per owner, no
// self-membership, live membership, delete ends the shares), `groups` in POST /shares with
// the share dialog's conflicts, and keyset pages; through the real route handlers.
import "./support/mocks/api";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { groups, shares } from "@/db/schema";
import { LIMITS } from "@/lib/platform/rate-limit";
import { spendInvitations } from "@/lib/sharing/invite-quota";
import { callApi, type ApiResult } from "./support/api-client";
import { dumpDb, state } from "./support/harness";
import { DAY, disposeWorldTemplate, freshWorld, type World } from "./support/world";

let w: World;
beforeEach(async () => {
  w = await freshWorld();
  state.db = w.db;
});
afterEach(() => {
  state.db = null;
});
afterAll(disposeWorldTemplate);

const future = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const owner = () => w.api.owner.token;
type Group = {
  id: string;
  name: string;
  memberCount: number;
  members: { id: string; email: string }[];
};
const asGroup = (r: ApiResult) => r.body as Group;
const dump = async () => {
  const all = JSON.parse(await dumpDb(w.db)) as Record<string, unknown[]>;
  delete all.apiTokens; // last-used stamps move on every call
  return JSON.stringify(all);
};
const newGroup = (name: string, members: string[] = [], token = owner()) =>
  callApi("POST", "/groups", { token, body: { name, members } });
const shareWith = (body: Record<string, unknown>, token = owner()) =>
  callApi("POST", "/shares", {
    token,
    body: { permissions: "Viewer", expiresAt: future(7), ...body },
  });
const access = (deviceId: string, email: string) =>
  callApi("GET", "/access", { token: owner(), query: { deviceId, email } });

describe("group resources", () => {
  it("create, read, rename, add and remove members (by email or id), delete", async () => {
    const created = await newGroup("Night shift", ["B@Example.test", "a@example.test"]);
    expect(created.status).toBe(201);
    const g = asGroup(created);
    expect(g).toMatchObject({ name: "Night shift", memberCount: 2 });
    expect(g.members.map((m) => m.email)).toEqual(["a@example.test", "b@example.test"]);

    const renamed = await callApi("PATCH", "/groups/{id}", {
      token: owner(),
      params: { id: g.id },
      body: { name: "  Day shift " },
    });
    expect(renamed.status).toBe(200);
    expect(asGroup(renamed).name).toBe("Day shift");

    const added = await callApi("POST", "/groups/{id}/members", {
      token: owner(),
      params: { id: g.id },
      body: { members: ["c@example.test", "a@example.test"] },
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ added: ["c@example.test"], group: { memberCount: 3 } });

    const byEmail = await callApi("DELETE", "/groups/{id}/members/{member}", {
      token: owner(),
      params: { id: g.id, member: "A@example.test" },
    });
    expect(byEmail.status).toBe(200);
    expect(byEmail.body).toMatchObject({ removed: { email: "a@example.test" } });
    const b = g.members.find((m) => m.email === "b@example.test")!;
    const byId = await callApi("DELETE", "/groups/{id}/members/{member}", {
      token: owner(),
      params: { id: g.id, member: b.id },
    });
    expect(byId.body).toMatchObject({ removed: { id: b.id, email: "b@example.test" } });
    const gone = await callApi("DELETE", "/groups/{id}/members/{member}", {
      token: owner(),
      params: { id: g.id, member: b.id },
    });
    expect(gone.status).toBe(404);

    const read = await callApi("GET", "/groups/{id}", { token: owner(), params: { id: g.id } });
    expect(asGroup(read).members.map((m) => m.email)).toEqual(["c@example.test"]);

    const deleted = await callApi("DELETE", "/groups/{id}", {
      token: owner(),
      params: { id: g.id },
    });
    expect(deleted.body).toEqual({ id: g.id, deleted: true, cancelledShares: 0 });
    const after = await callApi("GET", "/groups/{id}", { token: owner(), params: { id: g.id } });
    expect(after.status).toBe(404);
    expect(after.type).toBe("application/problem+json");
  });

  it("refuses what the portal refuses, writing nothing", async () => {
    const before = await dump();
    const cases: [ApiResult, number, RegExp][] = [
      [await newGroup("crew"), 409, /already have a group named/], // "Crew" exists, any case
      [await newGroup("Mine", [w.users.owner.email]), 422, /yourself/],
      [await newGroup("   "), 422, /name/i],
      [await newGroup("Bad", ["not-an-email"]), 422, /./],
      [
        await callApi("PATCH", "/groups/{id}", {
          token: owner(),
          params: { id: w.group.id },
          body: { name: "Crew", extra: 1 },
        }),
        422,
        /./,
      ],
      [
        await callApi("POST", "/groups/{id}/members", {
          token: owner(),
          params: { id: w.group.id },
          body: { members: [] },
        }),
        422,
        /./,
      ],
    ];
    for (const [res, status, detail] of cases) {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(JSON.stringify(res.body)).toMatch(detail);
    }
    expect(await dump()).toBe(before);
    // Another owner may use the same name: names are unique per owner.
    expect((await newGroup("Crew", [], w.api.stranger.token)).status).toBe(201);
    expect(await w.db.select().from(groups).where(eq(groups.name, "Crew"))).toHaveLength(2);
  });

  it("adding a member over the daily invitation emails is a 429 with Retry-After; nobody is added", async () => {
    // A group share that notifies: it opens the day's window, and each new member costs one email.
    const opened = Date.now();
    const shared = await shareWith({
      deviceIds: [w.dev.d3.id],
      groups: [w.group.id],
      notify: true,
    });
    expect(shared.status).toBe(201);
    const { limit, windowMs } = LIMITS.invitationsPerSharerDay;
    await spendInvitations(w.db, w.users.owner.id, limit - 1, Date.now()); // the share spent 1
    const before = await dump();
    const res = await callApi("POST", "/groups/{id}/members", {
      token: owner(),
      params: { id: w.group.id },
      body: { members: ["new@example.test"] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(429);
    expect(res.type).toBe("application/problem+json");
    const header = res.headers.get("retry-after") ?? "";
    expect(header).toMatch(/^\d+$/);
    // Until the window the share opened ends: a day less the moments since.
    expect(Number(header)).toBeLessThanOrEqual(Math.ceil(windowMs / 1000));
    expect(Number(header)).toBeGreaterThanOrEqual(
      Math.ceil((opened + windowMs - Date.now()) / 1000),
    );
    expect((res.body as { detail: string }).detail).toMatch(
      new RegExp(`invitation emails a day.* Retry-After: ${header} s \\(at \\S+Z\\)\\.$`),
    );
    expect(await dump()).toBe(before);
  });

  it("lists by name in keyset pages that hold still under inserts, with member counts", async () => {
    for (const name of ["bravo", "Delta", "alpha"]) await newGroup(name, ["m@example.test"]);
    const page = async (cursor?: string) =>
      (
        await callApi("GET", "/groups", {
          token: owner(),
          query: { limit: "2", ...(cursor ? { cursor } : {}) },
        })
      ).body as { items: Group[]; nextCursor: string | null };
    const first = await page();
    expect(first.items.map((g) => g.name)).toEqual(["alpha", "bravo"]);
    await newGroup("Aardvark"); // sorts before the cursor: the next page does not shift
    const second = await page(first.nextCursor!);
    expect(second.items.map((g) => g.name)).toEqual(["Crew", "Delta"]);
    expect(second.items.map((g) => g.memberCount)).toEqual([1, 1]);
    expect(second.nextCursor).toBeNull();
    const bad = await callApi("GET", "/groups", { token: owner(), query: { cursor: "zzz" } });
    expect(bad.status).toBe(422);
  });

  it("replays a POST with the same Idempotency-Key and writes nothing more", async () => {
    const headers = { "idempotency-key": "group-1" };
    const body = { name: "Replay", members: ["r@example.test"] };
    const first = await callApi("POST", "/groups", { token: owner(), body, headers });
    const again = await callApi("POST", "/groups", { token: owner(), body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    const add = (members: string[]) =>
      callApi("POST", "/groups/{id}/members", {
        token: owner(),
        params: { id: asGroup(first).id },
        body: { members },
        headers: { "idempotency-key": "add-1" },
      });
    expect((await add(["s@example.test"])).status).toBe(200);
    expect((await add(["t@example.test"])).status).toBe(422); // same key, another body
    const read = await callApi("GET", "/groups/{id}", {
      token: owner(),
      params: { id: asGroup(first).id },
    });
    expect(asGroup(read).members.map((m) => m.email)).toEqual(["r@example.test", "s@example.test"]);
  });
});

describe("sharing with groups over POST /shares", () => {
  it("one share per group, active at once, reaching members live; delete ends it", async () => {
    const res = await shareWith({ deviceIds: [w.dev.d3.id], groups: [w.group.id] });
    expect(res.status).toBe(201);
    const body = res.body as {
      shares: unknown[];
      groupShares: { id: string; groupName: string; memberCount: number; status: string }[];
    };
    expect(body.shares).toEqual([]);
    expect(body.groupShares).toEqual([
      {
        id: expect.any(String),
        groupId: w.group.id,
        groupName: "Crew",
        memberCount: 1,
        status: "Active",
      },
    ]);
    const shareId = body.groupShares[0].id;
    expect(await access(w.dev.d3.id, w.users.member.email)).toMatchObject({
      body: { allowed: true, shareId, via: "Crew" },
    });
    expect((await access(w.dev.d3.id, w.users.former.email)).body).toMatchObject({
      allowed: false,
    });
    // The member sees it without accepting, and leaves it for themselves only.
    const incoming = await callApi("GET", "/shares", {
      token: w.api.member.token,
      query: { direction: "incoming" },
    });
    expect((incoming.body as { items: { id: string }[] }).items.map((s) => s.id)).toContain(
      shareId,
    );
    // Added later: access at once.
    await callApi("POST", "/groups/{id}/members", {
      token: owner(),
      params: { id: w.group.id },
      body: { members: [w.users.stranger.email] },
    });
    expect((await access(w.dev.d3.id, w.users.stranger.email)).body).toMatchObject({
      allowed: true,
    });
    const left = await callApi("POST", "/shares/{id}/leave", {
      token: w.api.member.token,
      params: { id: shareId },
    });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ share: { id: shareId, status: "Left", devices: [] } });
    expect((await access(w.dev.d3.id, w.users.member.email)).body).toMatchObject({
      allowed: false,
    });
    expect((await access(w.dev.d3.id, w.users.stranger.email)).body).toMatchObject({
      allowed: true,
    });
    // Removed: access ends at once.
    await callApi("DELETE", "/groups/{id}/members/{member}", {
      token: owner(),
      params: { id: w.group.id, member: w.users.stranger.email },
    });
    expect((await access(w.dev.d3.id, w.users.stranger.email)).body).toMatchObject({
      allowed: false,
    });
    // Deleting the group cancels both of its shares (d1's from the world, and this one).
    const deleted = await callApi("DELETE", "/groups/{id}", {
      token: owner(),
      params: { id: w.group.id },
    });
    expect(deleted.body).toMatchObject({ cancelledShares: 2 });
    const [row] = await w.db.select().from(shares).where(eq(shares.id, shareId));
    expect(row.status).toBe("cancelled");
    // A new group with the old name reaches nothing of the old one's.
    const again = asGroup(await newGroup("Crew", [w.users.member.email]));
    expect(again.id).not.toBe(w.group.id);
    expect((await access(w.dev.d3.id, w.users.member.email)).body).toMatchObject({
      allowed: false,
    });
  });

  it("conflicts as the share dialog: the group's live pair, and members holding the device directly", async () => {
    const before = await dump();
    const again = await shareWith({ deviceIds: [w.dev.d1.id], groups: [w.group.id] });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ conflicts: [{ recipientEmail: 'group "Crew"' }] });
    expect(await dump()).toBe(before);

    const direct = await shareWith({
      deviceIds: [w.dev.d3.id],
      recipients: [w.users.member.email],
    });
    expect(direct.status).toBe(201);
    const directId = (direct.body as { shares: { id: string }[] }).shares[0].id;
    const refused = await shareWith({ deviceIds: [w.dev.d3.id], groups: [w.group.id] });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      conflicts: [{ deviceId: w.dev.d3.id, groupId: w.group.id, shareId: directId }],
    });
    const skipping = await shareWith({
      deviceIds: [w.dev.d3.id],
      groups: [w.group.id],
      skipConflicts: true,
    });
    expect(skipping.status).toBe(201);
    expect(skipping.body).toMatchObject({
      groupShares: [{ groupId: w.group.id }],
      directKept: [
        {
          deviceId: w.dev.d3.id,
          memberEmail: w.users.member.email,
          groupId: w.group.id,
          existingShareId: directId,
        },
      ],
    });
    // Direct beats group once the member has accepted it: the access check names that share.
    const accepted = await callApi("POST", "/shares/{id}/accept", {
      token: w.api.member.token,
      params: { id: directId },
    });
    expect(accepted.status).toBe(200);
    const check = (await access(w.dev.d3.id, w.users.member.email)).body;
    expect(check).toEqual({
      allowed: true,
      reason: "shared",
      shareId: directId,
      overrides: ["Crew"],
    });
  });

  it("someone else's group, or no recipient and no group, is refused with nothing written", async () => {
    const theirs = asGroup(await newGroup("Theirs", ["t@example.test"], w.api.stranger.token));
    const before = await dump();
    const foreign = await shareWith({ deviceIds: [w.dev.d3.id], groups: [theirs.id] });
    expect(foreign.status).toBe(404);
    const none = await shareWith({ deviceIds: [w.dev.d3.id] });
    expect(none.status).toBe(422);
    expect(none.body).toMatchObject({ errors: { recipients: [expect.any(String)] } });
    expect(await dump()).toBe(before);
  });
});
