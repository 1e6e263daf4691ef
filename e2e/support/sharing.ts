import { expect, type Browser, type Page } from "@playwright/test";
import { addDevice, signUpVerified, uniqueEmail } from "./users";

/** A person with a verified account, signed in in a browser of their own. */
export async function newUser(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = await signUpVerified(page, {
    name,
    email: uniqueEmail(name.split(" ")[0].toLowerCase()),
  });
  return { context, page, ...user };
}

/** Adds devices through the UI and returns their ids (from the row links). */
export async function addDevices(page: Page, names: string[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    await addDevice(page, {
      name,
      hardwareId: `E2:${Date.now().toString(16).slice(-6)}:${i}`,
      group: "Site A",
    });
    const href = await page.getByRole("link", { name, exact: true }).getAttribute("href");
    ids[name] = href!.split("/").pop()!;
  }
  return ids;
}

export type ShareOptions = {
  permissions?: string;
  expires?: string;
  expiryDate?: string;
  description?: string;
  message?: string;
  notify?: boolean;
};

/** Opens the dialog for the ticked devices and fills it in (without pressing Share). */
export async function fillShareDialog(
  page: Page,
  deviceNames: string[],
  recipients: string,
  o: ShareOptions = {},
) {
  await page.goto("/devices");
  for (const n of deviceNames) await page.getByRole("checkbox", { name: n, exact: true }).check();
  await page.getByRole("button", { name: "Share devices" }).click();
  const dialog = page.getByRole("dialog", { name: "Share devices" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Recipients", { exact: true }).fill(recipients);
  if (o.permissions) await dialog.getByLabel("Permissions").selectOption(o.permissions);
  if (o.expires) await dialog.getByLabel("Expires").selectOption({ label: o.expires });
  if (o.expiryDate) await dialog.getByLabel("Expiry date").fill(o.expiryDate);
  if (o.description) await dialog.getByLabel("Description").fill(o.description);
  if (o.notify === false) await dialog.getByLabel("Notify recipients").uncheck();
  if (o.message) await dialog.getByLabel("Message").fill(o.message);
  return dialog;
}

/** Shares and returns each recipient's sharing link from the result. */
export async function share(
  page: Page,
  deviceNames: string[],
  recipients: string,
  o: ShareOptions = {},
) {
  const dialog = await fillShareDialog(page, deviceNames, recipients, o);
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText(/Shared with \d+ recipient/)).toBeVisible();
  const links: Record<string, string> = {};
  for (const group of await dialog.getByRole("group").all()) {
    const email = (await group.getAttribute("aria-label"))!;
    links[email] = await group.getByLabel("Sharing link").inputValue();
  }
  await dialog.getByRole("button", { name: "Done" }).click();
  return links;
}

/** The Shared by Me row of one recipient. */
export function sharerRow(page: Page, email: string) {
  return page.getByRole("row").filter({ hasText: email });
}
