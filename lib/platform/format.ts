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
