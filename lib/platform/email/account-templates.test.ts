import { describe, expect, it } from "vitest";
import { passwordResetEmail, verifyEmailEmail } from "./account-templates";

describe("account emails", () => {
  it("the verification email says Verify, carries the link in both parts, and escapes the name", () => {
    const m = verifyEmailEmail({ name: "Ca<rol>", link: "https://k.test/verify-email/abc" });
    expect(m.subject).toMatch(/Verify/);
    for (const part of [m.text, m.html]) expect(part).toContain("https://k.test/verify-email/abc");
    expect(m.text).toContain("24 hours");
    expect(m.html).not.toContain("<rol>");
    expect(m.html).toContain("Ca&lt;rol&gt;");
  });

  it("the reset email carries the link, says how long it works and what it does", () => {
    const m = passwordResetEmail({ name: "Ada", link: "https://k.test/reset-password/xyz" });
    expect(m.subject).toMatch(/Reset/);
    for (const part of [m.text, m.html])
      expect(part).toContain("https://k.test/reset-password/xyz");
    expect(m.text).toMatch(/1 hour/);
    expect(m.text).toMatch(/signs you out everywhere else/);
  });
});
