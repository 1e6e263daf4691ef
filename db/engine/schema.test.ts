import { is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as pgSchema from "@/db/schema-pg";

describe("db/engine/schema (the env-switched tables)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("exports every table of the schema", async () => {
    const mod = await import("./schema");
    const tables = Object.keys(pgSchema).filter((k) =>
      is((pgSchema as Record<string, unknown>)[k], PgTable),
    );
    expect(Object.keys(mod).sort()).toEqual(tables.sort());
  });

  it.each([
    ["postgres://u@h/db", PgTable],
    ["postgresql://u@h/db", PgTable],
    ["", SQLiteTable],
  ] as const)("DATABASE_URL=%s gives the engine's own table objects", async (url, kind) => {
    vi.stubEnv("DATABASE_URL", url);
    vi.resetModules();
    const mod = await import("./schema");
    expect(is(mod.shareItems, kind)).toBe(true);
    expect(is(mod.users, kind)).toBe(true);
  });
});
