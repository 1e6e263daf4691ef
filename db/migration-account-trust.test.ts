// The data half of migration 0001 (existing accounts, docs/decisions/0002-existing-accounts.md),
// run on a database as 0000 left it.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const run = (db: Database.Database, file: string) => {
  for (const stmt of fs
    .readFileSync(path.join("db/migrations", file), "utf8")
    .split("--> statement-breakpoint"))
    db.exec(stmt);
};

describe("migration 0001_account_trust", () => {
  it("verifies only the demo accounts, and unbinds pending shares from unverified accounts", () => {
    const db = new Database(":memory:");
    run(db, "0000_init.sql");
    const user = db.prepare("insert into users (id, email, name, created_at) values (?, ?, ?, 5)");
    user.run("owner", "owner@example.com", "Owner");
    user.run("squatter", "carol@corp.test", "Not Carol"); // registered someone else's address
    user.run("old", "old@example.com", "Accepted by id once");
    user.run("demo", "fay@keyshare.demo", "Fay");
    const share = db.prepare(
      "insert into shares (id, sharer_id, recipient_email, recipient_id, permissions, status, created_at) " +
        "values (?, 'owner', ?, ?, 'view', ?, 1)",
    );
    share.run("pending-bound", "carol@corp.test", "squatter", "pending");
    share.run("active", "old@example.com", "old", "active");
    share.run("pending-demo", "fay@keyshare.demo", "demo", "pending");
    run(db, "0001_account_trust.sql");

    const verified = db.prepare("select id, email_verified as v from users order by id").all();
    expect(verified).toEqual([
      { id: "demo", v: 5 },
      { id: "old", v: null },
      { id: "owner", v: null },
      { id: "squatter", v: null },
    ]);
    const bound = db.prepare("select id, recipient_id as r from shares order by id").all();
    // What an account accepted stays its own; a pending share waits for a proven address.
    expect(bound).toEqual([
      { id: "active", r: "old" },
      { id: "pending-bound", r: null },
      { id: "pending-demo", r: "demo" },
    ]);
  });
});
