// Issue 16 — hostile input on /api/v1/groups and `groups` in POST /shares (fast-check).
// Never a 500; every refusal is problem+json and leaves the database byte-for-byte unchanged;
// nobody reaches a group that is not theirs.
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
let theirs: string; // the stranger's group
beforeAll(async () => {
  w = await freshWorld();
  state.db = w.db;
  process.env.KEYSHARE_API_RATE_LIMIT = "1000000";
  const res = await callApi("POST", "/groups", {
    token: w.api.stranger.token,
    body: { name: "Theirs", members: ["their-member@example.test"] },
  });
  theirs = (res.body as { id: string }).id;
});
afterAll(() => {
  state.db = null;
  delete process.env.KEYSHARE_API_RATE_LIMIT;
  disposeWorldTemplate();
});

const dump = () => dumpWithoutTokenStamps(w.db);
const expectRefusedCleanly = (res: ApiResult, before: string) =>
  refusedCleanlyIn(w.db, res, before);

const RUNS = { numRuns: 60 };
const owner = () => w.api.owner.token;
let n = 0;

describe("group bodies of any shape", () => {
  it("POST /groups with one field replaced by any JSON value", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("name", "members", "extra"),
        fc.jsonValue(),
        async (field, value) => {
          const before = await dump();
          const body = { name: `Hostile ${n++}`, members: ["h@example.test"], [field]: value };
          const res = await callApi("POST", "/groups", { token: owner(), body });
          await expectRefusedCleanly(res, before);
          if (res.status === 201)
            expect((res.body as { members: { email: string }[] }).members.length).toBeLessThan(501);
        },
      ),
      RUNS,
    );
  });

  it("PATCH and POST members with any body text", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("PATCH", "POST") as fc.Arbitrary<"PATCH" | "POST">,
        fc.oneof(fc.string(), fc.json()),
        async (method, raw) => {
          const before = await dump();
          const res = await callApi(
            method,
            method === "PATCH" ? "/groups/{id}" : "/groups/{id}/members",
            {
              token: owner(),
              params: { id: w.group.id },
              rawBody: raw,
            },
          );
          await expectRefusedCleanly(res, before);
          if (res.status === 200 && method === "PATCH")
            await callApi("PATCH", "/groups/{id}", {
              token: owner(),
              params: { id: w.group.id },
              body: { name: "Crew" },
            });
        },
      ),
      RUNS,
    );
  });
});

describe("ids of any shape", () => {
  it("any group id or member in the path, as a stranger: 404 or 422, nothing written", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 80 }), fc.constant(w.group.id)),
        fc.oneof(fc.string({ maxLength: 300 }), fc.constant(w.users.member.email)),
        fc.constantFrom("get", "patch", "delete", "add", "remove"),
        async (id, member, what) => {
          const before = await dump();
          const token = w.api.stranger.token;
          const res =
            what === "get"
              ? await callApi("GET", "/groups/{id}", { token, params: { id } })
              : what === "patch"
                ? await callApi("PATCH", "/groups/{id}", {
                    token,
                    params: { id },
                    body: { name: "Mine" },
                  })
                : what === "delete"
                  ? await callApi("DELETE", "/groups/{id}", { token, params: { id } })
                  : what === "add"
                    ? await callApi("POST", "/groups/{id}/members", {
                        token,
                        params: { id },
                        body: { members: ["x@example.test"] },
                      })
                    : await callApi("DELETE", "/groups/{id}/members/{member}", {
                        token,
                        params: { id, member },
                      });
          expect([404, 422]).toContain(res.status);
          await expectRefusedCleanly(res, before);
        },
      ),
      RUNS,
    );
  });

  it("`groups` in POST /shares of any shape never reaches a group that is not the caller's", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.array(fc.oneof(fc.constant(theirs), fc.constant(w.group.id), fc.string()), {
            maxLength: 25,
          }),
        ),
        async (groups) => {
          const before = await dump();
          const res = await callApi("POST", "/shares", {
            token: owner(),
            body: {
              deviceIds: [w.dev.d3.id],
              groups,
              permissions: "Viewer",
              expiresAt: new Date(Date.now() + 7 * DAY).toISOString(),
            },
          });
          await expectRefusedCleanly(res, before);
          if (res.status !== 201) return;
          const made = (res.body as { groupShares: { id: string; groupId: string }[] }).groupShares;
          expect(made.map((g) => g.groupId)).toEqual([w.group.id]);
          // Undo for the next run.
          for (const g of made)
            await callApi("POST", "/shares/{id}/cancel", { token: owner(), params: { id: g.id } });
        },
      ),
      RUNS,
    );
  });
});
