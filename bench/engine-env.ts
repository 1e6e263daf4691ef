// Imported first by every bench entry point. "@/db/schema" picks its tables (SQLite's or
// PostgreSQL's) from DATABASE_URL when it is first loaded, and the domain functions measured
// in process use those: with BENCH_DB=postgres they must be PostgreSQL's. Which database the
// bench then opens is its own choice (bench/databases.ts); this URL only selects the dialect.
import { isPostgresUrl } from "@/db/engine/config";

if (process.env.BENCH_DB === "postgres" && !isPostgresUrl(process.env.DATABASE_URL))
  process.env.DATABASE_URL =
    process.env.KEYSHARE_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
if (process.env.BENCH_DB !== "postgres" && isPostgresUrl(process.env.DATABASE_URL))
  throw new Error("DATABASE_URL selects PostgreSQL: unset it, or set BENCH_DB=postgres");
