import path from "node:path";
import type { EngineKind } from "./types";

export type EngineConfig =
  { kind: "sqlite"; path: string } | { kind: "postgres"; url: string; poolSize: number };

type Env = Record<string, string | undefined>;

const PG_URL = /^postgres(ql)?:\/\//i;

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && PG_URL.test(url);
}

/**
 * Which engine this process uses: DATABASE_URL=postgres://… or postgresql://… selects
 * PostgreSQL (pool size DATABASE_POOL_SIZE, default 10); anything else is the embedded
 * SQLite file at DATABASE_PATH (default ./data/keyshare.db).
 */
export function engineConfigFromEnv(env: Env = process.env): EngineConfig {
  if (isPostgresUrl(env.DATABASE_URL)) {
    const poolSize = Number(env.DATABASE_POOL_SIZE ?? 10);
    if (!Number.isInteger(poolSize) || poolSize < 1)
      throw new Error(
        `DATABASE_POOL_SIZE must be a positive integer, got "${env.DATABASE_POOL_SIZE}"`,
      );
    return { kind: "postgres", url: env.DATABASE_URL, poolSize };
  }
  return {
    kind: "sqlite",
    path: path.resolve(/* turbopackIgnore: true */ env.DATABASE_PATH ?? "./data/keyshare.db"),
  };
}

export function engineKindFromEnv(env: Env = process.env): EngineKind {
  return isPostgresUrl(env.DATABASE_URL) ? "postgres" : "sqlite";
}
