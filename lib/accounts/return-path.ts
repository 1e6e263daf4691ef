import { appUrl } from "@/lib/platform/email/app-url";

/** Tabs, newlines and other C0/C1 controls, and backslashes: browsers read them in ways we don't. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * Where to send someone back to after signing in (or up): only a path on this site. The
 * value is resolved against the app's own origin like a browser would, and kept only when it
 * stays on that origin and holds no control characters or backslashes (which browsers drop or
 * turn into "/": `/\t/example.org` and `/\example.org` both lead to example.org). The answer is
 * the resolved path, query and fragment, so it is always a plain same-origin path.
 */
export function safeReturnPath(value: unknown, fallback = "/devices"): string {
  if (typeof value !== "string" || value === "" || value.length > 2000 || UNSAFE.test(value))
    return fallback;
  const origin = new URL(appUrl()).origin;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin || (url.protocol !== "http:" && url.protocol !== "https:"))
    return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that starts with two slashes would be read as another host by whoever follows it.
  return path.startsWith("//") ? fallback : path;
}
