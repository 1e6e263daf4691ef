import { transaction } from "@/db/engine";
import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { shareItems } from "@/db/schema";
import { checkAccess, describeAccess, listAccessibleDevices } from "./check";
import { T0, createFixture, type Fixture } from "./test-fixtures";
import { HOUR } from "@/lib/platform/time";

let f: Fixture;
let owner: string, alice: string;

beforeEach(async () => {
  f = await createFixture();
  owner = await f.user("Owner");
  alice = await f.user("Alice");
});

describe("listAccessibleDevices", () => {
  it("lists only devices in effect now, with permissions and shared services", async () => {
    const [zeta, alpha, gone, later, night, ended, pending, paused, removed] = await [
      "Zeta",
      "Alpha",
      "Gone",
      "Later",
      "Night",
      "Ended",
      "Pending",
      "Paused",
      "Removed",
    ].reduce<Promise<string[]>>(
      async (acc, name) => [...(await acc), await f.device(owner, name)],
      Promise.resolve([]),
    );
    const ssh = await f.service(alpha, "SSH");
    await f.service(alpha, "HTTP");
    const zetaWeb = await f.service(zeta, "Web");
    const shareId = await f.share(owner, alice, [zeta, alpha], {
      permissions: "view,operate",
      expiresAt: T0 + HOUR,
    });
    await f.item(shareId, removed, { removedAt: T0 - HOUR });
    await transaction(f.db, async (tx) => {
      await tx
        .update(shareItems)
        .set({ serviceIds: JSON.stringify([ssh]) })
        .where(eq(shareItems.deviceId, alpha));
    });
    await f.share(owner, alice, [gone], { expiresAt: T0 });
    await f.share(owner, alice, [later], { startsAt: T0 + HOUR });
    await f.share(owner, alice, [night], { windowStart: 1320, windowEnd: 360 });
    await f.share(owner, alice, [ended], { status: "cancelled" });
    await f.share(owner, alice, [pending], { status: "pending" });
    await f.share(owner, alice, [paused], { suspendedAt: T0 - HOUR });

    const list = await listAccessibleDevices(f.db, { userId: alice, now: T0 });
    expect(list.map((d) => d.name)).toEqual(["Alpha", "Zeta"]);
    expect(list[0]).toMatchObject({
      deviceId: alpha,
      shareId,
      sharerId: owner,
      ownerId: owner,
      permissions: ["view", "operate"],
      serviceIds: [ssh],
      services: [{ id: ssh, name: "SSH", kind: "SSH", port: 22 }],
      expiresAt: T0 + HOUR,
      remoteAccess: true,
    });
    expect(list[1]).toMatchObject({ serviceIds: null, services: [{ id: zetaWeb, name: "Web" }] });
  });

  it("agrees with checkAccess as time passes", async () => {
    const d = await f.device(owner, "Gateway");
    await f.share(owner, alice, [d], {
      windowStart: 480,
      windowEnd: 1080,
      timeZone: "Europe/Berlin",
    });
    for (const now of [
      Date.UTC(2026, 11, 7, 6, 59),
      Date.UTC(2026, 11, 7, 7),
      Date.UTC(2026, 11, 7, 17),
    ]) {
      const listed = (await listAccessibleDevices(f.db, { userId: alice, now })).length === 1;
      expect(listed).toBe(
        (await checkAccess(f.db, { userId: alice, deviceId: d, operation: "view", now })).allowed,
      );
    }
  });

  it("is empty for users without shares", async () => {
    await f.share(owner, alice, [await f.device(owner)]);
    expect(await listAccessibleDevices(f.db, { userId: owner, now: T0 })).toEqual([]);
  });
});

describe("describeAccess", () => {
  const now = Date.UTC(2026, 11, 7, 5); // Monday 06:00 in Berlin

  it("words allowed and not granted per operation", () => {
    expect(
      describeAccess(
        { allowed: true, reason: "shared", permissions: ["operate"], serviceIds: null },
        { operation: "operate" },
      ),
    ).toBe("Operate: allowed");
    expect(
      describeAccess(
        { allowed: false, reason: "permission_not_granted" },
        { operation: "configure" },
      ),
    ).toBe("Configure: not granted");
    expect(
      describeAccess({ allowed: false, reason: "remote_disabled" }, { operation: "remote" }),
    ).toBe("Remote access: disabled by the sharer");
    expect(describeAccess({ allowed: false, reason: "expired" }, { operation: "scripts" })).toBe(
      "Run scripts: sharing expired",
    );
  });

  it("says until when, in the share's zone, as briefly as is clear", () => {
    const at8 = Date.UTC(2026, 11, 7, 7);
    const denied = {
      allowed: false as const,
      reason: "outside_window" as const,
      until: at8,
      timeZone: "Europe/Berlin",
    };
    expect(describeAccess(denied, { now })).toBe("Outside the schedule until 08:00");
    expect(describeAccess({ ...denied, until: at8 + 24 * HOUR }, { now })).toBe(
      "Outside the schedule until Tue 08:00",
    );
    expect(describeAccess({ ...denied, until: at8 + 30 * 24 * HOUR }, { now })).toBe(
      "Outside the schedule until 6 Jan 2027, 08:00",
    );
    expect(describeAccess(denied)).toBe("Outside the schedule until 7 Dec 2026, 08:00");
    expect(
      describeAccess(
        { allowed: false, reason: "not_started", until: at8 + 24 * HOUR },
        { now, operation: "view" },
      ),
    ).toBe("View: not started yet, starts Tue 07:00");
  });

  it("has words for every reason", () => {
    const reasons = [
      "not_shared",
      "not_started",
      "outside_window",
      "expired",
      "cancelled",
      "suspended",
      "service_not_shared",
      "permission_not_granted",
      "remote_disabled",
    ] as const;
    const texts = reasons.map((reason) => describeAccess({ allowed: false, reason }));
    expect(new Set(texts).size).toBe(reasons.length);
    expect(texts).toContain("Not shared with you");
    expect(texts).toContain("Sharing suspended");
  });
});
