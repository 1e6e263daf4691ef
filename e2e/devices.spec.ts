import { expect, test } from "@playwright/test";
import { addDevice, signUp } from "./support/users";

test("add a device, then a service on its page", async ({ page }) => {
  await signUp(page);
  await addDevice(page, {
    name: "Boiler Gateway",
    hardwareId: "80:00:00:00:12:34:56:78",
    group: "Site A / Floor 2",
  });
  await page.getByRole("link", { name: "Boiler Gateway" }).click();
  await expect(page.getByRole("heading", { name: "Boiler Gateway" })).toBeVisible();
  await page.getByLabel("Name").fill("SSH");
  await page.getByLabel("Kind").selectOption("SSH");
  await page.getByLabel("Port").fill("22");
  await page.getByRole("button", { name: "Add service" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "port 22" })).toBeVisible();
  await page.getByLabel("Port").fill("70000");
  await page.getByLabel("Name").fill("Web");
  await page.getByRole("button", { name: "Add service" }).click();
  await expect(page.getByText("Port must be between 1 and 65535.")).toBeVisible();
});

test("bad device input is refused next to the field and nothing is added", async ({ page }) => {
  await signUp(page);
  await page.goto("/devices/new");
  await page.getByLabel("Hardware ID").fill("not valid!");
  await page.getByRole("button", { name: "Add device" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(page.getByText(/Use letters, digits/)).toBeVisible();
  await page.goto("/devices");
  await expect(page.getByText("You have no devices yet")).toBeVisible();
});

test("import a CSV: a bad line writes nothing, a good file imports all", async ({ page }) => {
  await signUp(page);
  await page.goto("/devices");
  await page.getByRole("link", { name: "Import devices" }).click();
  const bad = [
    "name,hardware_id,group,services",
    "Pump 1,AA:01,Plant / North,SSH:22",
    ",AA:02,Plant / North,",
    "Pump 3,AA:03,Plant / South,HTTP:99999",
  ].join("\n");
  await page.getByLabel("CSV", { exact: true }).fill(bad);
  await page.getByRole("button", { name: "Import devices" }).click();
  await expect(page.getByText("Nothing was imported: 2 lines have errors.").first()).toBeVisible();
  await expect(page.getByText(/Line 3: Enter a name/)).toBeVisible();
  await expect(page.getByText(/Line 4: .*Port must be between/)).toBeVisible();
  await page.goto("/devices");
  await expect(page.getByText("You have no devices yet")).toBeVisible();

  await page.goto("/devices/import");
  const good = [
    "name,hardware_id,group,services",
    "Pump 1,AA:01,Plant / North,SSH:22",
    "Pump 2,AA:02,Plant / North,",
    "Valve 3,AA:03,Plant / South,Admin=HTTP:8080",
  ].join("\n");
  await page.getByLabel("CSV", { exact: true }).fill(good);
  await page.getByRole("button", { name: "Import devices" }).click();
  await expect(page.getByText("Imported 3 devices.")).toBeVisible();
  await page.goto("/devices");
  for (const n of ["Pump 1", "Pump 2", "Valve 3"])
    await expect(page.getByRole("checkbox", { name: n })).toBeVisible();
});

test("search and filter by group keep their state in the URL", async ({ page }) => {
  await signUp(page);
  await page.goto("/devices/import");
  const csv = [
    "name,hardware_id,group",
    "North Pump,BB:01,Plant / North",
    "South Pump,BB:02,Plant / South",
    "Office Router,BB:03,Office",
  ].join("\n");
  await page.getByLabel("CSV", { exact: true }).fill(csv);
  await page.getByRole("button", { name: "Import devices" }).click();
  await expect(page.getByText("Imported 3 devices.")).toBeVisible();

  await page.goto("/devices");
  await page.getByLabel("Group").selectOption("Plant");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/group=Plant/);
  await expect(page.getByRole("checkbox", { name: "North Pump" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "South Pump" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Office Router" })).toHaveCount(0);

  await page.getByLabel("Search devices").fill("south");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("checkbox", { name: "South Pump" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "North Pump" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Search devices")).toHaveValue("south");
});
