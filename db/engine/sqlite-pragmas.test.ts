import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transaction } from "@/db/engine";
import { sqliteClient } from "@/tests/support/db/raw";
import { createTestDb, type TestDb } from "@/tests/support/db/test-db";
import { CACHE_KIB, MMAP_BYTES } from "./sqlite";

// The fleet-size access check depends on these (bench/, issue 16): a default 2 MB cache and
// no memory map put its p99 over budget at 1,000,000 share items.
describe("SQLite: page cache and memory map on every connection", () => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb("sqlite");
  });
  afterAll(() => tdb?.close());

  it("sets cache_size and mmap_size on the reader and on the writer", async () => {
    const reader = sqliteClient(tdb.db);
    expect(reader.pragma("cache_size", { simple: true })).toBe(CACHE_KIB);
    expect(reader.pragma("mmap_size", { simple: true })).toBe(MMAP_BYTES);
    // The writer is reached only inside transaction().
    const seen = await transaction(tdb.db, async (tx) => [
      (await tx.execute(sql`pragma cache_size`)).rows[0],
      (await tx.execute(sql`pragma mmap_size`)).rows[0],
    ]);
    expect(seen).toEqual([{ cache_size: CACHE_KIB }, { mmap_size: MMAP_BYTES }]);
  });
});
