import { expect, test } from "@playwright/test";
import { addDevices, newUser, share, sharerRow } from "./support/sharing";

test("permissions are immutable: cancel and share again, pre-filled, in one step", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Imma Owner");
  const rec = await newUser(browser, "Rob Recipient");
  await addDevices(owner.page, ["Gate 7", "Gate 8"]);
  await share(owner.page, ["Gate 7", "Gate 8"], rec.email, {
    permissions: "Operator",
    description: "Night shift",
    notify: false,
  });
  await rec.page.goto("/shared-with-me");
  await rec.page.getByRole("button", { name: "Accept" }).click();
  await expect(rec.page.getByText("Active")).toBeVisible();

  await owner.page.goto("/shared-by-me");
  await sharerRow(owner.page, rec.email).getByRole("link").first().click();
  await expect(
    owner.page.getByText("Permissions, services and schedule are fixed once shared."),
  ).toBeVisible();
  await owner.page.getByRole("link", { name: "Cancel and share again with changes" }).click();

  const dialog = owner.page.getByRole("dialog", { name: "Share devices" });
  await expect(dialog.getByLabel("Recipients", { exact: true })).toHaveValue(rec.email);
  await expect(dialog.getByLabel("Permissions")).toHaveValue("Operator");
  await expect(dialog.getByLabel("Description")).toHaveValue("Night shift");
  await expect(dialog.getByText("Sharing 2 devices.")).toBeVisible();
  await dialog.getByLabel("Permissions").selectOption("Manager");
  await dialog.getByLabel("Notify recipients").uncheck();
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText(/Shared with 1 recipient/)).toBeVisible();

  await owner.page.goto("/shared-by-me");
  await expect(
    sharerRow(owner.page, rec.email).filter({ hasText: "Manager" }).getByText("Pending"),
  ).toBeVisible();
  await expect(
    sharerRow(owner.page, rec.email).filter({ hasText: "Operator" }).getByText("Cancelled"),
  ).toBeVisible();
  await rec.page.goto("/shared-with-me");
  await expect(
    rec.page.getByRole("listitem").filter({ hasText: "Manager" }).getByText("Pending"),
  ).toBeVisible();
  await expect(
    rec.page.getByRole("listitem").filter({ hasText: "Operator" }).getByText("Cancelled"),
  ).toBeVisible();
});
