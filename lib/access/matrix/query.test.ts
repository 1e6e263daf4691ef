import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accessCsv } from "@/lib/access/matrix/export";
import { acceptShare } from "@/lib/sharing/lifecycle";
import { cancelShare } from "@/lib/sharing/manage-share";
import { shareDevices } from "@/lib/sharing/share-devices";
import { suspendShare } from "@/lib/sharing/suspend";
import {
  DAY,
  makeDevice,
  makeDevices,
  makeUser,
  shareRequest,
  T0,
  testDb,
} from "@/lib/sharing/test-fixtures";
import { parseMatrixFilters } from "./filters";
import { accessMatrix, cellKey, MATRIX_PAGE_SIZE, MATRIX_MAX_RECIPIENTS } from "./query";

let db: Db;
let owner: string;
let gate: string, lock: string, cam: string;
let bobShare: string, carlShare: string;
const now = T0 + DAY;

beforeEach(async () => {
  db = await testDb();
  owner = (await makeUser(db, { name: "Olga" })).id;
  const bob = await makeUser(db, { email: "bob@example.com", name: "Bob" });
  await makeUser(db, { email: "carl@example.com", name: "Carl" });
  gate = (await makeDevice(db, { ownerId: owner, name: "=Gate", groupPath: "Site A / Floor 1" }))
    .id;
  lock = (await makeDevice(db, { ownerId: owner, name: "Lock", groupPath: "Site B" })).id;
  cam = (await makeDevice(db, { ownerId: owner, name: "Cam", groupPath: "Site A" })).id; // never shared
  const share = async (to: string, ids: string[], over = {}) =>
    (
      await shareDevices(db, {
        sharerId: owner,
        now: T0,
        input: shareRequest({ recipients: to, deviceIds: ids, ...over }),
      })
    ).shares[0].shareId;
  bobShare = await share("bob@example.com", [gate, lock], {
    permissions: "Operator",
    expiresAt: T0 + 7 * DAY,
  });
  await acceptShare(db, { shareId: bobShare, user: bob, now: T0 });
  carlShare = await share("carl@example.com", [gate], { expiresAt: null });
  const gone = await share("dan@example.com", [lock]);
  await cancelShare(db, { shareId: gone, sharerId: owner, now: T0 });
  // Another owner's shares never appear.
  const other = (await makeUser(db)).id;
  await shareDevices(db, {
    sharerId: other,
    now: T0,
    input: shareRequest({
      recipients: "bob@example.com",
      deviceIds: [(await makeDevice(db, { ownerId: other })).id],
    }),
  });
});

describe("who has access", () => {
  it("shows current shares as devices × recipients with preset and expiry", async () => {
    const m = await accessMatrix(db, { ownerId: owner, now, ...parseMatrixFilters({}) });
    expect(m.devices.map((d) => d.name)).toEqual(["=Gate", "Lock"]);
    expect(m.devices.map((d) => d.id)).not.toContain(cam); // shared with nobody
    expect(m.recipients).toEqual([
      { email: "bob@example.com", name: "Bob", shareIds: [bobShare], via: null },
      { email: "carl@example.com", name: "Carl", shareIds: [carlShare], via: null },
    ]);
    expect(m.cells[cellKey(gate, "bob@example.com")]).toMatchObject({
      shareId: bobShare,
      status: "Active",
      preset: "Operator",
      expiresAt: T0 + 7 * DAY,
    });
    expect(m.cells[cellKey(gate, "carl@example.com")]).toMatchObject({
      status: "Pending",
      preset: "Viewer",
      expiresAt: null,
    });
    expect(m.cells[cellKey(lock, "carl@example.com")]).toBeUndefined();
    expect(m).toMatchObject({ deviceTotal: 2, recipientTotal: 2, page: 1, pageCount: 1 });
  });

  it("filters by group (with sub-groups), device, recipient and status", async () => {
    const f = (sp: Record<string, string>) =>
      accessMatrix(db, { ownerId: owner, now, ...parseMatrixFilters(sp) });
    expect((await f({ group: "Site A" })).devices.map((d) => d.name)).toEqual(["=Gate"]);
    expect((await f({ device: "lock" })).recipients.map((r) => r.email)).toEqual([
      "bob@example.com",
    ]);
    expect((await f({ recipient: "carl" })).devices.map((d) => d.name)).toEqual(["=Gate"]);
    expect((await f({ status: "cancelled" })).recipients.map((r) => r.email)).toEqual([
      "dan@example.com",
    ]);
    expect((await f({ status: "all" })).recipientTotal).toBe(3);
    await suspendShare(db, { shareId: bobShare, sharerId: owner, now });
    expect((await f({ status: "Suspended" })).cells[cellKey(lock, "bob@example.com")].status).toBe(
      "Suspended",
    );
    expect((await f({})).recipientTotal).toBe(2); // suspended is still "current"
    expect(
      (
        await accessMatrix(db, {
          ownerId: owner,
          now: T0 + 8 * DAY,
          ...parseMatrixFilters({}),
        })
      ).recipients.map((r) => r.email),
    ).toEqual(["carl@example.com"]);
  });

  it("pages devices and caps recipient columns", async () => {
    const many = await makeDevices(db, owner, MATRIX_PAGE_SIZE + 5, "Bulk");
    const emails = Array.from(
      { length: MATRIX_MAX_RECIPIENTS + 3 },
      (_, i) => `r${String(i).padStart(3, "0")}@example.com`,
    );
    await shareDevices(db, {
      sharerId: owner,
      now: T0,
      input: shareRequest({ recipients: emails, deviceIds: many.map((d) => d.id) }),
    });
    const m = await accessMatrix(db, {
      ownerId: owner,
      now,
      ...parseMatrixFilters({ device: "bulk", page: "2" }),
    });
    expect(m).toMatchObject({
      deviceTotal: MATRIX_PAGE_SIZE + 5,
      pageCount: 2,
      page: 2,
      recipientTotal: MATRIX_MAX_RECIPIENTS + 3,
    });
    expect(m.devices).toHaveLength(5);
    expect(m.recipients).toHaveLength(MATRIX_MAX_RECIPIENTS);
    expect(Object.keys(m.cells)).toHaveLength(5 * MATRIX_MAX_RECIPIENTS);
  });

  it("exports every matching item as CSV, formulas neutralised", async () => {
    const lines = (await accessCsv(db, { ownerId: owner, now, ...parseMatrixFilters({}) }))
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Device,Hardware ID,Group,Recipient email,Recipient name,Status,Permissions,Operations,Services,Expires,Share ID,Via",
    );
    expect(
      lines.slice(1).map((l) => l.split(",").slice(0, 1).concat(l.split(",").slice(3, 4))),
    ).toEqual([
      ["'=Gate", "bob@example.com"],
      ["'=Gate", "carl@example.com"],
      ["Lock", "bob@example.com"],
    ]);
    expect(lines[1]).toContain(
      ",Site A / Floor 1,bob@example.com,Bob,Active,Operator,view operate,all,2030-01-22T12:00:00.000Z,",
    );
    expect(lines[2]).toContain(",Pending,Viewer,view,all,permanent,");
  });
});
