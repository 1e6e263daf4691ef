// Issue 12, smaller findings: sharing links lapse after 30 days pending and Resend renews
// them (once a minute); mail sent over SMTP leaves no body (no working link) in the database.
import { expect, test } from "@playwright/test";
import { e2eSql, shareIdFor } from "./support/db";
import { linkIn, waitForMail } from "./support/mail";
import { addDevices, newUser, share } from "./support/sharing";
import { uniqueEmail } from "./support/users";

async function ageLink(recipientEmail: string, days: number): Promise<string> {
  await e2eSql("update shares set token_created_at = ?, expires_at = ? where recipient_email = ?", [
    Date.now() - days * 86_400_000,
    Date.now() + 90 * 86_400_000,
    recipientEmail,
  ]);
  return shareIdFor(recipientEmail);
}

function storedBodies(to: string) {
  return e2eSql<{ status: string; text: string; html: string }>(
    'select status, text, html from emails where lower("to") = ?',
    [to],
  );
}

test("a link unused for 30 days lapses with a clear 410; Resend renews it, once a minute", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Rosa Resend");
  await addDevices(owner.page, ["Garage Door"]);
  const invited = uniqueEmail("late");
  const links = await share(owner.page, ["Garage Door"], invited, { notify: false });
  const shareId = await ageLink(invited, 31);

  const anon = await (await browser.newContext()).newPage();
  expect((await anon.goto(links[invited]))!.status()).toBe(410);
  await expect(anon.getByRole("heading", { name: "This sharing link has expired" })).toBeVisible();
  await expect(
    anon.getByText(/work for 30 days\. Ask the sharer to send you the invitation again/),
  ).toBeVisible();

  await owner.page.goto(`/shared-by-me/${shareId}`);
  await owner.page.getByRole("button", { name: "Resend invitation" }).click();
  await expect(owner.page.getByText(`Invitation sent again to ${invited}.`)).toBeVisible();
  const mail = await waitForMail(invited, (t) => t.includes("/s/"));
  expect(linkIn(mail)).toBe(links[invited]);
  expect((await anon.goto(links[invited]))!.status()).toBe(200);

  await owner.page.getByRole("button", { name: "Resend invitation" }).click();
  await expect(
    owner.page.getByText(/sent a moment ago\. You can send it again in \d+ s/),
  ).toBeVisible();

  // Delivered over SMTP: only the envelope stays in the database, not the link.
  await expect
    .poll(async () => (await storedBodies(invited)).map((m) => m.status))
    .toEqual(["sent"]);
  expect((await storedBodies(invited))[0]).toMatchObject({ text: "", html: "" });
});
