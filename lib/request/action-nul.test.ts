import { describe, expect, it } from "vitest";
import { fieldWithNul } from "./action";

describe("fieldWithNul", () => {
  it("names the top-level field that holds a NUL character, however deep", () => {
    expect(fieldWithNul({ name: "ok", deviceIds: ["a", "b\u0000"] })).toBe("deviceIds");
    expect(fieldWithNul({ services: { d1: ["x\u0000y"] } })).toBe("services");
    expect(fieldWithNul("\u0000")).toBe("");
  });

  it("passes input without one, including other control and non-ASCII characters", () => {
    expect(fieldWithNul({ name: "Gerät \u0001 🔑", n: 3, flag: true, none: null })).toBeNull();
    expect(fieldWithNul(undefined)).toBeNull();
  });
});
