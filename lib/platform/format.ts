/** Dates for people: "2 Dec 2026, 18:00" in the server's zone (UTC in production). */
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});
const dateOnly = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

export function formatDateTime(ms: number | null | undefined): string {
  return ms == null ? "—" : `${dateTime.format(ms)} UTC`;
}

export function formatDate(ms: number | null | undefined): string {
  return ms == null ? "—" : dateOnly.format(ms);
}

export function formatExpiry(expiresAt: number | null): string {
  return expiresAt == null ? "Never (permanent)" : formatDateTime(expiresAt);
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * "Wed, 2 Dec 2026, 18:00 UTC". Formatted by hand rather than with Intl so the output does
 * not depend on the ICU build of the server, and in UTC because we do not know the reader's zone.
 */
export function formatEmailExpiry(expiresAt: number | null | undefined): string {
  if (expiresAt == null) return "never (permanent)";
  const d = new Date(expiresAt);
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}
