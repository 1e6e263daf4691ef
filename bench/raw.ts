// Raw SQL beside the engine, on either engine, for what must not go through the domain:
// bulk seeding in SQL, the raw-insert floors, counts and plans. SQLite: a better-sqlite3
// connection with the engine's pragmas (the engine's own connections are query_only outside
// transaction()); PostgreSQL: one pg client, read-write (the engine's pool is read-only by
// default). Statements use `$1, $2, …` placeholders on both.
import type Database from "better-sqlite3";
import pg from "pg";
import type { EngineKind } from "@/db/engine";
import type { BenchDatabase } from "./databases";
import { rawSqlite } from "./sqlite-file";

export type Raw = {
  kind: EngineKind;
  /** Runs one statement; returns the rows it changed. */
  run(text: string, params?: unknown[]): Promise<number>;
  all<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** `fn` inside one write transaction on this connection. */
  tx<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export async function openRaw(where: BenchDatabase): Promise<Raw> {
  if (where.config.kind === "postgres") {
    const c = new pg.Client({ connectionString: where.config.url });
    await c.connect();
    return {
      kind: "postgres",
      run: async (text, params = []) => (await c.query(text, params)).rowCount ?? 0,
      all: async <T>(text: string, params: unknown[] = []) =>
        (await c.query(text, params)).rows as T[],
      async tx(fn) {
        await c.query("begin");
        try {
          const out = await fn();
          await c.query("commit");
          return out;
        } catch (e) {
          await c.query("rollback");
          throw e;
        }
      },
      close: () => c.end(),
    };
  }
  const c = rawSqlite(where.config.path);
  const prepared = new Map<string, Database.Statement<unknown[]>>();
  // `$n` → `?` with the values in the order the placeholders appear; each text prepared once.
  const bind = (text: string, params: unknown[]) => {
    const order: unknown[] = [];
    const sql = text.replace(/\$(\d+)/g, (_, n: string) => {
      order.push(params[Number(n) - 1]);
      return "?";
    });
    let stmt = prepared.get(sql);
    if (!stmt) prepared.set(sql, (stmt = c.prepare<unknown[]>(sql)));
    return { stmt, order };
  };
  return {
    kind: "sqlite",
    run: async (text, params = []) => {
      const { stmt, order } = bind(text, params);
      return stmt.run(...order).changes;
    },
    all: async <T>(text: string, params: unknown[] = []) => {
      const { stmt, order } = bind(text, params);
      return stmt.all(...order) as T[];
    },
    async tx(fn) {
      c.exec("BEGIN IMMEDIATE");
      try {
        const out = await fn();
        c.exec("COMMIT");
        return out;
      } catch (e) {
        c.exec("ROLLBACK");
        throw e;
      }
    },
    close: async () => void c.close(),
  };
}

/** `WITH n(v)` holding 0 … n-1: a recursive CTE on SQLite, generate_series on PostgreSQL. */
export const upTo = (kind: EngineKind, n: number, v = "i"): string =>
  kind === "postgres"
    ? `WITH n(${v}) AS (SELECT generate_series(0, ${n - 1}))`
    : `WITH RECURSIVE n(${v}) AS (SELECT 0 UNION ALL SELECT ${v} + 1 FROM n WHERE ${v} < ${n - 1})`;

/**
 * After a bulk load, what a restored backup would be. SQLite: the app never runs ANALYZE,
 * so neither does the bench (the WAL is checkpointed). PostgreSQL: autovacuum vacuums and
 * analyzes new tables within a minute of a bulk load (its insert threshold); VACUUM ANALYZE
 * now instead of waiting for it.
 */
export async function settle(raw: Raw): Promise<void> {
  if (raw.kind === "postgres") await raw.run("vacuum analyze");
  else await raw.all("pragma wal_checkpoint(TRUNCATE)");
}

export async function countItems(raw: Raw): Promise<number> {
  const [{ n }] = await raw.all<{ n: number | string }>("SELECT count(*) AS n FROM share_items");
  return Number(n);
}
