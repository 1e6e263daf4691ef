import { expect, test, type Page } from "@playwright/test";
import { serviceId } from "./support/db";
import { addDevices, fillShareDialog, newUser } from "./support/sharing";

async function addService(page: Page, deviceId: string, name: string, kind: string, port: string) {
  await page.goto(`/devices/${deviceId}`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Kind").selectOption(kind);
  await page.getByLabel("Port").fill(port);
  await page.getByRole("button", { name: "Add service" }).click();
  await expect(page.getByText(`${kind} · port ${port}`)).toBeVisible();
}

/** Rewrites the body of the next server action that contains `from`. */
async function forge(page: Page, pairs: [string, string][]) {
  await page.route("**/*", async (route) => {
    const body = route.request().postData();
    if (route.request().method() === "POST" && route.request().headers()["next-action"] && body) {
      await route.continue({ postData: pairs.reduce((b, [f, t]) => b.replaceAll(f, t), body) });
    } else await route.continue();
  });
}

async function accept(page: Page) {
  await page.goto("/shared-with-me?status=Pending");
  const buttons = page.getByRole("button", { name: "Accept" });
  const before = await buttons.count();
  await buttons.first().click();
  await expect(buttons).toHaveCount(before - 1);
}

test("per-service, per-permission and scheduled access is enforced, forged requests included", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Ari Owner");
  const bob = await newUser(browser, "Bob Operator");
  const ids = await addDevices(owner.page, ["Edge Router", "Night Gate"]);
  await addService(owner.page, ids["Edge Router"], "SSH", "SSH", "22");
  await addService(owner.page, ids["Edge Router"], "Web", "HTTP", "80");
  const ssh = await serviceId(ids["Edge Router"], "SSH");
  const web = await serviceId(ids["Edge Router"], "Web");

  // Manager on Edge Router, but only its SSH service.
  const dialog = await fillShareDialog(owner.page, ["Edge Router"], bob.email, {
    permissions: "Manager",
    notify: false,
  });
  await dialog.getByText(/Services: all services/).click();
  await dialog.getByRole("checkbox", { name: "All services of Edge Router" }).uncheck();
  await dialog.getByRole("checkbox", { name: /Web \(HTTP 80\) on Edge Router/ }).uncheck();
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText(/Shared with 1 recipient/)).toBeVisible();

  // Viewer on Night Gate, only on a day that is not today.
  const tomorrow = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][(new Date().getDay() + 7) % 7];
  const night = await fillShareDialog(owner.page, ["Night Gate"], bob.email, {
    permissions: "Operator",
    notify: false,
  });
  await night.getByRole("checkbox", { name: "Limit access to a schedule" }).check();
  for (const d of ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]) {
    if (d !== tomorrow) await night.getByRole("checkbox", { name: d, exact: true }).uncheck();
  }
  await night.getByRole("button", { name: "Share", exact: true }).click();
  await expect(night.getByText(/Shared with 1 recipient/)).toBeVisible();

  await accept(bob.page);
  await accept(bob.page);

  // What Bob sees on the router: only SSH, and what he may do.
  await bob.page.goto(`/devices/${ids["Edge Router"]}`);
  await expect(bob.page.getByText("Configure: allowed")).toBeVisible();
  await expect(bob.page.getByText("SSH", { exact: true })).toBeVisible();
  await expect(bob.page.getByText("Web", { exact: true })).toHaveCount(0);
  await bob.page.getByRole("button", { name: "Connect to SSH" }).click();
  await expect(bob.page.getByText("Opened a remote session to Edge Router.")).toBeVisible();

  // Forged: the same Connect, aimed at the Web service that was not shared.
  await forge(bob.page, [[ssh, web]]);
  await bob.page.getByRole("button", { name: "Connect to SSH" }).click();
  await expect(bob.page.getByText("Remote access: service not shared")).toBeVisible();
  await bob.page.unroute("**/*");

  // The scheduled gate: visible with the reason, nothing offered, forged operate refused.
  await bob.page.goto(`/devices/${ids["Night Gate"]}`);
  await expect(bob.page.getByText(/Operate: outside the schedule until/)).toBeVisible();
  await expect(bob.page.getByRole("button", { name: "Operate" })).toHaveCount(0);
  await bob.page.goto(`/devices/${ids["Edge Router"]}`);
  await forge(bob.page, [[ids["Edge Router"], ids["Night Gate"]]]);
  await bob.page.getByRole("button", { name: "Operate" }).click();
  await expect(bob.page.getByText(/Operate: outside the schedule until/)).toBeVisible();
  await bob.page.unroute("**/*");

  // Forged: an operation the share does not grant (Viewer-only would not offer it; rewrite the name).
  await forge(bob.page, [
    ['"operate"', '"forbidden-op"'],
    ["operate", "teleport"],
  ]);
  await bob.page.getByRole("button", { name: "Operate" }).click();
  await expect(bob.page.getByText("Unknown operation.").first()).toBeVisible();
  await bob.page.unroute("**/*");

  // The sharer audits what was done.
  await owner.page.goto("/shared-by-me");
  await owner.page
    .getByRole("row")
    .filter({ hasText: "Manager" })
    .getByRole("link")
    .first()
    .click();
  await expect(owner.page.getByText(/used remote on Edge Router/)).toBeVisible();
});

test("a permission not granted is refused even when the request is forged", async ({ browser }) => {
  const owner = await newUser(browser, "Vera Owner");
  const viewer = await newUser(browser, "Walt Viewer");
  const ids = await addDevices(owner.page, ["Thermostat", "Boiler"]);
  const a = await fillShareDialog(owner.page, ["Thermostat"], viewer.email, {
    permissions: "Operator",
    notify: false,
  });
  await a.getByRole("button", { name: "Share", exact: true }).click();
  await expect(a.getByText(/Shared with 1 recipient/)).toBeVisible();
  const b = await fillShareDialog(owner.page, ["Boiler"], viewer.email, {
    permissions: "Viewer",
    notify: false,
  });
  await b.getByRole("button", { name: "Share", exact: true }).click();
  await expect(b.getByText(/Shared with 1 recipient/)).toBeVisible();
  await accept(viewer.page);
  await accept(viewer.page);

  await viewer.page.goto(`/devices/${ids["Boiler"]}`);
  await expect(viewer.page.getByText("Operate: not granted")).toBeVisible();
  await expect(viewer.page.getByRole("button", { name: "Operate" })).toHaveCount(0);

  await viewer.page.goto(`/devices/${ids["Thermostat"]}`);
  await forge(viewer.page, [[ids["Thermostat"], ids["Boiler"]]]);
  await viewer.page.getByRole("button", { name: "Operate" }).click();
  await expect(viewer.page.getByText("Operate: not granted")).toHaveCount(1);
  await expect(viewer.page.getByText("Operated Boiler.")).toHaveCount(0);
});

test("Add devices can share a chosen subset of a device's services", async ({ browser }) => {
  const owner = await newUser(browser, "Sol Owner");
  const rec = await newUser(browser, "Una Recipient");
  const ids = await addDevices(owner.page, ["First Box", "Second Box"]);
  await addService(owner.page, ids["Second Box"], "SSH", "SSH", "22");
  await addService(owner.page, ids["Second Box"], "Web", "HTTP", "80");
  const first = await fillShareDialog(owner.page, ["First Box"], rec.email, {
    permissions: "Manager",
    notify: false,
  });
  await first.getByRole("button", { name: "Share", exact: true }).click();
  await expect(first.getByText(/Shared with 1 recipient/)).toBeVisible();
  await accept(rec.page);

  await owner.page.goto("/shared-by-me");
  await owner.page
    .getByRole("row")
    .filter({ hasText: rec.email })
    .getByRole("link")
    .first()
    .click();
  await owner.page.getByRole("button", { name: "Add devices" }).click();
  const add = owner.page.getByRole("dialog", { name: "Add devices" });
  await add.getByRole("checkbox", { name: "Second Box" }).check();
  await add.getByText(/Services: all services/).click();
  await add.getByRole("checkbox", { name: "All services of Second Box" }).uncheck();
  await add.getByRole("checkbox", { name: /SSH \(SSH 22\) on Second Box/ }).uncheck();
  await add.getByRole("button", { name: /Add devices/ }).click();
  await expect(
    owner.page.getByRole("row").filter({ hasText: "Second Box" }).getByText("Web (HTTP 80)"),
  ).toBeVisible();

  await rec.page.goto(`/devices/${ids["Second Box"]}`);
  await expect(rec.page.getByText("Web", { exact: true })).toBeVisible();
  await expect(rec.page.getByText("SSH", { exact: true })).toHaveCount(0);
});
