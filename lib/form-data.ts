/** FormData → plain object; keys that repeat (or end in []) become arrays. Files are dropped unless asked for. */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = fd.getAll(key).map((v) => (typeof v === "string" ? v : v));
    const name = key.endsWith("[]") ? key.slice(0, -2) : key;
    out[name] = key.endsWith("[]") || values.length > 1 ? values : values[0];
  }
  return out;
}
