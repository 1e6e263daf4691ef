/** FormData → plain object; keys that repeat (or end in []) become arrays. Files are dropped unless asked for. */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    // "__proto__" would set the object's prototype (to a posted File, whose getters then throw).
    if (key.startsWith("$ACTION") || key === "__proto__" || key === "__proto__[]") continue;
    const values = fd.getAll(key).map((v) => (typeof v === "string" ? v : v));
    const name = key.endsWith("[]") ? key.slice(0, -2) : key;
    out[name] = key.endsWith("[]") || values.length > 1 ? values : values[0];
  }
  return out;
}
