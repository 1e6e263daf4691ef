import { describe, expect, it } from "vitest";
import { CHECK_ACCESS_SQL, checkAccess } from "./check";
import { T0, createFixture } from "./test-fixtures";

describe("query plan", () => {
  it("seeks indexes only: devices and shares by primary key, share_items by device and recipient", () => {
    const f = createFixture();
    const plan = f.db.$client
      .prepare(`EXPLAIN QUERY PLAN ${CHECK_ACCESS_SQL}`)
      .all({ userId: "u", deviceId: "d", serviceId: "svc" }) as { detail: string }[];
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

  it("resolves group shares live with seeks only: the device's group items, membership, leaving", () => {
    const f = createFixture();
    const details = (
      f.db.$client
        .prepare(`EXPLAIN QUERY PLAN ${CHECK_ACCESS_SQL}`)
        .all({ userId: "u", deviceId: "d", serviceId: null }) as { detail: string }[]
    ).map((p) => p.detail);
    expect(details).toContainEqual(
      expect.stringMatching(
        /SEARCH si USING INDEX share_items_device_recipient_idx \(device_id=\? AND recipient_email>\? AND recipient_email<\?\)/,
      ),
    );
    expect(details).toContainEqual(
      expect.stringMatching(
        /SEARCH gm USING COVERING INDEX group_members_group_email_uq \(group_id=\? AND email=\?\)/,
      ),
    );
    expect(details).toContainEqual(
      expect.stringMatching(
        /SEARCH l USING COVERING INDEX sqlite_autoindex_group_share_leaves_1 \(share_id=\? AND email=\?\)/,
      ),
    );
    expect(details.filter((d) => /^SCAN /.test(d))).toEqual([]);
  });

  it("keeps one prepared statement per connection", () => {
    const other = createFixture();
    const [o, a] = [other.user("O"), other.user("A")];
    const d = other.device(o);
    other.share(o, a, [d]);
    expect(
      checkAccess(other.db, { userId: a, deviceId: d, operation: "view", now: T0 }),
    ).toMatchObject({ allowed: true });
    const first = createFixture();
    expect(
      checkAccess(first.db, { userId: a, deviceId: d, operation: "view", now: T0 }),
    ).toMatchObject({ allowed: false });
    expect(
      checkAccess(other.db, { userId: a, deviceId: d, operation: "view", now: T0 }),
    ).toMatchObject({ allowed: true });
  });
});
