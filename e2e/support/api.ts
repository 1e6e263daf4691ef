import { expect, type Page } from "@playwright/test";

/** Creates a Read + Write token on /settings/api and returns its value (shown once). */
export async function createToken(page: Page, name: string): Promise<string> {
  await page.goto("/settings/api");
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("checkbox", { name: "Read" }).check();
  await page.getByRole("checkbox", { name: "Write" }).check();
  await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  const field = page.getByRole("textbox", { name: "Token" });
  await expect(field).toHaveValue(/^ks_[\w-]{43}$/);
  await expect(field).toHaveAttribute("readonly", "");
  await expect(page.getByRole("button", { name: "Copy token" })).toBeVisible();
  return field.inputValue();
}
