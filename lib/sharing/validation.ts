import { z } from "zod";
import { DomainError } from "@/lib/platform/errors";
import { flattenIssues, type FieldErrors } from "@/lib/request/field-errors";
import { groupIdsSchema } from "@/lib/groups/validation";
import {
  OPERATIONS,
  normalizePermissions,
  presetByName,
  type Operation,
  type PresetName,
} from "./permissions";

export const MAX_RECIPIENTS = 500;
export const MAX_DEVICES = 10_000;
export const MAX_EXPIRY_YEARS = 5;
/** Devices × recipients in one share request: each pair is a row, written in one transaction. */
export const MAX_SHARE_ITEMS = 100_000;
const n = (count: number) => count.toLocaleString("en-US");

/** What callers send (JSON or a FormData-derived object); everything is checked by the schema. */
export type ShareRequest = {
  recipients: string | string[];
  /** Ids of the sharer's groups: one share per group, reaching its members live. */
  groups?: string | string[];
  deviceIds: string | string[];
  /** deviceId → service ids, or "all" (the default for devices not listed). */
  services?: Record<string, string[] | "all"> | string | null;
  permissions: Operation[] | PresetName | string;
  /** ms epoch or ISO date; null / "never" / "permanent" = permanent. */
  expiresAt: number | string | null;
  description?: string;
  message?: string;
  notify?: boolean | string;
  skipConflicts?: boolean | string;
  schedule?: ScheduleRequest | null;
};
export type ScheduleRequest = {
  startsAt?: number | string | null;
  weekdays?: number | string | null;
  windowStart?: number | string | null;
  windowEnd?: number | string | null;
  timeZone?: string;
  remoteAccess?: boolean | string;
};

/** Carries every field's messages (not only the first) so the form can show them all. */
export class ShareValidationError extends DomainError {
  constructor(
    readonly fieldErrors: FieldErrors,
    readonly formErrors: string[] = [],
  ) {
    const [field, messages] = Object.entries(fieldErrors)[0] ?? [undefined, formErrors];
    super(messages?.[0] ?? "Please correct the highlighted fields.", field, "invalid");
    this.name = "ShareValidationError";
  }
}

const emailCheck = z.string().max(254).pipe(z.email());
const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
const asArray = (v: unknown) => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** FormData gives strings; JSON gives numbers. Both are accepted, anything else fails. */
const toNumber = (v: unknown) =>
  typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v)) ? Number(v) : v;
const nullish = (v: unknown) => v == null || v === "";
const toBool = (dflt: boolean) =>
  z.preprocess(
    (v) =>
      v == null || v === ""
        ? dflt
        : typeof v === "string"
          ? ["true", "on", "1", "yes"].includes(v.toLowerCase())
          : v,
    z.boolean(),
  );
/** A timestamp as ms epoch, numeric string or ISO date (ISO without offset is read as UTC). */
const toTimestamp = (v: unknown) => {
  const n = toNumber(v);
  if (typeof n !== "string") return n;
  // Date.parse reads "2030-02-31" as 3 March: a day that does not exist stays invalid.
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(n.trim());
  if (day && !isCalendarDay(Number(day[1]), Number(day[2]), Number(day[3]))) return n;
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(n) || !n.includes("T") ? n : `${n}Z`;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? n : t;
};

function isCalendarDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const recipientsSchema = z
  .preprocess(asArray, z.array(z.string({ error: "Enter email addresses." })))
  .transform((list, ctx) => {
    const words = list
      .flatMap((s) => s.split(/[\s,;]+/))
      .map((w) => w.trim().toLowerCase())
      .filter(Boolean);
    for (const bad of unique(words.filter((w) => !emailCheck.safeParse(w).success))) {
      ctx.addIssue({ code: "custom", message: `"${bad}" is not a valid email address.` });
    }
    const emails = unique(words);
    if (emails.length > MAX_RECIPIENTS) {
      ctx.addIssue({
        code: "custom",
        message: `You can share with at most ${MAX_RECIPIENTS} recipients at once.`,
      });
    }
    return emails;
  });

const deviceIdsSchema = z
  .preprocess(
    asArray,
    z.array(z.string({ error: "Invalid device." }).trim().min(1, "Invalid device.")),
  )
  .transform((ids) => unique(ids))
  .pipe(
    z
      .array(z.string())
      .min(1, "Select at least one device.")
      .max(
        MAX_DEVICES,
        `You can share at most ${MAX_DEVICES.toLocaleString("en-US")} devices at once.`,
      ),
  );

const servicesSchema = z.preprocess(
  (v) => {
    if (nullish(v)) return undefined;
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  },
  z
    .record(
      z.string(),
      z.union(
        [
          z.literal("all"),
          z.array(z.string()).min(1, "Choose at least one service, or all services."),
        ],
        {
          error: 'Choose services by id, or "all".',
        },
      ),
      { error: "Invalid service selection." },
    )
    .optional(),
);

const permissionsSchema = z
  .preprocess(
    (v) => {
      if (typeof v !== "string") return v;
      return (
        presetByName(v) ??
        v
          .split(",")
          .map((w) => w.trim().toLowerCase())
          .filter(Boolean)
      );
    },
    z
      .array(z.enum(OPERATIONS, { error: (iss) => `Unknown permission "${String(iss.input)}".` }), {
        error: "Choose the permissions.",
      })
      .min(1, "Choose the permissions."),
  )
  .transform((ops) => normalizePermissions(ops));

const minutesOfDay = (label: string) =>
  z.preprocess(
    (v) => (nullish(v) ? null : toNumber(v)),
    z
      .number({ error: `${label} must be a time of day.` })
      .int()
      .min(0, `${label} must be a time of day.`)
      .max(1440, `${label} must be a time of day.`)
      .nullable(),
  );

const scheduleSchema = z
  .object({
    startsAt: z.preprocess(
      (v) => (nullish(v) ? null : toTimestamp(v)),
      z.number({ error: "Enter a valid start date." }).int().nullable(),
    ),
    weekdays: z.preprocess(
      (v) => (nullish(v) ? null : toNumber(v)),
      // 0 would be a share that never gives access: refuse it instead of storing it.
      z
        .number({ error: "Invalid weekdays." })
        .int()
        .min(1, "Choose at least one weekday.")
        .max(127, "Invalid weekdays.")
        .nullable(),
    ),
    windowStart: minutesOfDay("The window start"),
    windowEnd: minutesOfDay("The window end"),
    timeZone: z.preprocess(
      (v) => (nullish(v) ? "UTC" : v),
      z
        .string({ error: "Choose a time zone." })
        .refine(isValidTimeZone, {
          error: (iss) => `"${String(iss.input)}" is not a known time zone.`,
        })
        .transform(
          (tz) => new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone,
        ),
    ),
    remoteAccess: toBool(true),
  })
  .superRefine((s, ctx) => {
    if ((s.windowStart == null) !== (s.windowEnd == null)) {
      ctx.addIssue({
        code: "custom",
        path: ["windowEnd"],
        message: "Give both the start and the end of the daily window.",
      });
    } else if (s.windowStart != null && s.windowStart === s.windowEnd) {
      // An end before the start is a window across midnight (22:00–06:00); equal is empty.
      ctx.addIssue({
        code: "custom",
        path: ["windowEnd"],
        message: "The daily window cannot start and end at the same time.",
      });
    }
  });
export type ShareSchedule = z.output<typeof scheduleSchema>;

export function maxExpiry(now: number): number {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() + MAX_EXPIRY_YEARS);
  return d.getTime();
}

/** The expiry rule is relative to the injected clock, hence a schema per `now`. */
export function expiresAtSchema(now: number) {
  return z.preprocess(
    (v) =>
      v === null || (typeof v === "string" && ["never", "permanent"].includes(v.toLowerCase()))
        ? null
        : nullish(v)
          ? undefined
          : toTimestamp(v),
    z
      .number({ error: "Choose when access expires, or make it permanent." })
      .int()
      .refine((t) => t > now, "The expiry must be in the future.")
      .refine(
        (t) => t <= maxExpiry(now),
        `The expiry can be at most ${MAX_EXPIRY_YEARS} years from now.`,
      )
      .nullable(),
  );
}

export function shareInputSchema(now: number) {
  return z
    .object({
      recipients: recipientsSchema,
      groups: groupIdsSchema,
      deviceIds: deviceIdsSchema,
      services: servicesSchema,
      permissions: permissionsSchema,
      expiresAt: expiresAtSchema(now),
      description: z.preprocess(
        (v) => v ?? "",
        z.string().trim().max(500, "The description is at most 500 characters."),
      ),
      message: z.preprocess(
        (v) => v ?? "",
        z.string().trim().max(2000, "The message is at most 2,000 characters."),
      ),
      notify: toBool(false), // an unchecked checkbox is absent from the form
      skipConflicts: toBool(false),
      schedule: z.preprocess((v) => (nullish(v) ? null : v), scheduleSchema.nullable()),
    })
    .superRefine((v, ctx) => {
      // Recipients, groups, or both (lib/groups).
      if (v.recipients.length === 0 && v.groups.length === 0)
        ctx.addIssue({
          code: "custom",
          path: ["recipients"],
          message: "Enter at least one recipient email.",
        });
      const startsAt = v.schedule?.startsAt;
      if (startsAt != null && v.expiresAt != null && startsAt >= v.expiresAt) {
        ctx.addIssue({
          code: "custom",
          path: ["schedule", "startsAt"],
          message: "The start must be before the expiry.",
        });
      }
      const items = v.deviceIds.length * (v.recipients.length + v.groups.length);
      if (items > MAX_SHARE_ITEMS) {
        ctx.addIssue({
          code: "custom",
          path: ["deviceIds"],
          message:
            `${n(v.deviceIds.length)} devices × ${n(v.recipients.length)} recipients is ` +
            `${n(items)} shared items; one share can hold at most ${n(MAX_SHARE_ITEMS)}. ` +
            "Share with fewer recipients or devices at a time.",
        });
      }
      // A Set: with 10,000 devices, a list lookup per chosen device was quadratic.
      const selected = new Set(v.deviceIds);
      for (const id of Object.keys(v.services ?? {})) {
        if (!selected.has(id)) {
          ctx.addIssue({
            code: "custom",
            path: ["services"],
            message: "Services were chosen for a device that is not selected.",
          });
          break;
        }
      }
    });
}
export type ShareInput = z.output<ReturnType<typeof shareInputSchema>>;

/**
 * Groups issues by field. Nested schedule fields keep their own key ("schedule.timeZone")
 * so each message lands next to its input; other nested paths (a service list) fold into
 * their field.
 */
export function shareFieldErrors(error: z.ZodError): {
  fieldErrors: FieldErrors;
  formErrors: string[];
} {
  return flattenIssues(error, { nestOnly: ["schedule"] });
}

export function safeParseShareInput(
  raw: unknown,
  now: number,
): { ok: true; data: ShareInput } | { ok: false; fieldErrors: FieldErrors; formErrors: string[] } {
  const parsed = shareInputSchema(now).safeParse(raw);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, ...shareFieldErrors(parsed.error) };
}

/** Parses or throws a ShareValidationError carrying every field's messages. */
export function parseShareInput(raw: unknown, now: number): ShareInput {
  const r = safeParseShareInput(raw, now);
  if (!r.ok) throw new ShareValidationError(r.fieldErrors, r.formErrors);
  return r.data;
}
