import { test, expect } from "vitest";
import { testDb, makeUser, makeDevices, T0, DAY } from "@/lib/sharing/test-fixtures";
import { shareDevices } from "@/lib/sharing/share-devices";
test("perf", () => {
  const db = testDb();
  const u = makeUser(db);
  const ds = makeDevices(db, u.id, 1000);
  const recips = Array.from({ length: 100 }, (_, i) => `r${i}@x.com`);
  let t = performance.now();
  const r = shareDevices(db, { sharerId: u.id, now: T0, input: { recipients: recips, deviceIds: ds.map((d) => d.id), permissions: "Viewer", expiresAt: T0 + DAY } });
  console.log("share ms", performance.now() - t, r.shares.length);
  t = performance.now();
  const r2 = shareDevices(db, { sharerId: u.id, now: T0, input: { recipients: recips, deviceIds: ds.map((d) => d.id), permissions: "Viewer", expiresAt: T0 + DAY, skipConflicts: true } });
  console.log("conflict ms", performance.now() - t, r2.skipped.length);
  console.log(db.$client.prepare("explain query plan select device_id from share_items where live = 1 and device_id in (?,?) and sharer_id = ? and recipient_email in (?)").all());
});
