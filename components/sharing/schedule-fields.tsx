"use client";

import { inputClass } from "@/components/ui/field";

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

export function ScheduleFields({
  value,
  onChange,
  errors,
}: {
  value: ScheduleState;
  onChange: (s: ScheduleState) => void;
  errors?: Record<string, string[] | undefined>;
}) {
  const set = (patch: Partial<ScheduleState>) => onChange({ ...value, ...patch });
  const err = Object.values(errors ?? {})
    .flat()
    .filter(Boolean) as string[];
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
            <label className="text-sm">
              <span className="block font-medium">Starts on</span>
              <input
                type="date"
                className={inputClass}
                value={value.startDate}
                onChange={(e) => set({ startDate: e.target.value })}
              />
            </label>
            <label className="text-sm">
              <span className="block font-medium">Daily from</span>
              <input
                type="time"
                className={inputClass}
                value={value.from}
                onChange={(e) => set({ from: e.target.value })}
              />
            </label>
            <label className="text-sm">
              <span className="block font-medium">Daily until</span>
              <input
                type="time"
                className={inputClass}
                value={value.to}
                onChange={(e) => set({ to: e.target.value })}
              />
            </label>
          </div>
          <fieldset className="flex flex-wrap gap-3 text-sm">
            <legend className="mb-1 font-medium">Weekdays</legend>
            {DAY_NAMES.map((d, i) => (
              <label key={d} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={value.days[i]}
                  onChange={(e) =>
                    set({ days: value.days.map((x, k) => (k === i ? e.target.checked : x)) })
                  }
                />
                {d}
              </label>
            ))}
          </fieldset>
          <label className="block text-sm">
            <span className="block font-medium">Time zone</span>
            <select
              className={inputClass}
              value={value.timeZone}
              onChange={(e) => set({ timeZone: e.target.value })}
            >
              {zones(value.timeZone).map((z) => (
                <option key={z}>{z}</option>
              ))}
            </select>
          </label>
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
        {err.map((e) => (
          <p key={e} className="text-sm text-red-700">
            {e}
          </p>
        ))}
      </div>
    </fieldset>
  );
}
