import "server-only";
import { DAY, HOUR, MINUTE } from "@/lib/platform/time";
// How long before expiry reminders go out: REMINDER_OFFSETS="72h,24h" (units m, h, d).

export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [72 * HOUR, DAY];
const UNIT: Record<string, number> = { m: MINUTE, h: HOUR, d: DAY };
/** A reminder a year ahead is a typo, not a wish. */
const MAX_OFFSET = 365 * DAY;

/** Parses "72h, 24h" into milliseconds, largest first; throws on anything it does not understand. */
export function parseReminderOffsets(text: string): number[] {
  const out = new Set<number>();
  for (const word of text.split(/[\s,;]+/).filter(Boolean)) {
    const m = /^(\d+(?:\.\d+)?)([mhd])$/i.exec(word);
    const ms = m ? Math.round(Number(m[1]) * UNIT[m[2].toLowerCase()]) : NaN;
    if (!(ms > 0 && ms <= MAX_OFFSET))
      throw new Error(`Invalid reminder offset "${word}" (use e.g. 72h, 3d or 90m).`);
    out.add(ms);
  }
  if (!out.size) throw new Error("REMINDER_OFFSETS lists no offsets.");
  return [...out].sort((a, b) => b - a);
}

/**
 * The configured offsets. A bad value must not stop the server from starting: it is
 * logged and the defaults apply. "off" or "none" disables reminders.
 */
export function reminderOffsets(env: Record<string, string | undefined> = process.env): number[] {
  const raw = env.REMINDER_OFFSETS?.trim();
  if (!raw) return [...DEFAULT_REMINDER_OFFSETS];
  if (/^(off|none|0)$/i.test(raw)) return [];
  try {
    return parseReminderOffsets(raw);
  } catch (e) {
    console.error(`[reminders] ${(e as Error).message} Using 72h,24h.`);
    return [...DEFAULT_REMINDER_OFFSETS];
  }
}

/** The longest offset: "expiring soon" on Shared by Me means "a reminder is (or will be) out". */
export function expiringSoonWindow(offsets: readonly number[] = reminderOffsets()): number {
  return offsets.length ? Math.max(...offsets) : DEFAULT_REMINDER_OFFSETS[0];
}
