import { expect, test } from "@playwright/test";
import { acceptPending, download, shareIdFor } from "./support/beyond";
import { addDevices, newUser, share } from "./support/sharing";

test("Activity: the owner's whole history, filterable, with Export CSV", async ({ browser }) => {
  const owner = await newUser(browser, "Ada Owner");
  const bob = await newUser(browser, "Bob Worker");
  const carol = await newUser(browser, "Carol Visitor");
  await addDevices(owner.page, ["Boiler", "Meter"]);
  await share(owner.page, ["Boiler"], bob.email, { notify: false });
  await share(owner.page, ["Meter"], carol.email, { notify: false });
  await acceptPending(bob.page);
  const carolShare = await shareIdFor(owner.page, carol.email);
  await owner.page.goto(`/shared-by-me/${carolShare}`);
  await owner.page.getByRole("button", { name: "Cancel sharing" }).click();
  await owner.page.getByRole("dialog").getByRole("button", { name: "Cancel sharing" }).click();
  await expect(owner.page.getByText("Ada Owner cancelled the share")).toBeVisible();

  await owner.page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Activity" })
    .click();
  await expect(owner.page.getByRole("heading", { name: "Activity" })).toBeVisible();
  const rows = owner.page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(5); // header + shared ×2, accepted, cancelled
  await expect(rows.nth(1)).toContainText("Ada Owner cancelled the share"); // newest first
  await expect(owner.page.getByRole("cell", { name: "Bob Worker accepted" })).toBeVisible();
  await expect(rows.nth(1).getByRole("link", { name: "Carol Visitor" })).toHaveAttribute(
    "href",
    `/shared-by-me/${carolShare}`,
  );

  await owner.page.getByLabel("Event type").selectOption({ label: "Shared" });
  await owner.page.getByLabel("Recipient").fill("bob");
  await owner.page.getByRole("button", { name: "Apply filters" }).click();
  await expect(owner.page).toHaveURL(/type=shared/);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Ada Owner shared the devices");
  await expect(rows.nth(1)).toContainText("Bob Worker");

  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await owner.page.goto(`/activity?from=${tomorrow}`);
  await expect(owner.page.getByText("No events match these filters.")).toBeVisible();
  await owner.page.goto(`/activity?from=${today}&to=${today}&type=cancelled`);
  await expect(rows).toHaveCount(2);

  const lines = await download(
    owner.page,
    (await owner.page.getByRole("link", { name: "Export CSV" }).getAttribute("href"))!,
  );
  expect(lines).toEqual([
    "Time (UTC),Event,Description,Actor,Recipient email,Recipient name,Share ID",
    expect.stringMatching(
      new RegExp(
        `^${today}T[^,]+,cancelled,Ada Owner cancelled the share,Ada Owner,${carol.email},Carol Visitor,${carolShare}$`,
      ),
    ),
  ]);

  // The recipient's activity is their own sharing, not the owner's.
  await bob.page.goto("/activity");
  await expect(bob.page.getByText("Nothing yet")).toBeVisible();
});
