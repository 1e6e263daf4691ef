// Paging of the list pages (added for bench/: a recipient of 2,000 shares got a 4 MB page),
// and the plans that keep them fast at fleet size.
import { describe, expect, it } from "vitest";
import { captureStatements, queryPlans } from "@/tests/support/db/raw";
import { testEngineKind } from "@/tests/support/db/test-db";
import type { Db } from "@/db/client";
import { acceptShare } from "./lifecycle";
import { listSharedByMe, listSharedWithMe } from "./queries";
import { shareDevices } from "./share-devices";
import { makeDevices, makeUser, shareRequest, T0, testDb } from "./test-fixtures";

async function fixture() {
  const db = await testDb();
  const bob = await makeUser(db, { email: "bob@example.com", name: "Bob" });
  const sharers = [];
  for (const name of ["Carol", "Alice", "Zoe"])
    sharers.push(await makeUser(db, { email: `${name.toLowerCase()}@example.com`, name }));
  // Alice shares 3 times, Carol 2, Zoe 1, each with another device, a minute apart.
  let t = T0;
  for (const [sharer, times] of [
    [sharers[1], 3],
    [sharers[0], 2],
    [sharers[2], 1],
  ] as const) {
    const devs = await makeDevices(db, sharer.id, times);
    for (const d of devs)
      await shareDevices(db, {
        sharerId: sharer.id,
        now: (t += 60_000),
        input: shareRequest({ recipients: "bob@example.com", deviceIds: [d.id] }),
      });
  }
  return { db, bob };
}

describe("listSharedWithMe paging", () => {
  it("pages shares in sharer-name order, a sharer's group continuing on the next page", async () => {
    const { db, bob } = await fixture();
    const page = (n: number) =>
      listSharedWithMe(db, { user: bob, now: T0 + 3_600_000, page: n, pageSize: 2 });
    const seen = await Promise.all(
      [1, 2, 3].map(async (n) =>
        (await page(n)).groups.map((g) => `${g.sharer.name}×${g.shares.length}`),
      ),
    );
    expect(await Promise.all(seen)).toEqual([
      ["Alice×2"],
      ["Alice×1", "Carol×1"],
      ["Carol×1", "Zoe×1"],
    ]);
    expect((await page(1)).total).toBe(6);
    expect((await page(4)).groups).toEqual([]);
    // Without pageSize, everything at once, as before.
    expect(
      (await listSharedWithMe(db, { user: bob, now: T0 + 3_600_000 })).groups.flatMap(
        (g) => g.shares,
      ),
    ).toHaveLength(6);
  });

  it("every page size, with and without filters, pages through exactly the unpaged list", async () => {
    const { db, bob } = await fixture();
    const [first] = (await listSharedWithMe(db, { user: bob, now: T0 + 3_600_000 })).groups[0]
      .shares;
    await acceptShare(db, { shareId: first.share.id, user: bob, now: T0 + 3_600_000 });
    const now = T0 + 3_600_001;
    const ids = (r: Awaited<ReturnType<typeof listSharedWithMe>>) =>
      r.groups.flatMap((g) => g.shares.map((x) => `${g.sharer.name}:${x.share.id}`));
    for (const filter of [
      {},
      { status: "Pending" as const },
      { status: "Active" as const },
      { q: "a" },
      { q: "zoe" },
    ]) {
      const all = ids(await listSharedWithMe(db, { user: bob, now, ...filter }));
      for (let size = 1; size <= 7; size++) {
        const pages = [];
        for (let i = 0; i < Math.ceil(all.length / size) + 1; i++)
          pages.push(
            await listSharedWithMe(db, { user: bob, now, ...filter, page: i + 1, pageSize: size }),
          );
        expect(pages.flatMap(ids), `${JSON.stringify(filter)} by ${size}`).toEqual(all);
        for (const p of pages) expect(p.total).toBe(all.length);
      }
    }
  });

  it("counts with filters: accepted (bound) and pending (by email) shares alike", async () => {
    const { db, bob } = await fixture();
    const [first] = (await listSharedWithMe(db, { user: bob, now: T0 + 3_600_000 })).groups[0]
      .shares;
    await acceptShare(db, { shareId: first.share.id, user: bob, now: T0 + 3_600_000 });
    const q = async (status: "Active" | "Pending") =>
      (await listSharedWithMe(db, { user: bob, now: T0 + 3_600_001, status, page: 1, pageSize: 2 }))
        .total;
    expect(await Promise.all([q("Active"), q("Pending")])).toEqual([1, 5]);
    expect(
      (
        await listSharedWithMe(db, {
          user: bob,
          now: T0 + 3_600_001,
          q: "zoe",
          page: 1,
          pageSize: 2,
        })
      ).total,
    ).toBe(1);
  });
});

/** The plans of the statements a list function sends (SQLite). */
async function plans(db: Db, run: (db: Db) => Promise<unknown>): Promise<string[]> {
  return queryPlans(db, await captureStatements(db, run)).flat();
}

// SQLite's EXPLAIN QUERY PLAN; PostgreSQL's plans have no check of their own here yet.
describe.skipIf(testEngineKind() === "postgres")("list query plans", () => {
  it("Shared by Me seeks the sharer's index and counts without joining users", async () => {
    const { db } = await fixture();
    const details = await plans(db, (d) =>
      listSharedByMe(d, { sharerId: "x", now: T0, page: 1, pageSize: 50 }),
    );
    expect(details).toContainEqual(
      expect.stringMatching(
        /SEARCH shares USING (COVERING )?INDEX shares_sharer_created_idx \(sharer_id=\?\)/,
      ),
    );
    expect(details.filter((d) => /^SCAN (shares|share_items|users)\b/.test(d))).toEqual([]);
    expect(details.filter((d) => /users/.test(d))).toHaveLength(1); // the page's LEFT JOIN only, not the count
  });

  it("Shared with Me counts per sharer inside its indexes and never reads a sharer's history", async () => {
    const { db, bob } = await fixture();
    const details = await plans(db, (d) =>
      listSharedWithMe(d, { user: bob, now: T0, page: 1, pageSize: 50 }),
    );
    // The per-sharer count: each way of receiving from an index holding sharer_id, no table read.
    expect(details).toContainEqual(
      "SEARCH shares USING COVERING INDEX shares_recipient_sharer_idx (recipient_id=?)",
    );
    expect(details).toContainEqual(
      "SEARCH shares USING COVERING INDEX shares_addressed_sharer_idx (recipient_email=? AND recipient_id=?)",
    );
    // Group shares from the caller's memberships, not from the sharer's whole history.
    expect(details).toContainEqual(
      expect.stringMatching(/SEARCH group_members USING COVERING INDEX group_members_email_idx/),
    );
    expect(details.filter((d) => /shares_sharer_(created|status)_idx/.test(d))).toEqual([]);
    expect(
      details.filter((d) => /^SCAN (shares|share_items|users|group_members)\b/.test(d)),
    ).toEqual([]);
  });
});
