import { expect, test } from "@playwright/test";
import { acceptPending, download, shareIdFor, timeShiftShare } from "./support/beyond";
import { addDevices, newUser, share, sharerRow } from "./support/sharing";

const MAIL = `http://localhost:${process.env.E2E_MAIL_HTTP_PORT ?? 3199}`;
const decode = (raw: string) =>
  raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));

/** Every email to `to` whose (decoded) text matches: the scheduler runs every 15 s. */
async function mailsTo(to: string, match: RegExp): Promise<string[]> {
  const res = await fetch(`${MAIL}/messages?to=${encodeURIComponent(to.toLowerCase())}`);
  return ((await res.json()) as { raw: string }[])
    .map((m) => decode(m.raw))
    .filter((t) => match.test(t));
}
async function waitForMails(to: string, match: RegExp, n = 1): Promise<string[]> {
  await expect
    .poll(async () => (await mailsTo(to, match)).length, {
      timeout: 45_000,
      message: `reminder to ${to}`,
    })
    .toBeGreaterThanOrEqual(n);
  return mailsTo(to, match);
}

test("expiry reminders reach both sides once; the sharer's link opens Extend expiration", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const owner = await newUser(browser, "Rhea Owner");
  const bob = await newUser(browser, "Bob Tenant");
  await addDevices(owner.page, ["Heat Pump"]);
  await share(owner.page, ["Heat Pump"], bob.email, { expires: "In 30 days", notify: false });
  await acceptPending(bob.page);
  const shareId = await shareIdFor(owner.page, bob.email);
  // Made 10 days ago, 2 days left: the 3-day reminder is due, the 1-day one is not yet.
  await timeShiftShare(shareId, { ageDays: 10, expiresInHours: 48 });

  const [toOwner] = await waitForMails(
    owner.email,
    /you shared with Bob Tenant .* will stop being shared on/,
  );
  expect(toOwner).toContain("Heat Pump");
  const extend = /https?:\/\/\S+\/shared-by-me\/[\w-]+\?extend=1/.exec(toOwner)?.[0];
  expect(extend).toBe(`${new URL(owner.page.url()).origin}/shared-by-me/${shareId}?extend=1`);
  const [toBob] = await waitForMails(
    bob.email,
    /Your access to 1 device shared by Rhea Owner .* ends on/,
  );
  expect(toBob).toContain(`/shared-with-me/${shareId}`);
  expect(toBob).not.toContain("extend=1");

  // One click from the email: the share page with the dialog already open.
  await owner.page.goto(extend!);
  const dialog = owner.page.getByRole("dialog", { name: "Extend expiration" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Extend by").selectOption("7d");
  await dialog.getByRole("button", { name: "Extend expiration" }).click();
  await expect(owner.page.getByText(/extended the expiry from/)).toBeVisible();

  // Never twice: another scheduler round passes and nothing new arrives.
  await owner.page.waitForTimeout(17_000);
  expect(
    await mailsTo(owner.email, /you shared with Bob Tenant .* will stop being shared on/),
  ).toHaveLength(1);
  expect(
    await mailsTo(bob.email, /Your access to 1 device shared by Rhea Owner .* ends on/),
  ).toHaveLength(1);
});

test("Shared by Me: Expiring soon filter and Export CSV with the same filters", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Ivy Owner");
  await addDevices(owner.page, ["Door 1", "Door 2"]);
  await share(owner.page, ["Door 1"], "soon@example.test", { expires: "In 1 day", notify: false });
  await share(owner.page, ["Door 2"], "later@example.test", {
    expires: "In 30 days",
    notify: false,
    description: '=HYPERLINK("x")',
  });

  await owner.page.goto("/shared-by-me");
  await owner.page.getByRole("checkbox", { name: "Expiring soon" }).check();
  await owner.page.getByRole("button", { name: "Apply filters" }).click();
  await expect(owner.page).toHaveURL(/expiring=1/);
  await expect(sharerRow(owner.page, "soon@example.test")).toBeVisible();
  await expect(sharerRow(owner.page, "later@example.test")).toHaveCount(0);
  await expect(owner.page.getByRole("checkbox", { name: "Expiring soon" })).toBeChecked();

  const href = await owner.page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toContain("expiring=1");
  const soon = await download(owner.page, href!);
  expect(soon[0]).toMatch(/^Share ID,Recipient email,/);
  expect(soon.slice(1).map((l) => l.split(",")[1])).toEqual(["soon@example.test"]);

  const all = await download(owner.page, "/shared-by-me/export");
  expect(all).toHaveLength(3);
  // The description is neutralised: a spreadsheet shows it as text, never runs it.
  expect(all.find((l) => l.includes("later@example.test"))).toContain(`"'=HYPERLINK(""x"")"`);
  // Signed out: no data, just the way to sign in.
  const anon = await browser.newContext();
  const res = await anon.request.get("/shared-by-me/export", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toContain("/sign-in");
  await anon.close();
});
