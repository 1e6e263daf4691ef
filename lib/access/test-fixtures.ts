// Small fixture builders for the access tests: a fresh migrated database (either engine) and helpers
// that insert rows directly with drizzle, bypassing the sharing domain on purpose (the
// access check must hold for whatever state the data is in).
import { transaction } from "@/db/engine";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { freshDb } from "@/tests/support/db/fresh";
import { devices, services, shareItems, shares, users } from "@/db/schema";

export const T0 = Date.UTC(2026, 11, 7, 12, 0); // Monday 7 Dec 2026, 12:00 UTC

export type ShareOverrides = Partial<typeof shares.$inferInsert>;

export interface Fixture {
  db: Db;
  user(name: string): Promise<string>;
  device(ownerId: string, name?: string): Promise<string>;
  service(deviceId: string, name?: string): Promise<string>;
  /** An accepted (active) share from sharer to recipient holding the given devices. */
  share(
    sharerId: string,
    recipientId: string | null,
    deviceIds: string[],
    opts?: ShareOverrides & {
      serviceIds?: string[] | null;
    },
  ): Promise<string>;
  /** Adds a device to an existing share; returns the item id. */
  item(
    shareId: string,
    deviceId: string,
    opts?: { serviceIds?: string[] | null; removedAt?: number },
  ): Promise<string>;
}

export async function createFixture(): Promise<Fixture> {
  const db = await freshDb();
  let seq = 0;
  const id = (prefix: string) => `${prefix}-${++seq}`;
  const emails = new Map<string, string>();

  const f: Fixture = {
    db,
    async user(name) {
      const userId = id("user");
      const email = `${name.toLowerCase()}-${seq}@example.test`;
      emails.set(userId, email);
      await transaction(db, async (tx) =>
        tx.insert(users).values({ id: userId, email, name, createdAt: T0 }),
      );
      return userId;
    },
    async device(ownerId, name = "Gateway") {
      const deviceId = id("device");
      await transaction(db, async (tx) =>
        tx.insert(devices).values({
          id: deviceId,
          ownerId,
          name,
          hardwareId: `80:00:${seq}`,
          createdAt: T0,
          updatedAt: T0,
        }),
      );
      return deviceId;
    },
    async service(deviceId, name = "SSH") {
      const serviceId = id("service");
      await transaction(db, async (tx) =>
        tx
          .insert(services)
          .values({ id: serviceId, deviceId, name, kind: name, port: 22, createdAt: T0 }),
      );
      return serviceId;
    },
    async share(sharerId, recipientId, deviceIds, opts = {}) {
      const { serviceIds, ...overrides } = opts;
      const shareId = id("share");
      const recipientEmail =
        (recipientId && emails.get(recipientId)) || `invitee-${seq}@example.test`;
      await transaction(db, async (tx) =>
        tx.insert(shares).values({
          id: shareId,
          sharerId,
          recipientEmail,
          recipientId,
          permissions: "view,operate,configure,scripts,remote",
          status: "active",
          createdAt: T0,
          ...overrides,
        }),
      );
      for (const deviceId of deviceIds) await f.item(shareId, deviceId, { serviceIds });
      return shareId;
    },
    async item(shareId, deviceId, opts = {}) {
      const [share] = await db
        .select({
          sharer_id: shares.sharerId,
          recipient_email: shares.recipientEmail,
          status: shares.status,
        })
        .from(shares)
        .where(eq(shares.id, shareId));
      const itemId = id("item");
      const live =
        opts.removedAt == null && (share.status === "pending" || share.status === "active")
          ? 1
          : null;
      await transaction(db, async (tx) =>
        tx.insert(shareItems).values({
          id: itemId,
          shareId,
          deviceId,
          sharerId: share.sharer_id,
          recipientEmail: share.recipient_email,
          serviceIds: opts.serviceIds == null ? null : JSON.stringify(opts.serviceIds),
          live,
          addedAt: T0,
          removedAt: opts.removedAt ?? null,
        }),
      );
      return itemId;
    },
  };
  return f;
}
