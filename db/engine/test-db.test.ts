// The test-database factory every suite will use: KEYSHARE_TEST_DB picks the default engine
// (npm run test:unit:pg sets it to postgres), each database is migrated and isolated, and
// close() removes it.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { engineKindOf, transaction } from "@/db/engine";
import { withAdmin } from "@/tests/support/db/pg-admin";
import { availableEngines, createTestDb, testEngineKind } from "@/tests/support/db/test-db";
import { userRow } from "@/tests/support/db/rows";

async function exists(location: string): Promise<boolean> {
  if (!location.startsWith("postgres")) return fs.existsSync(location);
  const name = new URL(location).pathname.slice(1);
  return withAdmin(
    async (c) =>
      (await c.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1,
  );
}

describe("createTestDb()", () => {
  it("defaults to the engine KEYSHARE_TEST_DB names", async () => {
    expect(testEngineKind()).toBe(
      process.env.KEYSHARE_TEST_DB === "postgres" ? "postgres" : "sqlite",
    );
    const tdb = await createTestDb();
    try {
      expect(engineKindOf(tdb.db)).toBe(testEngineKind());
    } finally {
      await tdb.close();
    }
  });

  describe.each(availableEngines())("on %s", (kind) => {
    it("gives migrated, isolated databases and removes each on close()", async () => {
      const [a, b] = await Promise.all([createTestDb(kind), createTestDb(kind)]);
      try {
        expect(a.location).not.toBe(b.location);
        await transaction(a.db, async (tx) => void (await tx.insert(a.t.users).values(userRow())));
        expect(await a.db.$count(a.t.users)).toBe(1);
        expect(await b.db.$count(b.t.users)).toBe(0);
        expect(await exists(a.location)).toBe(true);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
      expect(await exists(a.location)).toBe(false);
      expect(await exists(b.location)).toBe(false);
    });
  });
});
