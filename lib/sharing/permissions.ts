/**
 * Operation permissions of a share. They are chosen when sharing and never change
 * afterwards (to change them: cancel and share again), so the stored form is a plain
 * comma-separated list in canonical order.
 */

export const OPERATIONS = ["view", "operate", "configure", "scripts", "remote"] as const;
export type Operation = (typeof OPERATIONS)[number];

export const OPERATION_LABELS: Record<Operation, string> = {
  view: "View",
  operate: "Operate",
  configure: "Configure",
  scripts: "Run scripts",
  remote: "Remote access",
};

export const PRESETS = {
  Viewer: ["view"],
  Operator: ["view", "operate"],
  Manager: [...OPERATIONS],
} as const satisfies Record<string, readonly Operation[]>;
export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

export function isOperation(value: unknown): value is Operation {
  return typeof value === "string" && (OPERATIONS as readonly string[]).includes(value);
}

/** The preset named `name` (case-insensitive), or undefined. */
export function presetByName(name: string): readonly Operation[] | undefined {
  const key = PRESET_NAMES.find((p) => p.toLowerCase() === name.trim().toLowerCase());
  return key ? PRESETS[key] : undefined;
}

/**
 * Canonical form: known operations only, in OPERATIONS order, no duplicates, and always
 * `view` (every other operation is meaningless on a device you cannot see).
 */
export function normalizePermissions(list: Iterable<string>): Operation[] {
  const set = new Set<string>(list);
  set.add("view");
  return OPERATIONS.filter((op) => set.has(op));
}

/**
 * Reads the stored CSV, the access check's and every view's one reading of it. Stored lists
 * are always canonical (serializePermissions), so this is its exact inverse and nothing more:
 * it adds no `view` and folds no case, and unknown words (e.g. from a newer version) are
 * ignored. Anything else in the column is never granted (fail closed).
 */
export function parsePermissions(csv: string | null | undefined): Operation[] {
  const granted = new Set((csv ?? "").split(",").map((w) => w.trim()));
  return OPERATIONS.filter((op) => granted.has(op));
}

export function serializePermissions(list: Iterable<Operation>): string {
  return normalizePermissions(list).join(",");
}

export function presetOf(list: Iterable<Operation>): PresetName | "Custom" {
  const key = serializePermissions(list);
  return PRESET_NAMES.find((p) => PRESETS[p].join(",") === key) ?? "Custom";
}

export function permissionLabels(list: Iterable<Operation>): string[] {
  return normalizePermissions(list).map((op) => OPERATION_LABELS[op]);
}

/** E.g. "Operator (View, Operate)" or "Custom (View, Run scripts)". */
export function describePermissions(list: Iterable<Operation>): string {
  const ops = normalizePermissions(list);
  return `${presetOf(ops)} (${permissionLabels(ops).join(", ")})`;
}

export function hasPermission(list: Iterable<Operation>, op: Operation): boolean {
  return normalizePermissions(list).includes(op);
}
