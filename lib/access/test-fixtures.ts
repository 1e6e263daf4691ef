// Small fixture builders for the access tests: a migrated in-memory database and helpers
// that insert rows directly with drizzle, bypassing the sharing domain on purpose (the
// access check must hold for whatever state the data is in).
import { openDb, type Db } from "@/db/client";
import { devices, services, shareItems, shares, users } from "@/db/schema";

export const T0 = Date.UTC(2026, 11, 7, 12, 0); // Monday 7 Dec 2026, 12:00 UTC

export type ShareOverrides = Partial<typeof shares.$inferInsert>;

export interface Fixture {
  db: Db;
  user(name: string): string;
  device(ownerId: string, name?: string): string;
  service(deviceId: string, name?: string): string;
  /** An accepted (active) share from sharer to recipient holding the given devices. */
  share(
    sharerId: string,
    recipientId: string | null,
    deviceIds: string[],
    opts?: ShareOverrides & {
      serviceIds?: string[] | null;
    },
  ): string;
  /** Adds a device to an existing share; returns the item id. */
  item(
    shareId: string,
    deviceId: string,
    opts?: { serviceIds?: string[] | null; removedAt?: number },
  ): string;
}

export function createFixture(): Fixture {
  const db = openDb(":memory:", { migrate: true });
  let seq = 0;
  const id = (prefix: string) => `${prefix}-${++seq}`;
  const emails = new Map<string, string>();

  const f: Fixture = {
    db,
    user(name) {
      const userId = id("user");
      const email = `${name.toLowerCase()}-${seq}@example.test`;
      emails.set(userId, email);
      db.insert(users).values({ id: userId, email, name, createdAt: T0 }).run();
      return userId;
    },
    device(ownerId, name = "Gateway") {
      const deviceId = id("device");
      db.insert(devices)
        .values({
          id: deviceId,
          ownerId,
          name,
          hardwareId: `80:00:${seq}`,
          createdAt: T0,
          updatedAt: T0,
        })
        .run();
      return deviceId;
    },
    service(deviceId, name = "SSH") {
      const serviceId = id("service");
      db.insert(services)
        .values({ id: serviceId, deviceId, name, kind: name, port: 22, createdAt: T0 })
        .run();
      return serviceId;
    },
    share(sharerId, recipientId, deviceIds, opts = {}) {
      const { serviceIds, ...overrides } = opts;
      const shareId = id("share");
      const recipientEmail =
        (recipientId && emails.get(recipientId)) || `invitee-${seq}@example.test`;
      db.insert(shares)
        .values({
          id: shareId,
          sharerId,
          recipientEmail,
          recipientId,
          permissions: "view,operate,configure,scripts,remote",
          status: "active",
          createdAt: T0,
          ...overrides,
        })
        .run();
      for (const deviceId of deviceIds) f.item(shareId, deviceId, { serviceIds });
      return shareId;
    },
    item(shareId, deviceId, opts = {}) {
      const share = db.$client
        .prepare("SELECT sharer_id, recipient_email, status FROM shares WHERE id = ?")
        .get(shareId) as {
        sharer_id: string;
        recipient_email: string;
        status: string;
      };
      const itemId = id("item");
      const live =
        opts.removedAt == null && (share.status === "pending" || share.status === "active")
          ? 1
          : null;
      db.insert(shareItems)
        .values({
          id: itemId,
          shareId,
          deviceId,
          sharerId: share.sharer_id,
          recipientEmail: share.recipient_email,
          serviceIds: opts.serviceIds == null ? null : JSON.stringify(opts.serviceIds),
          live,
          addedAt: T0,
          removedAt: opts.removedAt ?? null,
        })
        .run();
      return itemId;
    },
  };
  return f;
}
