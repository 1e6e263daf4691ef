// The /activity filters as read from the URL, shared by the page and its CSV export.
import "server-only";
import { EVENT_TYPES, type EventType } from "@/lib/activity/events";
import { param, type SearchParams } from "@/lib/request/search-params";
import { DAY } from "@/lib/platform/time";

/** A position in the newest-first list: (created_at, id), both needed as times can tie. */
export type Cursor = { at: number; id: string };
export const encodeActivityCursor = (c: Cursor) => `${c.at}_${c.id}`;
export function decodeActivityCursor(text: string | undefined): Cursor | undefined {
  const m = /^(\d{1,15})_([A-Za-z0-9-]{1,64})$/.exec(text ?? "");
  return m ? { at: Number(m[1]), id: m[2] } : undefined;
}

export type ActivityFilters = {
  type?: EventType;
  recipient?: string;
  /** Inclusive start / exclusive end, ms; whole UTC days from the date fields. */
  from?: number;
  to?: number;
  fromText?: string;
  toText?: string;
};

/** "2030-01-15" → ms at 00:00 UTC, or undefined for anything that is not a real day. */
export function utcDay(text: string | undefined): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? "");
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === text ? t : undefined;
}

/** The end (exclusive) of the UTC day `text` names: a "to" date includes that whole day. */
export function utcDayEnd(text: string | undefined): number | undefined {
  const start = utcDay(text);
  return start === undefined ? undefined : start + DAY;
}

export function parseActivityFilters(
  sp: SearchParams,
): ActivityFilters & { before?: Cursor; after?: Cursor } {
  const type = EVENT_TYPES.find((t) => t === param(sp, "type"));
  const fromText = param(sp, "from");
  const toText = param(sp, "to");
  const from = utcDay(fromText);
  const to = utcDayEnd(toText);
  return {
    type,
    recipient: param(sp, "recipient"),
    from,
    to,
    fromText: from === undefined ? undefined : fromText,
    toText: to === undefined ? undefined : toText,
    before: decodeActivityCursor(param(sp, "before")),
    after: decodeActivityCursor(param(sp, "after")),
  };
}
