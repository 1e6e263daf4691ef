// Minimal valid rows for the engine-layer tests (the same objects on both engines).
import { randomUUID } from "node:crypto";
import type { Schema } from "@/db/engine";

type Insert<K extends keyof Schema> = Schema[K] extends { $inferInsert: infer R } ? R : never;

export const NOW = 1_800_000_000_000; // beyond int4, as every real timestamp is

export function userRow(over: Partial<Insert<"users">> = {}): Insert<"users"> {
  const id = randomUUID();
  return {
    id,
    email: `${id}@example.com`,
    name: "Test User",
    passwordHash: null,
    createdAt: NOW,
    ...over,
  };
}

export function deviceRow(
  ownerId: string,
  over: Partial<Insert<"devices">> = {},
): Insert<"devices"> {
  const id = randomUUID();
  return {
    id,
    ownerId,
    name: `Device ${id.slice(0, 8)}`,
    hardwareId: id,
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}

export function shareRow(sharerId: string, over: Partial<Insert<"shares">> = {}): Insert<"shares"> {
  return {
    id: randomUUID(),
    sharerId,
    recipientEmail: "recipient@example.com",
    permissions: "view",
    status: "pending",
    expiresAt: NOW + 86_400_000,
    createdAt: NOW,
    ...over,
  };
}

export function itemRow(
  share: { id: string; sharerId: string; recipientEmail: string },
  deviceId: string,
  over: Partial<Insert<"shareItems">> = {},
): Insert<"shareItems"> {
  return {
    id: randomUUID(),
    shareId: share.id,
    deviceId,
    sharerId: share.sharerId,
    recipientEmail: share.recipientEmail,
    serviceIds: null,
    live: 1,
    addedAt: NOW,
    ...over,
  };
}

/** Resolves after `ms` on a timer, so other async work really runs in between. */
export const pause = (ms = 1) => new Promise((r) => setTimeout(r, ms));
