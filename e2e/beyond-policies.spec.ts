import { expect, test } from "@playwright/test";
import { count } from "./support/db";
import { forgeActions } from "./support/beyond";
import { addDevices, fillShareDialog, newUser, share, sharerRow } from "./support/sharing";

test("sharing policies: default and maximum expiry, allowed domains — in the dialog and on the server", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Pol Owner");
  await addDevices(owner.page, ["Router 1"]);

  await owner.page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Settings" })
    .click();
  await expect(owner.page.getByRole("heading", { name: "Sharing policies" })).toBeVisible();
  await owner.page.getByLabel("Default expiry").selectOption({ label: "Never (permanent)" });
  await owner.page.getByLabel("Maximum expiry").fill("30");
  await owner.page.getByLabel("Allowed email domains").fill("example.test, example.org");
  await owner.page.getByRole("button", { name: "Save policies" }).click();
  await expect(
    owner.page.getByText("The default expiry cannot be longer than the maximum expiry."),
  ).toBeVisible();
  await owner.page.getByLabel("Default expiry").selectOption({ label: "1 day" });
  await owner.page.getByRole("button", { name: "Save policies" }).click();
  await expect(owner.page.getByText("Sharing policies saved.")).toBeVisible();
  await owner.page.reload();
  await expect(owner.page.getByLabel("Maximum expiry")).toHaveValue("30");
  await expect(owner.page.getByLabel("Allowed email domains")).toHaveValue(
    "example.test, example.org",
  );

  // The dialog starts at the default and refuses what the policy forbids, before sending.
  let dialog = await fillShareDialog(owner.page, ["Router 1"], "eve@evil.io");
  await expect(dialog.getByLabel("Expires")).toHaveValue("1d");
  await expect(dialog.getByRole("option", { name: "Never (permanent)" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(
    dialog.getByText("Recipients must have an email at example.test or example.org"),
  ).toBeVisible();
  await dialog.getByLabel("Recipients", { exact: true }).fill("ok@example.test");
  await dialog.getByLabel("Expires").selectOption({ label: "On a date…" });
  await dialog
    .getByLabel("Expiry date")
    .fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText("This share may last at most 30 days")).toBeVisible();

  // The server checks the same rules: forged requests are refused, nothing is written.
  const before = await count("shares");
  await forgeActions(owner.page, (body) => body.replaceAll("ok@example.test", "eve@evil.io"));
  dialog = await fillShareDialog(owner.page, ["Router 1"], "ok@example.test");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(
    dialog.getByText("Recipients must have an email at example.test or example.org"),
  ).toBeVisible();
  await owner.page.unrouteAll();
  await forgeActions(owner.page, (body) => body.replace(/"expiresAt":\d+/, '"expiresAt":null'));
  dialog = await fillShareDialog(owner.page, ["Router 1"], "ok@example.test");
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText("This share may last at most 30 days")).toBeVisible();
  await owner.page.unrouteAll();
  expect(await count("shares")).toBe(before);

  // Within the policy it works; extending beyond the maximum is refused, within it allowed.
  await share(owner.page, ["Router 1"], "ok@example.test", { expires: "In 7 days", notify: false });
  await owner.page.goto("/shared-by-me");
  const row = sharerRow(owner.page, "ok@example.test");
  await row.getByRole("button", { name: /Extend expiration/ }).click();
  const extend = owner.page.getByRole("dialog", { name: "Extend expiration" });
  await extend.getByLabel("Extend by").selectOption("30d");
  await extend.getByRole("button", { name: "Extend expiration" }).click();
  await expect(extend.getByText("This share may last at most 30 days")).toBeVisible();
  await extend.getByLabel("Extend by").selectOption("7d");
  await extend.getByRole("button", { name: "Extend expiration" }).click();
  await expect(extend).toBeHidden();
  await expect(row.getByText(/1[34] days left/)).toBeVisible();
});
