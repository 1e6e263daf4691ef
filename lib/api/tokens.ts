// Personal access tokens: `ks_` + 43 base64url characters (32 random bytes = 256 bits).
// Only the SHA-256 of a token is stored; authentication is one lookup on its unique index,
// joined to the user, on every request (no cache: a revoke or an expiry holds at once).
import { randomBytes } from "node:crypto";
import { and, count, desc, eq, isNull, lte, or } from "drizzle-orm";
import { affected, type Conn, forUpdate, transaction } from "@/db/engine";
import { apiTokens, users, type ApiToken, type User } from "@/db/schema";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { newId, TOKEN_CHARS } from "@/lib/platform/ids";
import { hashToken } from "@/lib/platform/token-hash";
import { DAY } from "@/lib/platform/time";

export const TOKEN_PREFIX = "ks_";
export const TOKEN_BYTES = 32;
export const SCOPES = ["read", "write"] as const;
export type Scope = (typeof SCOPES)[number];
/** Days a new token lives; null = never expires. */
export const TOKEN_LIFETIMES = [30, 90, 365, null] as const;
export const MAX_TOKENS_PER_USER = 50;
/** last_used_at is written at most this often per token: one small write a minute, not one per request. */
export const LAST_USED_GRANULARITY_MS = 60_000;

const TOKEN_SHAPE = new RegExp(`^ks_${TOKEN_CHARS}$`);

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString("base64url");
}

export function parseScopes(text: string): Scope[] {
  return SCOPES.filter((s) => text.split(",").includes(s));
}

export type TokenView = Omit<ApiToken, "tokenHash" | "userId"> & { scopeList: Scope[] };

export async function createApiToken(
  db: Conn,
  args: {
    userId: string;
    name: string;
    scopes: readonly Scope[];
    days: number | null;
    now: number;
  },
): Promise<{ token: string; row: TokenView }> {
  const scopes = SCOPES.filter((s) => args.scopes.includes(s));
  if (!scopes.length) throw new DomainError("Choose at least one scope.", "scopes");
  // Write implies read: a script that may change shares must be able to look at them.
  if (scopes.includes("write") && !scopes.includes("read")) scopes.unshift("read");
  const token = generateToken();
  return transaction(db, async (tx) => {
    // The user's row, locked: on PostgreSQL two creates at once cannot both pass the count.
    await forUpdate(tx.select({ id: users.id }).from(users).where(eq(users.id, args.userId)));
    const live = (
      await tx
        .select({ n: count() })
        .from(apiTokens)
        .where(and(eq(apiTokens.userId, args.userId), isNull(apiTokens.revokedAt)))
    )[0];
    if ((live?.n ?? 0) >= MAX_TOKENS_PER_USER)
      throw new DomainError(
        `You can have at most ${MAX_TOKENS_PER_USER} tokens. Revoke one you no longer use.`,
        "name",
      );
    const row: ApiToken = {
      id: newId(),
      userId: args.userId,
      name: args.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, 7),
      scopes: scopes.join(","),
      createdAt: args.now,
      lastUsedAt: null,
      expiresAt: args.days == null ? null : args.now + args.days * DAY,
      revokedAt: null,
    };
    await tx.insert(apiTokens).values(row);
    return { token, row: toView(row) };
  });
}

function toView(row: ApiToken): TokenView {
  const { tokenHash, userId, ...rest } = row;
  void tokenHash; // never leaves this module
  void userId;
  return { ...rest, scopeList: parseScopes(rest.scopes) };
}

/** The user's tokens that still count (revoked ones disappear from the list), newest first. */
export async function listApiTokens(db: Conn, userId: string): Promise<TokenView[]> {
  return (
    await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
  ).map(toView);
}

/** Revoking someone else's token, or one already revoked, is "not found". */
export async function revokeApiToken(
  db: Conn,
  args: { userId: string; tokenId: string; now: number },
) {
  const res = await transaction(db, async (tx) =>
    tx
      .update(apiTokens)
      .set({ revokedAt: args.now })
      .where(
        and(
          eq(apiTokens.id, args.tokenId),
          eq(apiTokens.userId, args.userId),
          isNull(apiTokens.revokedAt),
        ),
      ),
  );
  if (affected(res) !== 1) throw new NotFoundError("Token not found");
}

export type TokenAuth = { user: User; tokenId: string; scopes: Scope[] };

/**
 * The user and scopes of a bearer token, or null when it is malformed, unknown, revoked or
 * expired (all the same 401 to the caller). One indexed lookup; last_used_at is refreshed
 * at most once a minute by a guarded update.
 */
export async function authenticateToken(
  db: Conn,
  token: string,
  now: number,
): Promise<TokenAuth | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const found = (
    await db
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.tokenHash, hashToken(token)))
  )[0];
  if (!found) return null;
  const t = found.token;
  if (t.revokedAt != null || (t.expiresAt != null && t.expiresAt <= now)) return null;
  if (t.lastUsedAt == null || t.lastUsedAt <= now - LAST_USED_GRANULARITY_MS) {
    await transaction(db, async (tx) =>
      tx
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(
          and(
            eq(apiTokens.id, t.id),
            or(
              isNull(apiTokens.lastUsedAt),
              lte(apiTokens.lastUsedAt, now - LAST_USED_GRANULARITY_MS),
            ),
          ),
        ),
    );
  }
  return { user: found.user, tokenId: t.id, scopes: parseScopes(t.scopes) };
}

/** Bearer token from an Authorization header (case-insensitive scheme), or null. */
export function bearerToken(header: string | null): string | null {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? "");
  return m ? m[1] : null;
}
