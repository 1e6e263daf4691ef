import { expect, test } from "@playwright/test";
import { e2eSql } from "./support/db";
import { linkIn, waitForMail } from "./support/mail";
import { addDevices, newUser, share, sharerRow } from "./support/sharing";
import { PASSWORD, uniqueEmail } from "./support/users";

test("a new person goes from the emailed link to an active share", async ({ browser }) => {
  const owner = await newUser(browser, "Nora Owner");
  await addDevices(owner.page, ["Boiler Gateway", "Boiler Sensor"]);
  const newcomer = uniqueEmail("newcomer");
  await share(owner.page, ["Boiler Gateway", "Boiler Sensor"], newcomer, {
    permissions: "Operator",
    message: "Hi! Boiler check on Friday <b>please</b>.",
  });

  const mail = await waitForMail(newcomer, (t) => t.includes("/s/"));
  expect(mail).toContain("Nora Owner");
  expect(mail).toContain("Boiler Gateway");
  const link = linkIn(mail);

  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(link);
  expect(response?.status()).toBe(200);
  await expect(
    page.getByRole("heading", { name: /Nora Owner shared 2 devices with you/ }),
  ).toBeVisible();
  await expect(page.getByText("Hi! Boiler check on Friday <b>please</b>.")).toBeVisible();
  await expect(page.getByText("View, Operate")).toBeVisible();
  await page.getByRole("link", { name: "Sign up" }).click();

  await expect(page.getByLabel("Email")).toHaveValue(newcomer);
  await expect(page.getByLabel("Email")).toHaveAttribute("readonly", "");
  await page.getByLabel("Name").fill("New Comer");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();

  await expect(page).toHaveURL(link);
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page).toHaveURL(/\/shared-with-me\/[\w-]+$/);
  await expect(page.getByText("Active").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Boiler Gateway" })).toBeVisible();

  await owner.page.goto("/shared-by-me");
  await expect(sharerRow(owner.page, newcomer).getByText("Active")).toBeVisible();
  const told = await waitForMail(owner.email, (t) => /accepted/i.test(t));
  expect(told).toContain("New Comer");

  // Single use: the same link now says so, with 410 Gone.
  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(
    page.getByRole("heading", { name: "This sharing link has already been used" }),
  ).toBeVisible();
});

test("a link opened by someone signed in with another email cannot be accepted", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Owen Owner");
  const other = await newUser(browser, "Mallory Other");
  await addDevices(owner.page, ["Door"]);
  const invited = uniqueEmail("invited");
  const links = await share(owner.page, ["Door"], invited, { notify: false });
  await other.page.goto(links[invited]);
  const warning = other.page.getByText("This invitation was sent to another address");
  await expect(warning).toBeVisible();
  await expect(warning).not.toContainText(invited);
  await expect(other.page.getByRole("button", { name: "Accept" })).toHaveCount(0);
});

test("regenerated, cancelled, declined and expired links explain themselves", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Reg Owner");
  const rec = await newUser(browser, "Rex Recipient");
  await addDevices(owner.page, ["Valve", "Pump", "Fan"]);

  // Regenerate: the old link is dead at once, the new one works.
  const first = await share(owner.page, ["Valve"], rec.email, { notify: false });
  await owner.page.goto("/shared-by-me");
  await sharerRow(owner.page, rec.email).getByRole("link").first().click();
  await owner.page.getByRole("button", { name: "New sharing link" }).click();
  await owner.page.getByRole("dialog").getByRole("button", { name: "New sharing link" }).click();
  await expect(owner.page.getByText("A new sharing link was made")).toBeVisible();
  const old = await rec.page.goto(first[rec.email]);
  expect(old?.status()).toBe(404);
  await expect(
    rec.page.getByRole("heading", { name: "This sharing link is not valid" }),
  ).toBeVisible();

  // Cancelled looks like unknown.
  await owner.page.getByRole("button", { name: "Cancel sharing" }).click();
  await owner.page.getByRole("dialog").getByRole("button", { name: "Cancel sharing" }).click();
  await expect(owner.page.getByText("Cancelled").first()).toBeVisible();

  const second = await share(owner.page, ["Pump"], rec.email, { notify: false });
  await owner.page.goto("/shared-by-me");
  await sharerRow(owner.page, rec.email)
    .filter({ hasText: "Pending" })
    .getByRole("button", { name: /Cancel sharing/ })
    .click();
  await owner.page.getByRole("dialog").getByRole("button", { name: "Cancel sharing" }).click();
  await expect(owner.page.getByRole("dialog")).toBeHidden(); // it closes once the server has cancelled
  const cancelled = await rec.page.goto(second[rec.email]);
  expect(cancelled?.status()).toBe(404);
  await expect(
    rec.page.getByRole("heading", { name: "This sharing link is not valid" }),
  ).toBeVisible();

  // Declined through the link.
  const third = await share(owner.page, ["Fan"], rec.email, { notify: false });
  await rec.page.goto(third[rec.email]);
  await rec.page.getByRole("button", { name: "Decline" }).click();
  await rec.page.getByRole("dialog").getByRole("button", { name: "Decline" }).click();
  await expect(rec.page).toHaveURL(/\/shared-with-me$/);
  expect((await rec.page.goto(third[rec.email]))?.status()).toBe(410);
  await expect(
    rec.page.getByRole("heading", { name: "This invitation was declined" }),
  ).toBeVisible();

  // Expired: move the expiry into the past in the real database.
  const fourth = await share(owner.page, ["Fan"], uniqueEmail("late"), { notify: false });
  const token = Object.values(fourth)[0].split("/s/")[1];
  await e2eSql("update shares set expires_at = ? where recipient_email = ?", [
    Date.now() - 1000,
    Object.keys(fourth)[0],
  ]);
  expect((await rec.page.goto(`/s/${token}`))?.status()).toBe(410);
  await expect(
    rec.page.getByRole("heading", { name: "This sharing link has expired" }),
  ).toBeVisible();
});
