// A separate process writing to one SQLite file through db/engine: argv = file, key, rounds.
// Prints "ready", waits for "go" on stdin, runs `rounds` read-then-write transactions with
// awaits inside, prints "done", exits. Run with `node --import tsx`.
import { eq } from "drizzle-orm";
import { closeDb, first, openDb, tablesFor, transaction } from "@/db/engine";

const [file, key, rounds] = process.argv.slice(2);
const db = openDb({ kind: "sqlite", path: file });
const t = tablesFor("sqlite");

async function run() {
  for (let i = 0; i < Number(rounds); i++) {
    await transaction(db, async (tx) => {
      const row = first(await tx.select().from(t.rateLimits).where(eq(t.rateLimits.key, key)));
      await new Promise((r) => setTimeout(r, Math.random() * 2));
      await tx
        .update(t.rateLimits)
        .set({ count: row!.count + 1 })
        .where(eq(t.rateLimits.key, key));
    });
  }
  await closeDb(db);
}

process.stdout.write("ready\n");
process.stdin.once("data", () => {
  run().then(
    () => {
      process.stdout.write("done\n");
      process.exit(0);
    },
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exit(1);
    },
  );
});
