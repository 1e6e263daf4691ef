import { test } from "vitest";
import { testDb } from "@/lib/sharing/test-fixtures";
test("plan", () => {
  const db = testDb();
  const q = (s: string, ...p: unknown[]) => console.log(s.slice(0, 60), JSON.stringify(db.$client.prepare("explain query plan " + s).all(...p).map((r: any) => r.detail)));
  q("select si.device_id from share_items si join shares s on s.id = si.share_id where si.live = 1 and si.device_id in (?,?) and si.sharer_id = ? and si.recipient_email in (?) and s.status in ('pending','active') and (s.expires_at is null or s.expires_at > ?)", "a", "b", "c", "d", 1);
  q("update share_items set live = null where live = 1 and share_id in (select id from shares where sharer_id = ? and status in ('pending','active') and expires_at <= ?)", "a", 1);
});
