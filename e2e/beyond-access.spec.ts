import { expect, test } from "@playwright/test";
import { acceptPending, download, shareIdFor } from "./support/beyond";
import { addDevices, newUser, share } from "./support/sharing";

test("Who has access: devices × recipients, filters, links and Export CSV", async ({ browser }) => {
  const owner = await newUser(browser, "Mia Owner");
  const bob = await newUser(browser, "Bob Fitter");
  const carol = await newUser(browser, "Carol Guest");
  const ids = await addDevices(owner.page, ["Gate A", "=Gate B", "Spare"]);
  await share(owner.page, ["Gate A", "=Gate B"], bob.email, {
    permissions: "Operator",
    expires: "In 7 days",
    notify: false,
  });
  await share(owner.page, ["Gate A"], carol.email, {
    permissions: "Viewer",
    expires: "Never (permanent)",
    notify: false,
  });
  await acceptPending(bob.page);
  const bobShare = await shareIdFor(owner.page, bob.email);

  await owner.page.goto("/devices");
  await owner.page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Who has access" })
    .click();
  await expect(owner.page.getByRole("heading", { name: "Who has access" })).toBeVisible();
  const table = owner.page.getByRole("table");
  // Columns are recipients, linking to their share; rows are devices, linking to the device.
  await expect(
    table.getByRole("columnheader", { name: /Bob Fitter/ }).getByRole("link"),
  ).toHaveAttribute("href", `/shared-by-me/${bobShare}`);
  await expect(table.getByRole("rowheader", { name: "Gate A" }).getByRole("link")).toHaveAttribute(
    "href",
    `/devices/${ids["Gate A"]}`,
  );
  await expect(table.getByRole("rowheader", { name: "Spare" })).toHaveCount(0); // shared with nobody
  const gateA = table.getByRole("row", { name: /Gate A/ });
  await expect(gateA.getByRole("cell").nth(0)).toContainText("Operator");
  await expect(gateA.getByRole("cell").nth(0)).toContainText("until");
  await expect(gateA.getByRole("cell").nth(1)).toContainText("Viewer");
  await expect(gateA.getByRole("cell").nth(1)).toContainText("permanent");
  await expect(gateA.getByRole("cell").nth(1)).toContainText("Pending");
  await expect(
    table
      .getByRole("row", { name: /=Gate B/ })
      .getByRole("cell")
      .nth(1),
  ).toHaveText("—");

  // Filters live in the URL.
  await owner.page.getByLabel("Recipient").fill("carol");
  await owner.page.getByRole("button", { name: "Apply filters" }).click();
  await expect(owner.page).toHaveURL(/recipient=carol/);
  await expect(table.getByRole("columnheader", { name: /Bob Fitter/ })).toHaveCount(0);
  await expect(table.getByRole("columnheader", { name: /Carol Guest/ })).toBeVisible();
  await owner.page.goto("/access?status=Pending");
  await expect(table.getByRole("columnheader", { name: /Bob Fitter/ })).toHaveCount(0);
  await owner.page.goto("/access?device=gate+b");
  await expect(table.getByRole("rowheader")).toHaveCount(1);
  await owner.page.goto("/access?group=Nowhere");
  await expect(owner.page.getByText("Nobody matches these filters.")).toBeVisible();

  // Export CSV: the page's filters, escaped, formulas neutralised.
  await owner.page.goto("/access?recipient=bob");
  const lines = await download(
    owner.page,
    (await owner.page.getByRole("link", { name: "Export CSV" }).getAttribute("href"))!,
  );
  expect(lines[0]).toBe(
    "Device,Hardware ID,Group,Recipient email,Recipient name,Status,Permissions,Operations,Services,Expires,Share ID,Via",
  );
  expect(lines).toHaveLength(3);
  // The last column, Via, is empty: Bob's share is direct, not through a group.
  expect(lines[1]).toMatch(
    new RegExp(
      `^'=Gate B,.*,Site A,${bob.email},Bob Fitter,Active,Operator,view operate,all,\\d{4}-.*,${bobShare},$`,
    ),
  );
  expect(lines[2]).toMatch(/^Gate A,/);

  // The recipient's own matrix holds only what they share themselves: nothing.
  await bob.page.goto("/access");
  await expect(bob.page.getByText("Nobody has access to your devices.")).toBeVisible();
  const bobCsv = await download(bob.page, "/access/export");
  expect(bobCsv).toHaveLength(1);
});
