import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { activityCsv } from "@/lib/activity/export";
import { acceptShare } from "@/lib/sharing/lifecycle";
import { cancelShare, extendShare } from "@/lib/sharing/manage-share";
import { shareDevices } from "@/lib/sharing/share-devices";
import { suspendShare } from "@/lib/sharing/suspend";
import {
  DAY,
  HOUR,
  makeDevice,
  makeUser,
  shareRequest,
  T0,
  testDb,
} from "@/lib/sharing/test-fixtures";
import { decodeActivityCursor, encodeActivityCursor, parseActivityFilters } from "./filters";
import { listActivity, type ActivityRow } from "./query";

let db: Db;
let alice: string;
let bobShare: string, carlShare: string;

beforeEach(async () => {
  db = await testDb();
  alice = (await makeUser(db, { name: "Alice" })).id;
  const bob = await makeUser(db, { email: "bob@example.com", name: "Bob" });
  const carl = await makeUser(db, { email: "carl@example.com", name: "@Carl" });
  const other = await makeUser(db, { name: "Other" });
  const dev = await makeDevice(db, { ownerId: alice });
  const share = async (email: string, now: number) =>
    (
      await shareDevices(db, {
        sharerId: alice,
        now,
        input: shareRequest({ recipients: email, deviceIds: [dev.id], expiresAt: T0 + 30 * DAY }),
      })
    ).shares[0].shareId;
  bobShare = await share(bob.email, T0);
  await acceptShare(db, { shareId: bobShare, user: bob, now: T0 + HOUR });
  await extendShare(db, { shareId: bobShare, sharerId: alice, extendBy: DAY, now: T0 + DAY });
  await suspendShare(db, { shareId: bobShare, sharerId: alice, now: T0 + 2 * DAY });
  carlShare = await share(carl.email, T0 + 3 * DAY);
  await cancelShare(db, { shareId: carlShare, sharerId: alice, now: T0 + 3 * DAY }); // same ms as "shared": ties are ordered by id
  // Someone else's history never shows.
  const theirs = await makeDevice(db, { ownerId: other.id });
  await shareDevices(db, {
    sharerId: other.id,
    now: T0,
    input: shareRequest({ recipients: bob.email, deviceIds: [theirs.id] }),
  });
});

const types = (rows: ActivityRow[]) => rows.map((r) => r.type);

describe("activity", () => {
  it("lists all of the owner's events, newest first, with recipient and actor", async () => {
    const { rows, newer, older } = await listActivity(db, { sharerId: alice });
    expect(rows).toHaveLength(6);
    expect(types(rows).slice(2)).toEqual(["suspended", "extended", "accepted", "shared"]);
    expect(new Set(types(rows).slice(0, 2))).toEqual(new Set(["shared", "cancelled"]));
    expect(rows.at(-2)).toMatchObject({
      actorName: "Bob",
      recipientEmail: "bob@example.com",
      recipientName: "Bob",
      shareId: bobShare,
    });
    expect(newer).toBeUndefined();
    expect(older).toBeUndefined();
  });

  it("filters by type, recipient and date range", async () => {
    expect(types((await listActivity(db, { sharerId: alice, type: "suspended" })).rows)).toEqual([
      "suspended",
    ]);
    expect(
      (await listActivity(db, { sharerId: alice, recipient: "CARL" })).rows.every(
        (r) => r.shareId === carlShare,
      ),
    ).toBe(true);
    expect((await listActivity(db, { sharerId: alice, recipient: "@carl" })).rows).toHaveLength(2); // by name, literally
    const f = parseActivityFilters({ from: "2030-01-16", to: "2030-01-17" });
    expect(types((await listActivity(db, { sharerId: alice, ...f })).rows)).toEqual([
      "suspended",
      "extended",
    ]);
    expect(parseActivityFilters({ from: "2030-02-31", type: "bogus" })).toMatchObject({
      from: undefined,
      type: undefined,
    });
  });

  it("pages by keyset both ways without gaps or repeats", async () => {
    const all = (await listActivity(db, { sharerId: alice })).rows.map((r) => r.id);
    const seen: string[] = [];
    let page = await listActivity(db, { sharerId: alice, limit: 4 });
    seen.push(...page.rows.map((r) => r.id));
    expect(page.newer).toBeUndefined();
    page = await listActivity(db, { sharerId: alice, limit: 4, before: page.older });
    seen.push(...page.rows.map((r) => r.id));
    expect(seen).toEqual(all);
    expect(page.older).toBeUndefined();
    const back = await listActivity(db, { sharerId: alice, limit: 4, after: page.newer });
    expect(back.rows.map((r) => r.id)).toEqual(all.slice(0, 4));
    expect(back.newer).toBeUndefined();
    const c = { at: 123, id: "0c0e6c1e-1f0a-4f8e-9d0b-3e1c2b3a4d5e" };
    expect(decodeActivityCursor(encodeActivityCursor(c))).toEqual(c);
    expect(decodeActivityCursor("1_x';drop")).toBeUndefined();
  });

  it("exports the same rows and wording as CSV", async () => {
    const csv = await activityCsv(db, { sharerId: alice, type: "suspended" });
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toEqual([
      "Time (UTC),Event,Description,Actor,Recipient email,Recipient name,Share ID",
      `2030-01-17T12:00:00.000Z,suspended,Alice suspended access,Alice,bob@example.com,Bob,${bobShare}`,
    ]);
    // A recipient name that looks like a formula is neutralised.
    expect(await activityCsv(db, { sharerId: alice, recipient: "carl" })).toContain(
      ",carl@example.com,'@Carl,",
    );
  });
});
