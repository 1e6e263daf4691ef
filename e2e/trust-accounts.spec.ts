// Issue 12: verified email, password reset, sessions that end — through the real server,
// the real database and the real SMTP sink.
import { expect, test, type Browser } from "@playwright/test";
import { countMail, resetLinkIn, waitForMail } from "./support/mail";
import { addDevices, newUser, share, sharerRow } from "./support/sharing";
import { PASSWORD, signIn, signUp, uniqueEmail } from "./support/users";

async function anonymousPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test("a newcomer signs up without a link, verifies by email, then sees and accepts a share sent earlier", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Vera Owner");
  await addDevices(owner.page, ["Greenhouse Gateway"]);
  const newcomer = uniqueEmail("newcomer");
  await share(owner.page, ["Greenhouse Gateway"], newcomer, { notify: true });

  // Signed up straight from the home page, not through the invitation.
  const page = await anonymousPage(browser);
  await signUp(page, { name: "Nina Newcomer", email: newcomer });
  await page.goto("/shared-with-me");
  await expect(page.getByRole("heading", { name: "Verify your email" })).toBeVisible();
  await expect(page.getByText("Vera Owner")).toHaveCount(0);

  // Resend works once a minute.
  const before = await countMail(newcomer, (t) => t.includes("/verify-email/"));
  await page.getByRole("button", { name: "Resend verification email" }).click();
  await expect(page.getByText(`Sent. Open the link in the email to ${newcomer}.`)).toBeVisible();
  await expect
    .poll(() => countMail(newcomer, (t) => t.includes("/verify-email/")))
    .toBe(before + 1);
  await page.getByRole("button", { name: "Resend verification email" }).click();
  await expect(page.getByText(/You can ask for another in \d+ s/)).toBeVisible();

  const mail = await waitForMail(newcomer, (t) => /^Subject: .*Verify/m.test(t));
  const link = /https?:\/\/[^\s"<>]+\/verify-email\/[A-Za-z0-9_-]{43}/.exec(mail)![0];
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Your email is verified" })).toBeVisible();
  // Single use.
  await page.goto(link);
  await expect(
    page.getByRole("heading", { name: "This verification link does not work" }),
  ).toBeVisible();

  await page.goto("/shared-with-me");
  await expect(page.getByRole("heading", { name: "Verify your email" })).toHaveCount(0);
  await page.getByRole("button", { name: "Accept share from Vera Owner" }).click();
  await expect(page.getByRole("button", { name: /Leave/ }).first()).toBeVisible();

  await owner.page.goto("/shared-by-me");
  await expect(sharerRow(owner.page, newcomer).getByText("Active")).toBeVisible();
});

test("signing in through a sharing link proves the address; the link page never shows it whole", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Lia Owner");
  await addDevices(owner.page, ["Shed Lock"]);
  const invited = uniqueEmail("invitee");
  // An account exists for the address, never verified, and is signed out.
  const page = await anonymousPage(browser);
  await signUp(page, { name: "Ivo Invitee", email: invited });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const links = await share(owner.page, ["Shed Lock"], invited, { notify: false });
  await page.goto(links[invited]);
  const signInLink = page.getByRole("link", { name: "Sign in" });
  expect(await signInLink.getAttribute("href")).not.toContain(encodeURIComponent(invited));
  expect(await signInLink.getAttribute("href")).not.toContain("@");
  await expect(page.getByText(invited)).toHaveCount(0);
  await signInLink.click();
  await expect(page.getByText(/The invitation was sent to in•••/)).toBeVisible();
  await page.getByLabel("Email").fill(invited);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(links[invited]);

  await page.goto("/shared-with-me");
  await expect(page.getByRole("heading", { name: "Verify your email" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Accept share from Lia Owner" })).toBeVisible();
});

test("a forgotten password is reset by email; every old session, copied cookies included, stops working", async ({
  browser,
}) => {
  const old = await browser.newContext();
  const oldPage = await old.newPage();
  const { email } = await signUp(oldPage, { name: "Rex Reset" });
  const copied = await old.storageState();

  const page = await anonymousPage(browser);
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  // The same answer for an address without an account.
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Send reset link" }).click();
  const answer = page.getByText("If an account uses this address, we have sent it a link");
  await expect(answer).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(answer).toBeVisible();

  const link = resetLinkIn(await waitForMail(email, (t) => t.includes("/reset-password/")));
  await page.goto(link);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The new password must be at least 8 characters.")).toBeVisible();
  await page.getByLabel("New password").fill("a fresh passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(
    page.getByText(
      "New password set. You were signed out everywhere else, and your API tokens were revoked.",
    ),
  ).toBeVisible();

  // The old session and a copy of its cookie: both gone.
  await oldPage.goto("/devices");
  await expect(oldPage).toHaveURL(/\/sign-in/);
  const thief = await (await browser.newContext({ storageState: copied })).newPage();
  await thief.goto("/devices");
  await expect(thief).toHaveURL(/\/sign-in/);

  // Single use; the address counts as verified now; the old password is gone.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This reset link does not work" })).toBeVisible();
  await page.goto("/shared-with-me");
  await expect(page.getByRole("heading", { name: "Verify your email" })).toHaveCount(0);
  await signIn(thief, email);
  await expect(thief.getByText("Wrong email or password.").first()).toBeVisible();
  await signIn(thief, email, "a fresh passphrase");
  await expect(thief.getByRole("heading", { name: "My devices" })).toBeVisible();
});

test("Sign out everywhere ends every session of the account", async ({ browser }) => {
  const a = await browser.newContext();
  const pageA = await a.newPage();
  const { email } = await signUp(pageA, { name: "Eve Everywhere" });
  const pageB = await anonymousPage(browser);
  await signIn(pageB, email);
  await expect(pageB.getByRole("heading", { name: "My devices" })).toBeVisible();

  await pageA.goto("/account");
  await pageA.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(pageA).toHaveURL(/\/sign-in/);
  await expect(pageA.getByText("You were signed out on every device.")).toBeVisible();
  await pageB.goto("/devices");
  await expect(pageB).toHaveURL(/\/sign-in/);
  await pageA.goto("/account");
  await expect(pageA).toHaveURL(/\/sign-in/);
});

test("the account pages fit a 390 px phone screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const fits = async (path: string, heading: string) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading }).first()).toBeVisible();
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, `${path} is wider than the screen`).toBeLessThanOrEqual(390);
  };
  await fits(`/reset-password/${"A".repeat(43)}`, "This reset link does not work");
  await fits(`/verify-email/${"A".repeat(43)}`, "This verification link does not work");
  const { email } = await signUp(page, {
    name: "Pia Phone",
    email: uniqueEmail("a-rather-long-local-part-for-a-small-phone"),
  });
  await fits("/shared-with-me", "Verify your email");
  await fits("/account", "Account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await fits("/forgot-password", "Forgot your password?");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("If an account uses this address")).toBeVisible();
  await fits(
    new URL(resetLinkIn(await waitForMail(email, (t) => t.includes("/reset-password/")))).pathname,
    "Set a new password",
  );
});
