import { affected, type Conn, transaction } from "@/db/engine";
// Idempotency-Key: the first successful answer to a POST is stored with a hash of the request,
// in the same transaction as the change it answers. A retry with the same key and the same
// request gets that answer back and writes nothing; the same key with another request is a 422.
import { createHash } from "node:crypto";
import { and, eq, lte } from "drizzle-orm";
import { apiIdempotencyKeys } from "@/db/schema";
import { DAY } from "@/lib/platform/time";

export const IDEMPOTENCY_TTL_MS = DAY;
export const IDEMPOTENCY_KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

export function requestHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

export type StoredAnswer = { requestHash: string; status: number; body: string };

export async function findAnswer(
  db: Conn,
  userId: string,
  key: string,
  now: number,
): Promise<StoredAnswer | null> {
  const row = (
    await db
      .select()
      .from(apiIdempotencyKeys)
      .where(and(eq(apiIdempotencyKeys.userId, userId), eq(apiIdempotencyKeys.key, key)))
  )[0];
  if (!row || row.createdAt <= now - IDEMPOTENCY_TTL_MS) return null;
  return row;
}

/**
 * Inside the write's transaction. An expired row with the same key is replaced; a live one
 * is left alone and the answer is false: another request with this key committed first.
 */
export async function storeAnswer(
  db: Conn,
  args: { userId: string; key: string; answer: StoredAnswer; now: number },
): Promise<boolean> {
  const stored = await transaction(db, async (tx) =>
    tx
      .insert(apiIdempotencyKeys)
      .values({ userId: args.userId, key: args.key, ...args.answer, createdAt: args.now })
      .onConflictDoUpdate({
        target: [apiIdempotencyKeys.userId, apiIdempotencyKeys.key],
        set: { ...args.answer, createdAt: args.now },
        setWhere: lte(apiIdempotencyKeys.createdAt, args.now - IDEMPOTENCY_TTL_MS),
      })
      .returning({ key: apiIdempotencyKeys.key }),
  );
  return stored.length === 1;
}

/** Housekeeping: answers older than 24 h are no longer replayed. */
export async function purgeIdempotencyKeys(db: Conn, now: number): Promise<number> {
  return affected(
    await transaction(db, async (tx) =>
      tx
        .delete(apiIdempotencyKeys)
        .where(lte(apiIdempotencyKeys.createdAt, now - IDEMPOTENCY_TTL_MS)),
    ),
  );
}
