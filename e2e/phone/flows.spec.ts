import { expect, test, type Locator, type Page } from "@playwright/test";
import { acceptPending } from "../support/beyond";
import { addDevices, newUser, sharerRow } from "../support/sharing";
import { PASSWORD, uniqueEmail } from "../support/users";
import { expectNoSeriousAxeViolations, smallTargets } from "../support/tour";

/** A dialog on a phone is a full-screen sheet whose primary button is on screen without scrolling. */
async function expectSheet(page: Page, dialog: Locator, primary: Locator) {
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  const screen = page.viewportSize()!;
  expect(box).toEqual({ x: 0, y: 0, width: screen.width, height: screen.height });
  expect(
    await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth),
    "dialog wider than the screen",
  ).toBe(true);
  await expect(primary).toBeInViewport({ ratio: 1 });
}

/** Each of the row's buttons lies entirely on screen (none pushed off to the right). */
async function expectOnScreen(page: Page, buttons: Locator) {
  const width = page.viewportSize()!.width;
  expect(await buttons.count()).toBeGreaterThan(0);
  for (const b of await buttons.all()) {
    const box = (await b.boundingBox())!;
    expect(box.x, `${await b.textContent()} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${await b.textContent()} ends on screen`).toBeLessThanOrEqual(width);
  }
}

test("share from a phone, the recipient accepts by link on a phone, the sharer extends and cancels", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Pia Phone");
  await addDevices(owner.page, ["Roof Gateway", "Cellar Sensor"]);
  const page = owner.page;

  // Share: tick two cards, open the sheet, fill it in, share.
  await page.goto("/devices");
  await page.getByRole("checkbox", { name: "Roof Gateway", exact: true }).tap();
  await page.getByRole("checkbox", { name: "Cellar Sensor", exact: true }).tap();
  await expect(page.getByText("2 selected")).toBeVisible();
  expect(await smallTargets(page), "touch targets under 44 px with a selection").toEqual([]);
  await page.getByRole("button", { name: "Share devices" }).tap();
  const dialog = page.getByRole("dialog", { name: "Share devices" });
  await expectSheet(page, dialog, dialog.getByRole("button", { name: "Share", exact: true }));
  const invited = uniqueEmail("phone-invitee");
  await dialog.getByLabel("Recipients", { exact: true }).fill(invited);
  await dialog.getByLabel("Permissions").selectOption("Operator");
  await dialog.getByLabel("Expires").selectOption({ label: "In 7 days" });
  await dialog.getByLabel("Limit access to a schedule").check();
  await dialog.getByLabel("Notify recipients").uncheck();
  await expect(dialog.getByRole("button", { name: `Remove ${invited}` })).toBeVisible(); // a chip per recipient
  expect(await smallTargets(page), "touch targets under 44 px in the share dialog").toEqual([]);
  await expectNoSeriousAxeViolations(page, "share dialog at 390 px");
  // The form is now taller than the screen; its Share button stays in sight.
  expect(await dialog.evaluate((d) => d.scrollHeight > d.clientHeight)).toBe(true);
  await expect(dialog.getByRole("button", { name: "Share", exact: true })).toBeInViewport({
    ratio: 1,
  });
  await dialog.getByLabel("Limit access to a schedule").uncheck();
  await dialog.getByRole("button", { name: "Share", exact: true }).tap();
  await expect(dialog.getByText("Shared with 1 recipient.")).toBeVisible();
  const link = await dialog
    .getByRole("group", { name: invited })
    .getByLabel("Sharing link")
    .inputValue();
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  await expectSheet(page, dialog, dialog.getByRole("button", { name: "Done" }));
  await dialog.getByRole("button", { name: "Done" }).tap();
  await expect(dialog).toBeHidden();

  // Accept by link: a signed-out recipient on a phone.
  const context = await browser.newContext();
  const phone = await context.newPage();
  await phone.goto(link);
  await expect(
    phone.getByRole("heading", { name: "Pia Phone shared 2 devices with you" }),
  ).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.getByRole("link", { name: "Sign up" }).tap();
  await phone.getByLabel("Name").fill("Ivo Invitee");
  await phone.getByLabel("Password").fill(PASSWORD);
  await phone.getByRole("button", { name: "Sign up" }).tap();
  await expect(phone).toHaveURL(link);
  await expect(phone.getByRole("button", { name: "Accept" })).toBeInViewport();
  await phone.getByRole("button", { name: "Accept" }).tap();
  await expect(phone).toHaveURL(/\/shared-with-me\/[\w-]+$/);
  await expect(phone.getByText("Active").first()).toBeVisible();
  await expect(phone.getByRole("link", { name: "Roof Gateway" })).toBeVisible();

  // Extend from the Shared by Me card: its buttons are on screen, the dialog is a sheet.
  await page.goto("/shared-by-me");
  const row = sharerRow(page, invited);
  await expect(row.getByText("Active")).toBeVisible();
  await expectOnScreen(page, row.getByRole("button"));
  await expect(row.getByText(/^[67] days left$/)).toBeVisible();
  await row.getByRole("button", { name: "Extend expiration" }).tap();
  const extend = page.getByRole("dialog", { name: "Extend expiration" });
  await expectSheet(page, extend, extend.getByRole("button", { name: "Extend expiration" }));
  await extend.getByLabel("Extend by").selectOption("30d");
  await extend.getByRole("button", { name: "Extend expiration" }).tap();
  await expect(extend).toBeHidden();
  await expect(row.getByText(/^3[67] days left$/)).toBeVisible();

  // Cancel from the card.
  await row.getByRole("button", { name: "Cancel sharing" }).tap();
  const cancel = page.getByRole("dialog", { name: /Cancel sharing with/ });
  await expectSheet(page, cancel, cancel.getByRole("button", { name: "Cancel sharing" }));
  await cancel.getByRole("button", { name: "Cancel sharing" }).tap();
  await expect(row.getByText("Cancelled")).toBeVisible();
  await expect(row.getByRole("button", { name: "Cancel sharing" })).toHaveCount(0);
  await phone.goto("/shared-with-me");
  await expect(phone.getByText("Cancelled")).toBeVisible();
  await context.close();
});

test("a share's page on a phone: add devices and cancel one device through sheets", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Sol Sharer");
  const rec = await newUser(browser, "Tom Taker");
  await addDevices(owner.page, ["Pump 1", "Pump 2"]);
  const page = owner.page;
  await page.goto("/devices");
  await page.getByRole("checkbox", { name: "Pump 1", exact: true }).tap();
  await page.getByRole("button", { name: "Share devices" }).tap();
  const share = page.getByRole("dialog", { name: "Share devices" });
  await share.getByLabel("Recipients", { exact: true }).fill(rec.email);
  await share.getByLabel("Notify recipients").uncheck();
  await share.getByRole("button", { name: "Share", exact: true }).tap();
  await share.getByRole("button", { name: "Done" }).tap();
  await acceptPending(rec.page);

  await page.goto("/shared-by-me");
  await sharerRow(page, rec.email).getByRole("link").first().tap();
  await expect(page.getByRole("heading", { name: /Shared with Tom Taker/ })).toBeVisible();
  await page.getByRole("button", { name: "Add devices" }).tap();
  const add = page.getByRole("dialog", { name: "Add devices" });
  await expectSheet(page, add, add.getByRole("button", { name: /Add devices/ }));
  await add.getByRole("checkbox", { name: "Pump 2" }).tap();
  await add.getByRole("button", { name: "Add devices (1)" }).tap();
  await expect(page.getByText(/added Pump 2/)).toBeVisible();

  await expectOnScreen(
    page,
    page.getByRole("row").filter({ hasText: "Pump 1" }).getByRole("button"),
  );
  await page.getByRole("button", { name: "Cancel device sharing for Pump 1" }).tap();
  const confirm = page.getByRole("dialog", { name: "Stop sharing Pump 1?" });
  await expectSheet(page, confirm, confirm.getByRole("button", { name: "Cancel device sharing" }));
  await confirm.getByRole("button", { name: "Cancel device sharing" }).tap();
  await expect(page.getByText(/removed Pump 1/)).toBeVisible();
  await rec.page.goto("/shared-with-me");
  await rec.page.getByRole("link", { name: /1 device/ }).tap();
  await expect(rec.page.getByText("Pump 2")).toBeVisible();
  await expect(rec.page.getByText("Pump 1")).toHaveCount(0);
});

test("the Menu works by keyboard and by touch, and holds Sign out", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Kim Keys");
  await page.getByLabel("Email").fill(uniqueEmail("kim"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).tap();
  await expect(page.getByRole("heading", { name: "My devices" })).toBeVisible();

  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "My devices" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  // Tapping elsewhere closes it; following a link closes it too.
  await menu.tap();
  await expect(nav).toBeVisible();
  await page.touchscreen.tap(200, 800); // below the open menu
  await expect(nav).toBeHidden();
  await menu.tap();
  await nav.getByRole("link", { name: "Shared with Me" }).tap();
  await expect(page.getByRole("heading", { name: "Shared with Me" })).toBeVisible();
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  await menu.tap();
  await page.getByRole("button", { name: "Sign out" }).tap();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});
