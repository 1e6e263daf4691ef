import { expect, test, type Page } from "@playwright/test";
import { count, markDemo, shareCounts } from "./support/db";
import { addDevices, fillShareDialog, newUser, share } from "./support/sharing";

/** Rewrites the next server action call on this page: a forged request from a real browser. */
async function forgeNextAction(page: Page, from: string, to: string) {
  await page.route("**/*", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"] && req.postData()?.includes(from)) {
      await route.continue({ postData: req.postData()!.replaceAll(from, to) });
    } else {
      await route.continue();
    }
  });
}

test("conflicts are shown before writing; the sharer may skip them explicitly", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Cora Owner");
  const bob = await newUser(browser, "Bob Again");
  await addDevices(owner.page, ["Hub 1", "Hub 2"]);
  await share(owner.page, ["Hub 1"], bob.email, { notify: false });
  const before = await count("share_items");

  const dialog = await fillShareDialog(owner.page, ["Hub 1", "Hub 2"], bob.email, {
    notify: false,
  });
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  const alert = dialog.getByText(/already shared\. Nothing has been written/);
  await expect(alert).toBeVisible();
  await expect(dialog.getByText(`Hub 1 with ${bob.email}`)).toBeVisible();
  expect(await count("share_items")).toBe(before);

  await dialog.getByRole("button", { name: "Skip conflicts and share the rest" }).click();
  await expect(dialog.getByText(/Skipped 1 pair/)).toBeVisible();
  expect(await count("share_items")).toBe(before + 1);
});

test("bad input is refused with a clear message and nothing is written", async ({ browser }) => {
  const owner = await newUser(browser, "Bea Owner");
  await addDevices(owner.page, ["Sensor X"]);
  const before = await shareCounts();
  const unchanged = async () => expect(await shareCounts()).toEqual(before);

  // Invalid email.
  let dialog = await fillShareDialog(owner.page, ["Sensor X"], "ok@example.com, not-an-email");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText('"not-an-email" is not a valid email address.')).toBeVisible();
  await unchanged();

  // Self-share.
  dialog = await fillShareDialog(owner.page, ["Sensor X"], owner.email);
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText("You cannot share with yourself").first()).toBeVisible();
  await unchanged();

  // Expiry in the past.
  dialog = await fillShareDialog(owner.page, ["Sensor X"], "ok@example.com", {
    expires: "On a date…",
    expiryDate: "2020-01-01",
  });
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText("The expiry must be in the future.")).toBeVisible();
  await unchanged();

  // No device selected.
  await owner.page.goto("/devices");
  await owner.page.getByRole("button", { name: "Share devices" }).click();
  dialog = owner.page.getByRole("dialog", { name: "Share devices" });
  await expect(dialog.getByText("No devices selected")).toBeVisible();
  await dialog.getByLabel("Recipients", { exact: true }).fill("ok@example.com");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText("Select at least one device.").first()).toBeVisible();
  await unchanged();
});

test("forged device ids — someone else's, one shared with you, a demo one — are refused", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Fay Forger");
  const victim = await newUser(browser, "Vic Victim");
  const ids = await addDevices(owner.page, ["My Device", "Demo Unit"]);
  const victimIds = await addDevices(victim.page, ["Victim Secret"]);
  await share(victim.page, ["Victim Secret"], owner.email, { notify: false });
  await owner.page.goto("/shared-with-me");
  await owner.page.getByRole("button", { name: "Accept" }).click();
  await expect(owner.page.getByText("Active")).toBeVisible();
  const before = await shareCounts();

  // Someone else's device (also the one they shared with me: it cannot be shared onwards).
  await forgeNextAction(owner.page, ids["My Device"], victimIds["Victim Secret"]);
  const dialog = await fillShareDialog(owner.page, ["My Device"], "friend@example.com");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText(/not found/i).first()).toBeVisible();
  await expect(dialog.getByText("Victim Secret")).toHaveCount(0);
  await owner.page.unroute("**/*");
  expect(await shareCounts()).toEqual(before);

  // A demo device.
  await markDemo(ids["Demo Unit"]);
  const demo = await fillShareDialog(owner.page, ["Demo Unit"], "friend@example.com");
  await expect(demo.getByText("Demo devices cannot be shared: Demo Unit")).toBeVisible();
  await demo.getByRole("button", { name: "Share", exact: true }).click();
  await expect(
    demo.getByText(/Demo Unit.*demo device.*cannot be shared|cannot be shared.*Demo Unit/i).last(),
  ).toBeVisible();
  expect(await shareCounts()).toEqual(before);
});
