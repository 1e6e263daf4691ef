import { describe, expect, it } from "vitest";
import {
  describePermissions,
  hasPermission,
  OPERATION_LABELS,
  parsePermissions,
  presetByName,
  presetOf,
  PRESETS,
  serializePermissions,
} from "./permissions";

describe("permissions", () => {
  it("labels every operation", () => {
    expect(OPERATION_LABELS).toEqual({
      view: "View",
      operate: "Operate",
      configure: "Configure",
      scripts: "Run scripts",
      remote: "Remote access",
    });
  });

  it("serializes in canonical order, without duplicates, always with view", () => {
    expect(serializePermissions(["remote", "operate", "operate"])).toBe("view,operate,remote");
    expect(serializePermissions([])).toBe("view");
    expect(serializePermissions(["scripts", "configure", "view", "remote", "operate"])).toBe(
      "view,operate,configure,scripts,remote",
    );
  });

  it("parses exactly what was stored: unknown words, other cases and a missing view are never granted", () => {
    expect(parsePermissions(" operate , view,,admin ")).toEqual(["view", "operate"]);
    expect(parsePermissions("view,Operate,REMOTE")).toEqual(["view"]);
    expect(parsePermissions("operate")).toEqual(["operate"]);
    expect(parsePermissions("")).toEqual([]);
    expect(parsePermissions(null)).toEqual([]);
  });

  it("round-trips", () => {
    for (const p of Object.values(PRESETS))
      expect(parsePermissions(serializePermissions(p))).toEqual([...p]);
  });

  it("recognizes presets, whatever the order", () => {
    expect(presetOf(["view"])).toBe("Viewer");
    expect(presetOf(["operate", "view"])).toBe("Operator");
    expect(presetOf(["remote", "scripts", "configure", "operate", "view"])).toBe("Manager");
    expect(presetOf(["operate"])).toBe("Operator"); // view is implied
    expect(presetOf(["view", "scripts"])).toBe("Custom");
    expect(presetByName("operator")).toEqual(["view", "operate"]);
    expect(presetByName("admin")).toBeUndefined();
  });

  it("describes a permission set in words", () => {
    expect(describePermissions(["view", "operate"])).toBe("Operator (View, Operate)");
    expect(describePermissions(["scripts"])).toBe("Custom (View, Run scripts)");
    expect(hasPermission(["operate"], "view")).toBe(true);
    expect(hasPermission(["view"], "remote")).toBe(false);
  });
});
