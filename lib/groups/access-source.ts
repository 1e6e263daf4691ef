// Where a recipient's access comes from, when both a direct share and a group share reach
// them for the same device: the direct share governs (Rule 2 allows one live item per
// device and recipient, and the person was chosen by name), and the reason says so.
import type { AccessResult, ShareCheckRow } from "@/lib/access/evaluate";

export type SourcedRow = ShareCheckRow & { groupName: string | null };

/** A direct share that has not ended (suspended or outside its window still counts). */
function holds(row: SourcedRow, now: number): boolean {
  return row.status === "active" && (row.expiresAt == null || now < row.expiresAt);
}

/**
 * The rows that decide: direct ones alone while a direct share holds, every row otherwise.
 * `overridden` names the groups whose shares were set aside.
 */
export function directBeatsGroup<R extends SourcedRow>(
  rows: R[],
  now: number,
): { rows: R[]; overridden: string[] } {
  if (!rows.some((r) => r.groupName != null && r.status === "active"))
    return { rows, overridden: [] };
  if (!rows.some((r) => r.groupName == null && holds(r, now))) return { rows, overridden: [] };
  const overridden = [
    ...new Set(
      rows.filter((r) => r.groupName != null && r.status === "active").map((r) => r.groupName!),
    ),
  ].sort();
  return { rows: rows.filter((r) => r.groupName == null), overridden };
}

/** Stamps a result with its source: the group it came through, or the groups it beat. */
export function withSource(
  result: AccessResult,
  row: SourcedRow,
  overridden: string[],
): AccessResult {
  if (row.groupName != null) return { ...result, via: row.groupName };
  return overridden.length ? { ...result, overrides: overridden } : result;
}

/** "shared via group Night shift"; "shared directly, which takes precedence over group …". */
export function describeSource(result: AccessResult): string | null {
  if (result.allowed && result.reason === "owner") return null;
  if (result.via) return `shared via group ${result.via}`;
  if (result.overrides?.length) {
    const names = result.overrides.join(", ");
    const noun = result.overrides.length > 1 ? "groups" : "group";
    return `shared directly, which takes precedence over ${noun} ${names}`;
  }
  return result.shareId ? "shared directly" : null;
}
