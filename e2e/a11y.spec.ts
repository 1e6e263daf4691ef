import { expect, test } from "@playwright/test";
import { STOPS, expectNoSeriousAxeViolations, setUpTour, visit, type Tour } from "./support/tour";

// The desktop half of the page-by-page checks (the phone half is e2e/phone/pages.spec.ts).
let tour: Tour;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  tour = await setUpTour(browser);
});
test.afterAll(async () => {
  for (const c of tour?.contexts ?? []) await c.close();
});

for (const stop of STOPS) {
  test(`${stop.route} on a desktop: inline header, no serious axe violation`, async () => {
    const page = await visit(tour, stop);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await expectNoSeriousAxeViolations(page, `${stop.route} at desktop size`);
    if (stop.dialog) return; // the page behind a modal dialog is inert
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    // Signed in, the main links sit in the header; signed out, the page offers its own.
    const nav = page.getByRole("navigation", { name: "Main" });
    if (stop.as === "anon") await expect(nav).toBeHidden();
    else await expect(nav.getByRole("link", { name: "Shared by Me" })).toBeVisible();
  });
}

test("dialogs on a desktop: centred, as tall as their content, no serious axe violation", async () => {
  const page = tour.owner;
  await page.goto("/devices");
  await page.getByRole("checkbox", { name: "North Gateway", exact: true }).check();
  await page.getByRole("button", { name: "Share devices" }).click();
  const dialog = page.getByRole("dialog", { name: "Share devices" });
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  const screen = page.viewportSize()!;
  expect(box.width).toBeLessThan(screen.width * 0.7);
  expect(Math.abs(box.x + box.width / 2 - screen.width / 2)).toBeLessThan(2);
  expect(Math.abs(box.y + box.height / 2 - screen.height / 2)).toBeLessThan(2);
  await expectNoSeriousAxeViolations(page, "share dialog at desktop size");
  await page.keyboard.press("Escape");

  // A short dialog is as tall as its content, not a sheet.
  await page.goto("/shared-by-me");
  await page
    .getByRole("button", { name: /^Extend expiration for/ })
    .first()
    .click();
  const extend = page.getByRole("dialog", { name: "Extend expiration" });
  await expect(extend).toBeVisible();
  const small = (await extend.boundingBox())!;
  expect(small.height).toBeLessThan(screen.height / 2);
  expect(Math.abs(small.y + small.height / 2 - screen.height / 2)).toBeLessThan(2);
});

test("every filter form's Apply filters button is styled, server-rendered ones included", async () => {
  for (const [page, path] of [
    [tour.owner, "/devices"],
    [tour.owner, "/shared-by-me"],
    [tour.owner, "/access"],
    [tour.owner, "/activity"],
    [tour.recipient, "/shared-with-me"],
  ] as const) {
    await page.goto(path);
    const apply = page.getByRole("button", { name: "Apply filters" });
    await expect(apply, path).toHaveClass(/\bbtn btn-secondary\b/);
    // The class must also reach a style: a bordered button, not bare text.
    expect(await apply.evaluate((b) => getComputedStyle(b).borderTopWidth), path).toBe("1px");
  }
});
