import { expect, test } from "@playwright/test";
import {
  STOPS,
  expectNoSeriousAxeViolations,
  setUpTour,
  smallTargets,
  visit,
  type Tour,
} from "../support/tour";

const SCREEN = 390;
let tour: Tour;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  tour = await setUpTour(browser);
});
test.afterAll(async () => {
  for (const c of tour?.contexts ?? []) await c.close();
});

for (const stop of STOPS) {
  test(`${stop.route} fits a 390 px phone: no sideways scroll, a Menu, 44 px targets, no serious axe violation`, async () => {
    const page = await visit(tour, stop);
    // A mobile browser widens its layout viewport to fit wide content (and zooms out), so
    // innerWidth alone would hide the problem: both must stay at the screen's 390 px.
    const widths = await page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    // Soft: one run reports every kind of problem a page has.
    expect.soft(widths.viewport, "layout viewport wider than the screen").toBe(SCREEN);
    expect.soft(widths.doc, "page wider than the screen").toBeLessThanOrEqual(SCREEN);
    expect.soft(await smallTargets(page), "touch targets under 44 px").toEqual([]);
    await expectNoSeriousAxeViolations(page, `${stop.route} at 390 px`, true);

    if (stop.dialog) return; // the page behind a modal dialog, its header included, is inert
    // The header's links live behind one Menu button.
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    await expect(nav.getByRole("link").first()).toBeVisible();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      "open menu wider than the screen",
    ).toBeLessThanOrEqual(SCREEN);
    expect(await smallTargets(page), "touch targets under 44 px, menu open").toEqual([]);
    await expectNoSeriousAxeViolations(page, `${stop.route} at 390 px, menu open`);
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
  });
}
