import { expect, test } from "@playwright/test";
import { acceptPending, shareIdFor } from "./support/beyond";
import { addDevices, newUser, share, sharerRow } from "./support/sharing";

test("suspend and resume a share: the recipient loses and regains access, both sides show it", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Sue Owner");
  const bob = await newUser(browser, "Bob Renter");
  const ids = await addDevices(owner.page, ["Pump 1"]);
  await share(owner.page, ["Pump 1"], bob.email, { permissions: "Operator", notify: false });
  await acceptPending(bob.page);
  const shareId = await shareIdFor(owner.page, bob.email);

  // A pending or active share shows Suspend only once accepted; confirm names the action.
  await owner.page.goto(`/shared-by-me/${shareId}`);
  await owner.page.getByRole("button", { name: "Suspend" }).click();
  const dialog = owner.page.getByRole("dialog", { name: /Suspend sharing with/ });
  await dialog.getByRole("button", { name: "Suspend" }).click();
  await expect(owner.page.getByRole("button", { name: "Resume" })).toBeVisible();
  await expect(owner.page.getByRole("button", { name: "Suspend" })).toHaveCount(0);
  await expect(owner.page.getByText("Suspended", { exact: true })).toBeVisible();
  await expect(owner.page.getByText("Sue Owner suspended access")).toBeVisible();
  // Devices, permissions and expiry stay: it is not cancelled.
  await expect(owner.page.getByRole("button", { name: "Cancel sharing" })).toBeVisible();
  await owner.page.goto("/shared-by-me");
  await expect(
    sharerRow(owner.page, bob.email).getByText("Suspended", { exact: true }),
  ).toBeVisible();

  // The recipient: Suspended in the list and on the share, refused on the device page.
  await bob.page.goto("/shared-with-me");
  await expect(bob.page.getByText("Suspended", { exact: true })).toBeVisible();
  await bob.page.goto(`/shared-with-me/${shareId}`);
  await expect(bob.page.getByText(/Sue Owner suspended this share/)).toBeVisible();
  await bob.page.getByRole("link", { name: "Pump 1" }).click();
  await expect(bob.page.getByRole("heading", { name: "Pump 1" })).toBeVisible();
  await expect(bob.page.getByText("View: sharing suspended")).toBeVisible();
  await expect(bob.page.getByText("Operate: sharing suspended")).toBeVisible();
  await expect(bob.page.getByRole("button", { name: "Operate" })).toHaveCount(0);

  // Resume: access is back at once.
  await owner.page.goto(`/shared-by-me/${shareId}`);
  await owner.page.getByRole("button", { name: "Resume" }).click();
  await expect(owner.page.getByRole("button", { name: "Suspend" })).toBeVisible();
  await expect(owner.page.getByText("Sue Owner resumed access")).toBeVisible();
  await bob.page.goto(`/devices/${ids["Pump 1"]}`);
  await expect(bob.page.getByText("View: allowed")).toBeVisible();
  await expect(bob.page.getByRole("button", { name: "Operate" })).toBeVisible();
});

test("a pending share offers no Suspend; a stranger gets 404 for the share", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Pat Owner");
  const eve = await newUser(browser, "Eve Stranger");
  await addDevices(owner.page, ["Valve 7"]);
  await share(owner.page, ["Valve 7"], "pending-recipient@example.test", { notify: false });
  const shareId = await shareIdFor(owner.page, "pending-recipient@example.test");
  await owner.page.goto(`/shared-by-me/${shareId}`);
  await expect(owner.page.getByRole("button", { name: "Cancel sharing" })).toBeVisible();
  await expect(owner.page.getByRole("button", { name: "Suspend" })).toHaveCount(0);
  const res = await eve.page.goto(`/shared-by-me/${shareId}`);
  expect(res?.status()).toBe(404);
});
