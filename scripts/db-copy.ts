// npm run db:copy -- --from ./data/keyshare.db --to postgres://user:pass@host:5432/keyshare
// Copies an SQLite database into an empty PostgreSQL database (db/copy/sqlite-to-pg.ts).
import { parseArgs } from "node:util";
import { copySqliteToPg, redact } from "@/db/copy/sqlite-to-pg";

const USAGE =
  "usage: npm run db:copy -- --from ./data/keyshare.db --to postgres://user:pass@host:5432/database";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { from: { type: "string" }, to: { type: "string" }, "batch-size": { type: "string" } },
  });
  if (!values.from || !values.to) {
    console.error(USAGE);
    return 2;
  }
  const started = Date.now();
  const result = await copySqliteToPg({
    from: values.from,
    to: values.to,
    batchSize: values["batch-size"] ? Number(values["batch-size"]) : undefined,
    log: (line) => console.log(line),
  });
  const rows = result.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `Copied ${rows} rows in ${result.tables.length} tables to ${redact(values.to)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`db:copy failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
