// The authorization matrix (docs/rules.md, "Cross-cutting checks"), through the real server:
// the private pages answer 404 to a signed-in user who
// has no business there (the same 404 as for an id that does not exist: no hint), and send
// anonymous visitors to /sign-in with a way back.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { shareIdFor } from "./support/db";
import { addDevices, newUser, share } from "./support/sharing";

async function status(page: Page, path: string): Promise<number> {
  const res = await page.goto(path);
  return res!.status();
}

/** The visible text of a 404 page, to compare "exists but not yours" with "does not exist". */
async function notFoundText(page: Page, path: string): Promise<string> {
  expect(await status(page, path), path).toBe(404);
  return page.locator("main").innerText();
}

test("private pages: 404 for the wrong signed-in user, sign-in for anonymous visitors", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Olga Owner");
  const recipient = await newUser(browser, "Rita Recipient");
  const stranger = await newUser(browser, "Sam Stranger");
  const deviceName = `Trust Gateway ${randomUUID().slice(0, 6)}`;
  const deviceId = (await addDevices(owner.page, [deviceName]))[deviceName];
  const links = await share(owner.page, [deviceName], recipient.email, { notify: false });
  await recipient.page.goto(links[recipient.email]);
  await recipient.page.getByRole("button", { name: "Accept" }).click();
  await expect(recipient.page).toHaveURL(/\/shared-with-me/);
  const shareId = await shareIdFor(recipient.email);

  const device = `/devices/${deviceId}`;
  const byMe = `/shared-by-me/${shareId}`;
  const withMe = `/shared-with-me/${shareId}`;

  // The rightful users get the pages, so the refusals below are about who asks, not the URL.
  expect(await status(owner.page, device)).toBe(200);
  expect(await status(owner.page, byMe)).toBe(200);
  expect(await status(recipient.page, withMe)).toBe(200);
  await expect(recipient.page.getByText(deviceName)).toBeVisible();

  // Another signed-in user: 404 everywhere, the same page as for ids that never existed.
  for (const [real, forged] of [
    [device, `/devices/${randomUUID()}`],
    [byMe, `/shared-by-me/${randomUUID()}`],
    [withMe, `/shared-with-me/${randomUUID()}`],
  ]) {
    const shown = await notFoundText(stranger.page, real);
    expect(shown).not.toContain(deviceName);
    expect(shown).not.toContain(owner.email);
    expect(shown).toBe(await notFoundText(stranger.page, forged));
  }
  // Each side's page is closed to the other side.
  expect(await status(recipient.page, byMe)).toBe(404);
  expect(await status(owner.page, withMe)).toBe(404);

  // Anonymous: redirected to sign-in, with the page to come back to.
  const anon = await (await browser.newContext()).newPage();
  for (const path of [device, byMe, withMe, "/settings/api", "/settings/webhooks"]) {
    const res = await anon.goto(path);
    const hop = res!.request().redirectedFrom();
    expect(hop, `${path} was not redirected`).not.toBeNull();
    expect([303, 307, 308]).toContain((await hop!.response())!.status());
    expect(new URL(anon.url()).pathname).toBe("/sign-in");
    expect(new URL(anon.url()).searchParams.get("callbackUrl")).toBe(path);
    expect(res!.status()).toBe(200);
    await expect(anon.getByText(deviceName)).toHaveCount(0);
  }
  const live = await anon.request.get("/api/live?scope=sharer");
  expect(live.status()).toBe(404);
});
