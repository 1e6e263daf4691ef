import { describe, expect, it } from "vitest";
import { formatEmailExpiry } from "@/lib/platform/format";
import { esc } from "./html";
import {
  expiryReminderEmail,
  invitationEmail,
  recipientRespondedEmail,
  sharedWithExistingUserEmail,
  sharerChangedEmail,
  type ShareInviteInput,
} from "./templates";

const EXPIRES = Date.UTC(2026, 11, 2, 18, 0); // Wed, 2 Dec 2026, 18:00 UTC
const LINK = "https://keyshare.example/s/tok123?a=1&b=2";

const invite = (over: Partial<ShareInviteInput> = {}): ShareInviteInput => ({
  sharerName: "Ada <Admin>",
  sharerEmail: "ada@example.com",
  recipientEmail: "bob@example.com",
  link: LINK,
  devices: ["Gateway A", "Lock & Key"],
  permissions: "Operator (view, operate)",
  expiresAt: EXPIRES,
  message: 'Hi Bob <script>alert("x")</script>\nsecond line',
  ...over,
});

describe("esc", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(esc(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

describe("formatEmailExpiry", () => {
  it("formats in UTC and says when a share is permanent", () => {
    expect(formatEmailExpiry(EXPIRES)).toBe("Wed, 2 Dec 2026, 18:00 UTC");
    expect(formatEmailExpiry(Date.UTC(2027, 0, 10, 7, 5))).toBe("Sun, 10 Jan 2027, 07:05 UTC");
    expect(formatEmailExpiry(null)).toBe("never (permanent)");
  });
});

describe("invitationEmail", () => {
  const mail = invitationEmail(invite());

  it("escapes user input in HTML and keeps it raw in text", () => {
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.html).toContain("Ada &lt;Admin&gt;");
    expect(mail.html).toContain("Lock &amp; Key");
    expect(mail.text).toContain('> Hi Bob <script>alert("x")</script>');
    expect(mail.text).toContain("> second line");
  });

  it("says who shares what, how, until when, and the single-use link", () => {
    expect(mail.subject).toBe("Ada <Admin> shared 2 devices with you on Keyshare");
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain("Gateway A");
      expect(part).toContain("Operator (view, operate)");
      expect(part).toContain("Wed, 2 Dec 2026, 18:00 UTC");
      expect(part).toContain("only for bob@example.com");
    }
    expect(mail.text).toContain(LINK);
    expect(mail.html).toContain(`href="${esc(LINK)}"`);
  });

  it("lists at most 20 devices then 'and N more', and handles permanent shares", () => {
    const devices = Array.from({ length: 25 }, (_, i) => `Device ${i + 1}`);
    const m = invitationEmail(invite({ devices, expiresAt: null, message: "" }));
    expect(m.subject).toContain("25 devices");
    expect(m.text).toContain("- Device 20");
    expect(m.text).not.toContain("Device 21");
    expect(m.text).toContain("and 5 more");
    expect(m.html).toContain("and 5 more");
    expect(m.html).not.toContain("Device 21");
    expect(m.text).toContain("never (permanent)");
    expect(m.text).not.toContain("Message from");
  });

  it("keeps the subject on one line even when a name contains line breaks", () => {
    const m = invitationEmail(
      invite({ sharerName: "Eve\r\nBcc: victim@example.com", devices: ["X"] }),
    );
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.subject).toContain("1 device with you");
  });
});

describe("other templates", () => {
  it("sharedWithExistingUserEmail points to the link and Shared with Me", () => {
    const m = sharedWithExistingUserEmail({ ...invite(), appUrl: "https://ks.example/" });
    expect(m.text).toContain(LINK);
    expect(m.text).toContain("https://ks.example/shared-with-me");
    expect(m.html).toContain('href="https://ks.example/shared-with-me"');
    expect(m.html).not.toContain("<script>");
  });

  it("recipientRespondedEmail covers accepted, declined and left", () => {
    const base = { recipientEmail: "bob@example.com", shareUrl: "https://ks/shared-by-me/1" };
    expect(
      recipientRespondedEmail({ ...base, recipientName: "Bob", action: "accepted" }).subject,
    ).toBe("Bob accepted your share");
    expect(recipientRespondedEmail({ ...base, action: "declined" }).subject).toBe(
      "bob@example.com declined your share",
    );
    const left = recipientRespondedEmail({ ...base, recipientName: "<b>Bob</b>", action: "left" });
    expect(left.html).toContain("&lt;b&gt;Bob&lt;/b&gt;");
    expect(left.text).toContain("https://ks/shared-by-me/1");
  });

  it("sharerChangedEmail describes cancel, removal and extension", () => {
    const base = { sharerName: "Ada", shareUrl: "https://ks/shared-with-me/1" };
    const cancelled = sharerChangedEmail({ ...base, action: "cancelled", devices: ["Gateway A"] });
    expect(cancelled.subject).toBe("Ada stopped sharing devices with you");
    expect(cancelled.text).toContain("- Gateway A");
    const removed = sharerChangedEmail({
      ...base,
      action: "devices_removed",
      devices: ["L1", "L2"],
    });
    expect(removed.subject).toBe("Ada removed 2 devices from your share");
    const ext = sharerChangedEmail({
      ...base,
      action: "extended",
      from: EXPIRES,
      to: Date.UTC(2027, 0, 10, 7, 5),
    });
    expect(ext.text).toContain("Previously: Wed, 2 Dec 2026, 18:00 UTC");
    expect(ext.text).toContain("Now expires: Sun, 10 Jan 2027, 07:05 UTC");
  });

  it("expiryReminderEmail offers the sharer an extend link and tells the recipient whom to ask", () => {
    const base = { devices: ["Gateway A"], expiresAt: EXPIRES, shareUrl: "https://ks/share/1" };
    const sharer = expiryReminderEmail({
      ...base,
      role: "sharer",
      counterpartName: "Bob",
      extendUrl: "https://ks/share/1?extend=1",
    });
    expect(sharer.subject).toBe("Your share with Bob expires Wed, 2 Dec 2026, 18:00 UTC");
    expect(sharer.text).toContain("Extend expiration:\nhttps://ks/share/1?extend=1");
    const recipient = expiryReminderEmail({ ...base, role: "recipient", counterpartName: "Ada" });
    expect(recipient.text).toContain("ask Ada to extend it");
    expect(recipient.html).toContain('href="https://ks/share/1"');
  });
});
