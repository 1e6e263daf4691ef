import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, shareItems } from "@/db/schema";
import { chunked } from "@/db/transaction";

/** The first few device names of each share, for list rows ("Gate A, Gate B and 3 more"). */
export async function deviceNamePreview(
  db: Db,
  shareIds: string[],
  max = 3,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunked(shareIds)) {
    const rows = await db
      .select({ shareId: shareItems.shareId, name: devices.name })
      .from(shareItems)
      .innerJoin(devices, eq(devices.id, shareItems.deviceId))
      .where(and(inArray(shareItems.shareId, part), isNull(shareItems.removedAt)))
      .orderBy(asc(shareItems.shareId), asc(devices.name));
    for (const r of rows) {
      const list = out.get(r.shareId) ?? [];
      if (list.length < max) list.push(r.name);
      out.set(r.shareId, list);
    }
  }
  return out;
}

export function previewText(names: string[] | undefined, total: number): string {
  if (!names?.length) return "";
  const rest = total - names.length;
  return rest > 0 ? `${names.join(", ")} and ${rest} more` : names.join(", ");
}
