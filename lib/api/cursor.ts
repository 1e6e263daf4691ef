// Opaque keyset cursors: base64url of [sort value, id]. Keyset pages never repeat or skip a
// row when others are inserted meanwhile (an offset would shift under inserts).
import { DomainError } from "@/lib/platform/errors";

export type Keyset = [value: string | number, id: string];

export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify(k)).toString("base64url");
}

export function decodeCursor(
  text: string | undefined,
  kind: "number" | "string",
): Keyset | undefined {
  if (text === undefined || text === "") return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === kind &&
      typeof v[1] === "string" &&
      v[1].length <= 64 &&
      (kind === "string" || Number.isSafeInteger(v[0]))
    )
      return v as Keyset;
  } catch {
    // fall through
  }
  throw new DomainError("This cursor is not valid; start again without it.", "cursor");
}

export const iso = (ms: number | null | undefined): string | null =>
  ms == null ? null : new Date(ms).toISOString();
