import { z } from "zod";

// No node: imports: the id schema reaches client forms through lib/devices/validation.
export const newId = (): string => crypto.randomUUID();

/** Any id a caller sends (row ids are UUIDs; 64 leaves room and bounds the input). */
export const idSchema = z.string().trim().min(1).max(64);

/** 32 random bytes (or an HMAC-SHA256) as base64url: the 43 characters of every secret token. */
export const TOKEN_CHARS = "[A-Za-z0-9_-]{43}";
const tokenShape = new RegExp(`^${TOKEN_CHARS}$`);

/** Cheap shape check before touching the database: anything else is not looked up at all. */
export const looksLikeToken = (token: unknown): token is string =>
  typeof token === "string" && tokenShape.test(token);
