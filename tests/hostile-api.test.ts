// Issue 15 — hostile input on /api/v1 (fast-check): bodies, queries, headers of any shape.
// Never a 500; every refusal is problem+json and leaves the database byte-for-byte unchanged.
import "./support/mocks/api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, type ApiResult } from "./support/api-client";
import { state } from "./support/harness";
import {
  dumpWithoutTokenStamps,
  expectRefusedCleanly as refusedCleanlyIn,
} from "./support/api-refusals";
import { DAY, disposeWorldTemplate, freshWorld, type World } from "./support/world";

let w: World;
beforeAll(async () => {
  w = await freshWorld();
  state.db = w.db;
  process.env.KEYSHARE_API_RATE_LIMIT = "1000000";
});
afterAll(() => {
  state.db = null;
  delete process.env.KEYSHARE_API_RATE_LIMIT;
  disposeWorldTemplate();
});

const dump = () => dumpWithoutTokenStamps(w.db);
const expectRefusedCleanly = (res: ApiResult, before: string) =>
  refusedCleanlyIn(w.db, res, before);

const base = () => ({
  deviceIds: [w.dev.d3.id],
  recipients: ["hostile@example.test"],
  permissions: "Viewer",
  expiresAt: new Date(Date.now() + 7 * DAY).toISOString(),
});
const FIELDS = [
  "deviceIds",
  "recipients",
  "permissions",
  "expiresAt",
  "schedule",
  "services",
  "description",
  "notify",
  "message",
  "skipConflicts",
] as const;
const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
});
const RUNS = { numRuns: 60 };

describe("POST /shares with hostile bodies", () => {
  it("a valid base goes through (so the refusals below are about the mutation)", async () => {
    const res = await callApi("POST", "/shares", { token: w.api.owner.token, body: base() });
    expect(res.status).toBe(201);
  });

  it("one field replaced by any JSON value: refused cleanly or accepted, never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), fc.jsonValue(), async (field, value) => {
        const before = await dump();
        const body = { ...base(), recipients: ["other@example.test"], [field]: value };
        const res = await callApi("POST", "/shares", { token: w.api.owner.token, body });
        await expectRefusedCleanly(res, before);
        if (res.status === 201) {
          // Accepted mutations are ones the schema allows: undo them for the next run.
          const ids = (res.body as { shares: { id: string }[] }).shares.map((s) => s.id);
          for (const id of ids)
            await callApi("POST", "/shares/{id}/cancel", {
              token: w.api.owner.token,
              params: { id },
            });
        }
      }),
      RUNS,
    );
  });

  it("any body text at all", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json()), async (raw) => {
        const before = await dump();
        const res = await callApi("POST", "/shares", { token: w.api.owner.token, rawBody: raw });
        await expectRefusedCleanly(res, before);
        expect(res.status).not.toBe(201);
      }),
      RUNS,
    );
  });

  it("huge inputs are refused, not processed", async () => {
    const before = await dump();
    const many = Array.from({ length: 10_001 }, (_, i) => `dev-${i}`);
    const res = await callApi("POST", "/shares", {
      token: w.api.owner.token,
      body: { ...base(), deviceIds: many },
    });
    expect(res.status).toBe(422);
    const huge = await callApi("POST", "/shares", {
      token: w.api.owner.token,
      rawBody: JSON.stringify({ ...base(), description: "x".repeat(2_100_000) }),
    });
    expect(huge.status).toBe(413);
    expect(await dump()).toBe(before);
  });
});

describe("queries, ids and headers", () => {
  it("GET /shares and /activity with any query: 200 or 422", async () => {
    const key = fc.constantFrom(
      "direction",
      "status",
      "q",
      "cursor",
      "limit",
      "type",
      "from",
      "to",
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/shares", "/activity", "/devices"),
        fc.dictionary(key, fc.string()),
        async (route, query) => {
          const before = await dump();
          const res = await callApi("GET", route, { token: w.api.owner.token, query });
          expect([200, 422]).toContain(res.status);
          await expectRefusedCleanly(res, before);
        },
      ),
      RUNS,
    );
  });

  it("any share id in the path: 404 or an answer, never someone else's share", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (id) => {
        const before = await dump();
        const res = await callApi("POST", "/shares/{id}/accept", {
          token: w.api.stranger.token,
          params: { id },
        });
        expect([404, 422]).toContain(res.status);
        await expectRefusedCleanly(res, before);
      }),
      RUNS,
    );
  });

  it("any Authorization header is a 401; any Idempotency-Key is used or refused with 422", async () => {
    await fc.assert(
      fc.asyncProperty(printable, printable, async (auth, key) => {
        const before = await dump();
        const res = await callApi("GET", "/devices", { headers: { authorization: auth } });
        expect(res.status).toBe(401);
        await expectRefusedCleanly(res, before);
        const withKey = await callApi("POST", "/shares", {
          token: w.api.owner.token,
          headers: { "idempotency-key": key },
          body: { ...base(), deviceIds: ["no-such-device"] },
        });
        expect([404, 422]).toContain(withKey.status);
        await expectRefusedCleanly(withKey, before);
      }),
      RUNS,
    );
  });
});
