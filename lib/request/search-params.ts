import "server-only";
export type SearchParams = Record<string, string | string[] | undefined>;

export function param(sp: SearchParams, key: string): string | undefined {
  const v = sp[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim() ? s.trim().slice(0, 200) : undefined;
}

export function pageParam(sp: SearchParams): number {
  const n = Number(param(sp, "page") ?? 1);
  return Number.isInteger(n) && n > 0 && n < 1_000_000 ? n : 1;
}

/** The current path with some query keys replaced (undefined removes a key). */
export function withParams(
  path: string,
  sp: SearchParams,
  changes: Record<string, string | number | undefined>,
): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (s) qs.set(k, s);
  }
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === "") qs.delete(k);
    else qs.set(k, String(v));
  }
  const q = qs.toString();
  return q ? `${path}?${q}` : path;
}
