import Database from "better-sqlite3";
import path from "node:path";

/** The e2e server's own database, for setup no UI offers (demo devices) and for checking that nothing was written. */
export function e2eDb() {
  const db = new Database(path.resolve(process.env.E2E_DATABASE ?? "data/e2e.db"));
  db.pragma("busy_timeout = 5000");
  return db;
}

export function count(table: "shares" | "share_items" | "share_events" | "devices"): number {
  const db = e2eDb();
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

export function markDemo(deviceId: string) {
  const db = e2eDb();
  try {
    db.prepare("update devices set demo = 1 where id = ?").run(deviceId);
  } finally {
    db.close();
  }
}

export function serviceId(deviceId: string, name: string): string {
  const db = e2eDb();
  try {
    return (
      db
        .prepare("select id from services where device_id = ? and name = ?")
        .get(deviceId, name) as { id: string }
    ).id;
  } finally {
    db.close();
  }
}
