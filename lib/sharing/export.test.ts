import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { acceptShare } from "@/lib/sharing/lifecycle";
import { cancelShare } from "@/lib/sharing/manage-share";
import { listSharedByMe } from "@/lib/sharing/queries";
import { shareDevices } from "@/lib/sharing/share-devices";
import { parseSharedByMeFilters } from "@/lib/sharing/shared-by-me-filters";
import {
  DAY,
  HOUR,
  makeDevice,
  makeUser,
  shareRequest,
  T0,
  testDb,
} from "@/lib/sharing/test-fixtures";
import { sharedByMeCsv } from "./export";

let db: Db;
let ids: Record<string, string>;
let sharerId: string;

beforeEach(async () => {
  db = await testDb();
  const alice = await makeUser(db, { name: "Alice" });
  sharerId = alice.id;
  ids = {};
  for (const [who, days] of [
    ["soon", 2],
    ["later", 10],
    ["forever", null],
    ["gone", 1],
  ] as const) {
    const u = await makeUser(db, {
      email: `${who}@example.com`,
      name: who === "soon" ? "=cmd|' /C calc'!A0" : who,
    });
    const dev = await makeDevice(db, { ownerId: alice.id, name: `Dev, "${who}"` });
    ids[who] = (
      await shareDevices(db, {
        sharerId: alice.id,
        now: T0,
        input: shareRequest({
          recipients: u.email,
          deviceIds: [dev.id],
          expiresAt: days == null ? null : T0 + days * DAY,
          description: "+SUM(1)",
        }),
      })
    ).shares[0].shareId;
    await acceptShare(db, { shareId: ids[who], user: u, now: T0 });
  }
  await cancelShare(db, { shareId: ids.gone, sharerId: alice.id, now: T0 + HOUR });
});

describe("Expiring soon", () => {
  it("lists only live shares expiring within the window", async () => {
    const list = await listSharedByMe(db, { sharerId, now: T0 + HOUR, expiringWithin: 3 * DAY });
    expect(list.rows.map((r) => r.share.id)).toEqual([ids.soon]);
    expect(list.total).toBe(1);
    expect(
      (await listSharedByMe(db, { sharerId, now: T0 + HOUR, expiringWithin: 11 * DAY })).total,
    ).toBe(2);
    // Once expired it is no longer "expiring soon".
    expect(
      (await listSharedByMe(db, { sharerId, now: T0 + 3 * DAY, expiringWithin: 3 * DAY })).rows.map(
        (r) => r.share.id,
      ),
    ).toEqual([]);
  });

  it("is read from the URL with the other filters (window = the longest reminder offset)", () => {
    expect(parseSharedByMeFilters({ expiring: "1", status: "active", sort: "bogus" })).toEqual({
      q: undefined,
      status: "Active",
      sort: "newest",
      expiring: true,
      expiringWithin: 3 * DAY,
    });
    expect(parseSharedByMeFilters({}).expiringWithin).toBeUndefined();
  });
});

describe("Shared by Me CSV", () => {
  it("exports the filtered rows, escaped and safe from formula injection", async () => {
    const csv = await sharedByMeCsv(db, {
      sharerId,
      now: T0 + HOUR,
      ...parseSharedByMeFilters({ sort: "recipient" }),
    });
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Share ID,Recipient email,Recipient name,Status,Permissions,Operations,Devices,Expires,Created,Accepted,Description",
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(
      `${ids.forever},forever@example.com,forever,Active,Viewer,view,1,permanent,` +
        "2030-01-15T12:00:00.000Z,2030-01-15T12:00:00.000Z,'+SUM(1)",
    );
    expect(lines.find((l) => l.startsWith(ids.soon))).toContain(
      `soon@example.com,'=cmd|' /C calc'!A0,Active`,
    );
    expect(lines.find((l) => l.startsWith(ids.gone))).toContain(",Cancelled,");
    const soon = await sharedByMeCsv(db, {
      sharerId,
      now: T0 + HOUR,
      ...parseSharedByMeFilters({ expiring: "1" }),
    });
    expect(soon.trimEnd().split("\r\n")).toHaveLength(2);
  });
});
