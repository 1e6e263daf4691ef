// `npm run db:copy`: an SQLite database into an empty PostgreSQL database, so a deployment
// that outgrows the embedded default keeps its data. Every table in foreign-key order, in one
// PostgreSQL transaction, rows streamed in batches, row counts checked before COMMIT.
import Database from "better-sqlite3";
import { is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import fs from "node:fs";
import pg from "pg";
import { isPostgresUrl } from "../engine/config";
import { migratePostgres } from "../engine/postgres";
import { pgSchema } from "../engine/tables";
import { copyOrder, type TablePlan } from "./plan";

export type CopyOptions = {
  from: string;
  to: string;
  /** Rows per INSERT (default 5,000). */
  batchSize?: number;
  log?: (line: string) => void;
  /** Test seam: runs inside the transaction after each table is copied, before its count check. */
  afterTable?: (table: string, client: pg.ClientBase) => Promise<void>;
};
export type CopyResult = { tables: { name: string; rows: number }[] };

export class CopyError extends Error {
  override name = "CopyError";
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function copySqliteToPg(opts: CopyOptions): Promise<CopyResult> {
  const log = opts.log ?? (() => {});
  const batchSize = opts.batchSize ?? 5000;
  if (!isPostgresUrl(opts.to))
    throw new CopyError("--to must be a postgres:// or postgresql:// URL");
  if (!fs.existsSync(opts.from)) throw new CopyError(`--from: no SQLite database at ${opts.from}`);

  const plans = copyOrder(
    Object.values(pgSchema as Record<string, unknown>).filter((v): v is PgTable => is(v, PgTable)),
  );
  const source = new Database(opts.from, { fileMustExist: true });
  source.pragma("query_only = ON");
  const target = new pg.Client({ connectionString: opts.to });
  try {
    checkSourceShape(source, plans);
    await target.connect();
    await refuseForeignTables(target, plans);
    await migratePostgres(opts.to); // idempotent: creates the tables in an empty database
    log(
      `Schema up to date on ${redact(opts.to)}; copying ${plans.length} tables from ${opts.from}`,
    );

    // One snapshot of the source for all tables, so their rows agree with each other even
    // if a server is still writing to it.
    source.exec("BEGIN");
    await target.query("BEGIN");
    try {
      // Nothing else may write these tables until we commit (e.g. a server already started on them).
      await target.query(
        `LOCK TABLE ${plans.map((p) => ident(p.name)).join(", ")} IN EXCLUSIVE MODE`,
      );
      for (const p of plans) {
        const { rows } = await target.query(
          `select exists (select 1 from ${ident(p.name)}) as has`,
        );
        if (rows[0].has)
          throw new CopyError(
            `The target database is not empty (table ${p.name} has rows): copy into an empty database.`,
          );
      }
      const result: CopyResult = { tables: [] };
      for (const p of plans) {
        const copied = await copyTable(source, target, p, batchSize);
        await opts.afterTable?.(p.name, target);
        const expected = (
          source.prepare(`select count(*) as n from ${ident(p.name)}`).get() as { n: number }
        ).n;
        const { rows } = await target.query(`select count(*)::int as n from ${ident(p.name)}`);
        if (copied !== expected || rows[0].n !== expected) {
          throw new CopyError(
            `Row count mismatch in ${p.name}: SQLite has ${expected}, ` +
              `PostgreSQL has ${rows[0].n} (${copied} copied). Nothing was committed.`,
          );
        }
        result.tables.push({ name: p.name, rows: expected });
        log(`  ${p.name.padEnd(20)} ${String(expected).padStart(9)} rows`);
      }
      await target.query("COMMIT");
      await target.query("ANALYZE"); // fresh planner statistics for the new data
      return result;
    } catch (e) {
      await target.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      if (source.inTransaction) source.exec("COMMIT");
    }
  } finally {
    source.close();
    await target.end().catch(() => {});
  }
}

/** Streams one table (iterate() reads a row at a time) into batched INSERT … SELECT FROM unnest. */
async function copyTable(
  source: Database.Database,
  target: pg.Client,
  p: TablePlan,
  batchSize: number,
): Promise<number> {
  const names = p.columns.map((c) => ident(c.name)).join(", ");
  const unnest = p.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const insert = `insert into ${ident(p.name)} (${names}) select * from unnest(${unnest})`;
  const rows = source
    .prepare(`select ${names} from ${ident(p.name)}`)
    .raw(true)
    .iterate() as IterableIterator<unknown[]>;
  let arrays: unknown[][] = p.columns.map(() => []);
  let pending = 0;
  let total = 0;
  const flush = async () => {
    if (!pending) return;
    await target.query(insert, arrays);
    total += pending;
    arrays = p.columns.map(() => []);
    pending = 0;
  };
  for (const row of rows) {
    for (let i = 0; i < row.length; i++)
      arrays[i].push(p.columns[i].boolean && row[i] !== null ? row[i] !== 0 : row[i]);
    if (++pending >= batchSize) await flush();
  }
  await flush();
  return total;
}

/** The source must have this version's tables and columns (it is migrated when Keyshare starts on it). */
function checkSourceShape(source: Database.Database, plans: TablePlan[]): void {
  for (const p of plans) {
    const have = (source.pragma(`table_info(${ident(p.name)})`) as { name: string }[])
      .map((c) => c.name)
      .sort();
    const want = p.columns.map((c) => c.name).sort();
    if (have.join() !== want.join()) {
      throw new CopyError(
        "The SQLite database does not match this version of Keyshare " +
          `(table ${p.name}: has [${have.join(", ")}], expected [${want.join(", ")}]). ` +
          "Start Keyshare on it once so it migrates, then copy again.",
      );
    }
  }
}

async function refuseForeignTables(target: pg.Client, plans: TablePlan[]): Promise<void> {
  const { rows } = await target.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public'",
  );
  const ours = new Set(plans.map((p) => p.name));
  const foreign = rows.map((r) => r.table_name).filter((n) => !ours.has(n));
  if (foreign.length)
    throw new CopyError(
      `The target database has other tables (${foreign.sort().join(", ")}): copy into an empty database.`,
    );
}

export const redact = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:…@");
