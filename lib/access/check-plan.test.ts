import { sqliteClient } from "@/tests/support/db/raw";
import { describe, expect, it } from "vitest";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { testEngineKind } from "@/tests/support/db/test-db";
import { checkAccess, checkAccessSql } from "./check";
import { T0, createFixture } from "./test-fixtures";

// SQLite's planner (EXPLAIN QUERY PLAN); the PostgreSQL plans are checked by the bench.
describe.skipIf(testEngineKind() !== "sqlite")("query plan", () => {
  it("seeks indexes only: devices and shares by primary key, share_items by device and recipient", async () => {
    const f = await createFixture();
    const q = new SQLiteSyncDialect().sqlToQuery(
      checkAccessSql({ userId: "u", deviceId: "d", serviceId: "svc" }),
    );
    const plan = sqliteClient(f.db)
      .prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
      .all(...(q.params as string[])) as { detail: string }[];
    const details = plan.map((p) => p.detail);
    expect(details).toContainEqual(
      expect.stringMatching(
        /SEARCH si USING INDEX share_items_device_recipient_idx \(device_id=\? AND recipient_email=\?\)/,
      ),
    );
    expect(details).toContainEqual(
      expect.stringMatching(/SEARCH s USING INDEX sqlite_autoindex_shares_1 \(id=\?\)/),
    );
    expect(details).toContainEqual(
      expect.stringMatching(/SEARCH d USING INDEX sqlite_autoindex_devices_1 \(id=\?\)/),
    );
    expect(details).toContainEqual(
      expect.stringMatching(/SEARCH sv USING INDEX sqlite_autoindex_services_1 \(id=\?\)/),
    );
    expect(details.filter((d) => /^SCAN /.test(d))).toEqual([]);
  });

  it("resolves group shares live with seeks only: membership, the group's item of the device, leaving", async () => {
    const f = await createFixture();
    const q = new SQLiteSyncDialect().sqlToQuery(
      checkAccessSql({ userId: "u", deviceId: "d", serviceId: null }),
    );
    const details = (
      sqliteClient(f.db)
        .prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
        .all(...(q.params as (string | null)[])) as { detail: string }[]
    ).map((p) => p.detail);
    expect(details).toContainEqual(
      expect.stringMatching(/SEARCH gm USING COVERING INDEX group_members_email_idx \(email=\?\)/),
    );
    expect(
      details.filter((d) =>
        /SEARCH si USING INDEX share_items_device_recipient_idx \(device_id=\? AND recipient_email=\?\)/.test(
          d,
        ),
      ),
    ).toHaveLength(2);
    expect(details).toContainEqual(
      expect.stringMatching(
        /SEARCH l USING COVERING INDEX sqlite_autoindex_group_share_leaves_1 \(share_id=\? AND email=\?\)/,
      ),
    );
    expect(details.filter((d) => /^SCAN /.test(d))).toEqual([]);
  });

  it("keeps one prepared statement per connection", async () => {
    const other = await createFixture();
    const [o, a] = [await other.user("O"), await other.user("A")];
    const d = await other.device(o);
    await other.share(o, a, [d]);
    expect(
      await checkAccess(other.db, { userId: a, deviceId: d, operation: "view", now: T0 }),
    ).toMatchObject({ allowed: true });
    const first = await createFixture();
    expect(
      await checkAccess(first.db, { userId: a, deviceId: d, operation: "view", now: T0 }),
    ).toMatchObject({ allowed: false });
    expect(
      await checkAccess(other.db, { userId: a, deviceId: d, operation: "view", now: T0 }),
    ).toMatchObject({ allowed: true });
  });
});
