/**
 * `npm start`: everything a fresh clone needs, then the server. Picks the engine from the
 * environment (DATABASE_URL=postgres://… or postgresql://… selects PostgreSQL, otherwise the
 * SQLite file at DATABASE_PATH), applies that engine's migrations, creates AUTH_SECRET, seeds
 * an empty database, builds when the build is missing or older than the sources, and serves
 * on PORT.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { closeDb, engineConfigFromEnv, migrateDb, openDb } from "../db/engine";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedIfEmpty } from "./seed/seed";
import { lockDemoAccounts } from "../lib/accounts/demo-lock";
import { demoSeedAllowed, isLocalAppUrl } from "../lib/platform/dev-tools";
import { buildIsCurrent, writeBuildStamp } from "./build-stamp";

const port = process.env.PORT ?? "3000";
const engine = engineConfigFromEnv();
// The folder for the generated AUTH_SECRET (and the SQLite file): DATABASE_PATH's folder.
const dataDir = path.dirname(
  engine.kind === "sqlite"
    ? engine.path
    : path.resolve(process.env.DATABASE_PATH ?? "./data/keyshare.db"),
);
fs.mkdirSync(dataDir, { recursive: true });

if (!process.env.AUTH_SECRET) {
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file))
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
  // Every app server must sign with the same secret: on other machines set AUTH_SECRET.
  if (engine.kind === "postgres")
    console.log(`AUTH_SECRET from ${file}: give every app server on this database the same one.`);
}
process.env.AUTH_TRUST_HOST ??= "true";
process.env.APP_URL ??= `http://localhost:${port}`;
if (engine.kind === "sqlite") process.env.DATABASE_PATH = engine.path;

// Several servers starting at once migrate once (PostgreSQL: an advisory lock; SQLite: the
// file's write lock).
const db = openDb(engine);
await migrateDb(db);
// Demo accounts have a published password: only on a local install (or KEYSHARE_SEED=demo).
const demo = demoSeedAllowed();
if (demo) await seedIfEmpty(db, Date.now());
else if (!isLocalAppUrl(process.env.APP_URL)) {
  const locked = await lockDemoAccounts(
    db,
    DEMO_ACCOUNTS.map((a) => a.email),
    DEMO_PASSWORD,
  );
  if (locked.length)
    console.log(`APP_URL is not local: the demo password no longer opens ${locked.join(", ")}.`);
}
await closeDb(db);

if (!buildIsCurrent()) {
  console.log("Building Keyshare (first start or sources changed)…");
  const r = spawnSync(process.execPath, [require_("next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: process.env,
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeBuildStamp();
}

function require_(id: string): string {
  return path.join(process.cwd(), "node_modules", id);
}

const where =
  engine.kind === "sqlite"
    ? path.relative(process.cwd(), engine.path) || engine.path
    : `PostgreSQL ${engine.url.replace(/\/\/[^@/]*@/, "//…@")}`;
console.log(`\nKeyshare on ${process.env.APP_URL}  (database: ${where})`);
if (demo) {
  console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(24)} ${a.name} — ${a.role}`);
}
// scripts/serve.ts: Next.js in one process per CPU, shedding load it cannot take with a 503.
const child = spawn(
  process.execPath,
  ["--import", "tsx", path.join(process.cwd(), "scripts/serve.ts")],
  {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", PORT: port },
  },
);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
