import { expect, test } from "@playwright/test";
import { newUser, sharerRow } from "./support/sharing";
import { uniqueEmail } from "./support/users";

test("a fleet owner shares every device matching a filter, beyond the first page, with several people", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Fleet Owner");
  const rows = ["name,hardware_id,group,services"];
  for (let i = 1; i <= 70; i++)
    rows.push(`Meter ${String(i).padStart(3, "0")},FF:${i},Plant / Meters,HTTP:80`);
  rows.push("Office Printer,FF:999,Office,");
  await owner.page.goto("/devices/import");
  await owner.page.getByLabel("CSV", { exact: true }).fill(rows.join("\n"));
  await owner.page.getByRole("button", { name: "Import devices" }).click();
  await expect(owner.page.getByText("Imported 71 devices.")).toBeVisible();

  await owner.page.goto("/devices?group=Plant");
  await owner.page.getByRole("checkbox", { name: "Select all devices on this page" }).check();
  await owner.page.getByRole("button", { name: "Select all 70 matching devices" }).click();
  await expect(owner.page.getByText("70 selected")).toBeVisible();
  await owner.page.getByRole("button", { name: "Share devices" }).click();
  const dialog = owner.page.getByRole("dialog", { name: "Share devices" });
  await expect(dialog.getByText("Sharing 70 devices.")).toBeVisible();
  const [a, b] = [uniqueEmail("crew-a"), uniqueEmail("crew-b")];
  await dialog.getByLabel("Recipients", { exact: true }).fill(`${a}\n${b}\n${a}`);
  await expect(
    dialog.getByRole("list", { name: "Recipients to share with" }).getByRole("listitem"),
  ).toHaveCount(2);
  await dialog.getByLabel("Notify recipients").uncheck();
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText("Shared with 2 recipients.")).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();

  await owner.page.goto("/shared-by-me");
  for (const email of [a, b])
    await expect(
      sharerRow(owner.page, email).getByRole("cell", { name: "70", exact: true }),
    ).toBeVisible();
});
