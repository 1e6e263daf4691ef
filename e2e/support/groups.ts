import { expect, type Page } from "@playwright/test";

/** Creates a group through `New group` on /groups; ends on the group's page and returns its URL. */
export async function createGroup(page: Page, name: string, members: string[]): Promise<string> {
  await page.goto("/groups");
  await expect(page.getByRole("heading", { name: "Groups", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "New group" }).click();
  const dialog = page.getByRole("dialog", { name: "New group" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Members").fill(members.join(", "));
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(page).toHaveURL(/\/groups\/[\w-]+$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return page.url();
}

/** Shares the ticked devices with one group (no other recipients) through the share dialog. */
export async function shareWithGroup(page: Page, deviceNames: string[], group: string) {
  await page.goto("/devices");
  for (const n of deviceNames) await page.getByRole("checkbox", { name: n, exact: true }).check();
  await page.getByRole("button", { name: "Share devices" }).click();
  const dialog = page.getByRole("dialog", { name: "Share devices" });
  const field = dialog.getByLabel("Groups");
  const option = field.getByRole("option", { name: new RegExp(`^${group} \\(`) });
  await field.selectOption({ label: (await option.textContent())! });
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText(/and 1 group\./)).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
}
