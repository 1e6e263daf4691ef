"use client";

import { FieldErrors, inputClass } from "@/components/ui/field";
import type { FieldErrors as Errors } from "@/lib/request/field-errors";

export type ScheduleState = {
  enabled: boolean;
  startDate: string;
  days: boolean[]; // Monday first
  from: string;
  to: string;
  timeZone: string;
  disableRemote: boolean;
};

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function defaultSchedule(): ScheduleState {
  const tz = typeof Intl !== "undefined" ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC";
  return {
    enabled: false,
    startDate: "",
    days: DAY_NAMES.map(() => true),
    from: "",
    to: "",
    timeZone: tz || "UTC",
    disableRemote: false,
  };
}

const toMinutes = (hhmm: string) => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** The schedule as the server expects it, or null when the sharer did not ask for one. */
export function scheduleRequest(s: ScheduleState) {
  if (!s.enabled) return null;
  const weekdays = s.days.reduce((acc, on, i) => (on ? acc | (1 << i) : acc), 0);
  const startsAt = /^\d{4}-\d{2}-\d{2}$/.test(s.startDate)
    ? new Date(
        Number(s.startDate.slice(0, 4)),
        Number(s.startDate.slice(5, 7)) - 1,
        Number(s.startDate.slice(8, 10)),
      ).getTime()
    : null;
  return {
    startsAt,
    weekdays: weekdays === 127 ? null : weekdays,
    windowStart: toMinutes(s.from),
    windowEnd: toMinutes(s.to),
    timeZone: s.timeZone,
    remoteAccess: !s.disableRemote,
  };
}

function zones(current: string): string[] {
  const all =
    (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.(
      "timeZone",
    ) ?? [];
  return all.includes(current) ? all : [current, ...all];
}

/** Ids of the schedule's error lines: each message sits under its own control. */
const errId = (k: string) => `share-schedule-${k}-error`;

/** Wiring for a control whose errors are under schedule.<k> (aria-invalid, aria-describedby). */
function wire(k: string, errors: Errors | undefined) {
  return {
    "aria-invalid": errors?.[`schedule.${k}`]?.length ? true : undefined,
    "aria-describedby": errId(k),
  } as const;
}

function ScheduleError({ k, errors }: { k: string; errors?: Errors }) {
  return <FieldErrors id={errId(k)} errors={errors?.[`schedule.${k}`]} />;
}

/** The share's schedule; `errors` is the whole form's, read at "schedule.weekdays" and so on. */
export function ScheduleFields({
  value,
  onChange,
  errors,
}: {
  value: ScheduleState;
  onChange: (s: ScheduleState) => void;
  errors?: Errors;
}) {
  const set = (patch: Partial<ScheduleState>) => onChange({ ...value, ...patch });
  // A message for the schedule as a whole (or a field not shown while it is switched off).
  const known = ["startsAt", "windowStart", "windowEnd", "weekdays", "timeZone", "remoteAccess"];
  const rest = Object.entries(errors ?? {})
    .filter(
      ([k]) =>
        k === "schedule" ||
        (k.startsWith("schedule.") && !value.enabled) ||
        (k.startsWith("schedule.") && !known.includes(k.slice(9))),
    )
    .flatMap(([, v]) => v);
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">Access schedule</legend>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={value.enabled}
          onChange={(e) => set({ enabled: e.target.checked })}
        />
        Limit access to a schedule
      </label>
      {value.enabled ? (
        <div className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-3">
            <div className="text-sm">
              <label htmlFor="share-schedule-start" className="block font-medium">
                Starts on
              </label>
              <input
                id="share-schedule-start"
                type="date"
                className={inputClass}
                value={value.startDate}
                onChange={(e) => set({ startDate: e.target.value })}
                {...wire("startsAt", errors)}
              />
              <ScheduleError k="startsAt" errors={errors} />
            </div>
            <div className="text-sm">
              <label htmlFor="share-schedule-from" className="block font-medium">
                Daily from
              </label>
              <input
                id="share-schedule-from"
                type="time"
                className={inputClass}
                value={value.from}
                onChange={(e) => set({ from: e.target.value })}
                {...wire("windowStart", errors)}
              />
              <ScheduleError k="windowStart" errors={errors} />
            </div>
            <div className="text-sm">
              <label htmlFor="share-schedule-to" className="block font-medium">
                Daily until
              </label>
              <input
                id="share-schedule-to"
                type="time"
                className={inputClass}
                value={value.to}
                onChange={(e) => set({ to: e.target.value })}
                {...wire("windowEnd", errors)}
              />
              <ScheduleError k="windowEnd" errors={errors} />
            </div>
          </div>
          <fieldset className="flex flex-wrap gap-3 text-sm" aria-describedby={errId("weekdays")}>
            <legend className="mb-1 font-medium">Weekdays</legend>
            {DAY_NAMES.map((d, i) => (
              <label key={d} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={value.days[i]}
                  onChange={(e) =>
                    set({ days: value.days.map((x, k) => (k === i ? e.target.checked : x)) })
                  }
                  {...wire("weekdays", errors)}
                />
                {d}
              </label>
            ))}
            <div className="basis-full">
              <ScheduleError k="weekdays" errors={errors} />
            </div>
          </fieldset>
          <div className="text-sm">
            <label htmlFor="share-schedule-tz" className="block font-medium">
              Time zone
            </label>
            <select
              id="share-schedule-tz"
              className={inputClass}
              value={value.timeZone}
              onChange={(e) => set({ timeZone: e.target.value })}
              {...wire("timeZone", errors)}
            >
              {zones(value.timeZone).map((z) => (
                <option key={z}>{z}</option>
              ))}
            </select>
            <ScheduleError k="timeZone" errors={errors} />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={value.disableRemote}
              onChange={(e) => set({ disableRemote: e.target.checked })}
            />
            Disable remote access (on-site use only)
          </label>
          <p className="text-xs text-slate-500">
            A window that ends before it starts (e.g. 22:00–06:00) runs past midnight.
          </p>
        </div>
      ) : null}
      <div aria-live="polite">
        {rest.map((e) => (
          <p key={e} className="text-sm text-red-700">
            {e}
          </p>
        ))}
      </div>
    </fieldset>
  );
}
