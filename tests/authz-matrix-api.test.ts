// Issues 15 and 16 — who may call which /api/v1 endpoint. Every operation × every actor (the portal's
// actors with their own read+write token, plus no token, the owner's read-only, revoked and
// expired tokens), table-driven like tests/authz-matrix.test.ts; an operation without a row
// fails the suite. Refused = the status named, problem+json, and not one byte written.
import "./support/mocks/api";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/api/operations";
import { listApiTokens } from "@/lib/api/tokens";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { callApi } from "./support/api-client";
import { dumpDb, state } from "./support/harness";
import {
  ACTORS,
  DAY,
  disposeWorldTemplate,
  freshWorld,
  type Actor,
  type World,
} from "./support/world";

// Named apart from the recipient actors: "expired" there is a former recipient with a valid token.
const TOKEN_ACTORS = ["readOnlyToken", "revokedToken", "expiredToken"] as const;
type ApiActor = Actor | (typeof TOKEN_ACTORS)[number];
const ALL: ApiActor[] = [...ACTORS, ...TOKEN_ACTORS];
const SIGNED_IN = ACTORS.filter((a) => a !== "anon");

function tokenOf(w: World, a: ApiActor): string | null {
  if (a === "anon") return null;
  if (a === "readOnlyToken") return w.api.ownerRead.token;
  if (a === "revokedToken") return w.api.ownerRevoked.token;
  if (a === "expiredToken") return w.api.ownerExpired.token;
  return w.api[a].token;
}

type Row = {
  /** Actors whose call succeeds (the read-only token counts as the owner for GETs). */
  allow: readonly Actor[];
  /** The refusal for a signed-in actor outside `allow` (404 unless the row says otherwise). */
  deny?: (a: Actor) => number;
  params?: (w: World) => Record<string, string>;
  query?: (w: World) => Record<string, string>;
  body?: (w: World) => unknown;
  /** A successful call as this actor: checks what it saw. */
  check?: (w: World, a: Actor, body: unknown) => void;
};

const future = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const items = (b: unknown) => (b as { items: { id: string }[] }).items;

const MATRIX: Record<string, Row> = {
  "GET /devices": {
    allow: SIGNED_IN,
    check: (w, a, b) => {
      const ids = items(b).map((d) => d.id);
      expect(ids.includes(w.dev.d1.id)).toBe(a === "owner");
      expect(ids.includes(w.dev.foreign.id)).toBe(a === "stranger");
    },
  },
  "POST /devices": {
    allow: SIGNED_IN,
    body: () => ({ name: "From a script", hardwareId: "DD:01" }),
  },
  "GET /devices/{id}": {
    allow: ["owner"],
    params: (w) => ({ id: w.dev.d1.id }),
    check: (w, _a, b) => expect((b as { services: unknown[] }).services).toHaveLength(1),
  },
  "POST /shares": {
    allow: ["owner"],
    body: () => ({
      deviceIds: [],
      recipients: ["someone-new@example.test"],
      permissions: "Viewer",
      expiresAt: future(7),
    }),
  },
  "GET /shares": {
    allow: SIGNED_IN,
    query: () => ({ direction: "outgoing" }),
    check: (w, a, b) => {
      // The owner's direct shares and the group share (one row, as on Shared by Me).
      const ids = items(b).map((s) => s.id);
      expect(ids.length).toBe(a === "owner" ? Object.keys(w.shares).length + 1 : 0);
      expect(ids.includes(w.group.shareId)).toBe(a === "owner");
    },
  },
  "GET /shares/{id}": {
    allow: ["owner", "active"],
    params: (w) => ({ id: w.shares.active.id }),
    check: (w, a, b) => {
      const s = b as { direction: string; activity?: unknown[]; devices: unknown[] };
      expect(s.direction).toBe(a === "owner" ? "outgoing" : "incoming");
      expect(s.devices).toHaveLength(2);
      expect(s.activity !== undefined).toBe(a === "owner");
    },
  },
  "POST /shares/{id}/extend": {
    allow: ["owner"],
    params: (w) => ({ id: w.shares.active.id }),
    body: () => ({ expiresAt: future(60) }),
  },
  "POST /shares/{id}/cancel": { allow: ["owner"], params: (w) => ({ id: w.shares.active.id }) },
  "POST /shares/{id}/devices": {
    allow: ["owner"],
    params: (w) => ({ id: w.shares.active.id }),
    body: (w) => ({ deviceIds: [w.dev.d3.id] }),
  },
  "POST /shares/{id}/suspend": { allow: ["owner"], params: (w) => ({ id: w.shares.active.id }) },
  "POST /shares/{id}/resume": { allow: ["owner"], params: (w) => ({ id: w.shares.suspended.id }) },
  "POST /shares/{id}/link": {
    allow: ["owner"],
    params: (w) => ({ id: w.shares.pending.id }),
    check: (_w, _a, b) => expect((b as { link: string }).link).toMatch(/\/s\/[\w-]{43}$/),
  },
  // Unverified: the share is addressed to it, but an unproven address sees nothing by id.
  "POST /shares/{id}/accept": { allow: ["pending"], params: (w) => ({ id: w.shares.pending.id }) },
  "POST /shares/{id}/decline": { allow: ["pending"], params: (w) => ({ id: w.shares.pending.id }) },
  "POST /shares/{id}/leave": { allow: ["active"], params: (w) => ({ id: w.shares.active.id }) },
  // Groups (issue 16): the owner's alone; a member, a former member or a recipient of the
  // group's share gets the same 404 as a stranger.
  "GET /groups": {
    allow: SIGNED_IN,
    check: (w, a, b) => {
      const ids = items(b).map((g) => g.id);
      expect(ids.includes(w.group.id)).toBe(a === "owner");
      expect(ids.length).toBe(a === "owner" ? 1 : 0);
    },
  },
  "POST /groups": {
    allow: SIGNED_IN,
    body: () => ({ name: "Night shift", members: ["someone-new@example.test"] }),
  },
  "GET /groups/{id}": {
    allow: ["owner"],
    params: (w) => ({ id: w.group.id }),
    check: (w, _a, b) => {
      const g = b as { members: { email: string }[]; liveShares: number };
      expect(g.members.map((m) => m.email)).toEqual([w.users.member.email]);
      expect(g.liveShares).toBe(1);
    },
  },
  "PATCH /groups/{id}": {
    allow: ["owner"],
    params: (w) => ({ id: w.group.id }),
    body: () => ({ name: "Day crew" }),
  },
  "DELETE /groups/{id}": {
    allow: ["owner"],
    params: (w) => ({ id: w.group.id }),
    check: (_w, _a, b) => expect(b).toMatchObject({ deleted: true, cancelledShares: 1 }),
  },
  "POST /groups/{id}/members": {
    allow: ["owner"],
    params: (w) => ({ id: w.group.id }),
    body: () => ({ members: ["someone-new@example.test"] }),
  },
  "DELETE /groups/{id}/members/{member}": {
    allow: ["owner"],
    params: (w) => ({ id: w.group.id, member: w.users.member.email }),
  },
  "GET /access": {
    allow: ["owner"],
    query: (w) => ({ deviceId: w.dev.d1.id, email: w.users.active.email, operation: "operate" }),
    check: (_w, _a, b) => expect(b).toMatchObject({ allowed: true, reason: "shared" }),
  },
  "GET /activity": {
    allow: SIGNED_IN,
    check: (_w, a, b) => expect(items(b).length > 0).toBe(a === "owner"),
  },
};
// The bulk share needs the owner's own device; everyone else names the same (foreign to them) one.
MATRIX["POST /shares"].body = (w) => ({
  deviceIds: [w.dev.d3.id],
  recipients: ["someone-new@example.test"],
  permissions: "Viewer",
  expiresAt: future(7),
});

/** The database minus the tokens' last-used stamps, which any authenticated call may move. */
const dump = async (w: World) => {
  const all = JSON.parse(await dumpDb(w.db)) as Record<string, unknown[]>;
  delete all.apiTokens;
  return JSON.stringify(all);
};

let w: World;
beforeEach(async () => {
  w = await freshWorld();
  state.db = w.db;
});
afterEach(() => {
  state.db = null;
});
afterAll(disposeWorldTemplate);

describe("every operation has a row in the matrix", () => {
  it("the matrix and the operations agree", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(
      OPERATIONS.map((o) => `${o.method} ${o.path}`).sort(),
    );
  });
});

describe.each(OPERATIONS.map((op) => [`${op.method} ${op.path}`, op] as const))("%s", (key, op) => {
  const row = MATRIX[key];
  it.each(ALL)("as %s", async (actor) => {
    const before = await dump(w);
    const res = await callApi(op.method, op.path, {
      token: tokenOf(w, actor),
      params: row.params?.(w),
      query: row.query?.(w),
      body: row.body?.(w),
    });
    const after = await dump(w);
    const asOwner = actor === "readOnlyToken" ? "owner" : actor;
    let expected: number;
    if (actor === "anon" || actor === "revokedToken" || actor === "expiredToken") expected = 401;
    else if (actor === "readOnlyToken" && op.scope === "write") expected = 403;
    else if (row.allow.includes(asOwner as Actor)) expected = op.status ?? 200;
    else expected = row.deny?.(asOwner as Actor) ?? 404;
    expect(res.status, `${key} as ${actor}: ${JSON.stringify(res.body)}`).toBe(expected);
    if (expected >= 400) {
      expect(res.type).toBe("application/problem+json");
      expect(res.body).toMatchObject({
        status: expected,
        title: expect.any(String),
        detail: expect.any(String),
      });
      expect(after, `${key} as ${actor} wrote to the database`).toBe(before);
      return;
    }
    expect(res.type).toBe("application/json");
    if (op.method === "GET") expect(after, "a read wrote to the database").toBe(before);
    else expect(after, "an allowed write changed nothing").not.toBe(before);
    // The answer has the documented shape.
    expect(op.response.safeParse(res.body).error).toBeUndefined();
    row.check?.(w, asOwner as Actor, res.body);
  });
});

describe("reads the settings pages use, as each actor", () => {
  it.each(ACTORS.filter((a) => a !== "anon"))(
    "API tokens and webhook endpoints as %s",
    async (actor) => {
      const u = w.users[actor];
      const tokenIds = (await listApiTokens(w.db, u.id)).map((t) => t.id);
      const own =
        actor === "owner"
          ? [w.api.owner.id, w.api.ownerRead.id, w.api.ownerExpired.id] // revoked ones leave the list
          : [w.api[actor].id];
      expect(tokenIds.sort()).toEqual(own.sort());
      const endpoints = (await listWebhookEndpoints(w.db, u.id)).map((e) => e.id);
      expect(endpoints).toEqual(actor === "owner" ? [w.webhook.endpointId] : []);
    },
  );
});
