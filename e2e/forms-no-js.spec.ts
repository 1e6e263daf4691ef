// Without JavaScript every form still posts to its server action; a refused one is drawn again
// with its messages beside the fields and what was typed put back (never a password).
import { expect, test } from "@playwright/test";
import { PASSWORD, uniqueEmail } from "./support/users";

test.use({ javaScriptEnabled: false });

test("without JavaScript: refused sign-up, device and sign-in forms keep what was typed", async ({
  page,
}) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Nora NoScript");
  await page.getByLabel("Email").fill("nora-not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/valid email/i);
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/at least 8 characters/);
  await expect(page.getByLabel("Name")).toHaveValue("Nora NoScript");
  await expect(page.getByLabel("Email")).toHaveValue("nora-not-an-email");
  await expect(page.getByLabel("Password")).toHaveValue(""); // a secret is never sent back

  const email = uniqueEmail("nora");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "My devices" })).toBeVisible({ timeout: 30_000 });

  await page.getByRole("link", { name: "Add device" }).click();
  await page.getByLabel("Name").fill("Quiet Gateway");
  await page.getByLabel("Group").fill("Site N / Floor 1");
  await page.getByLabel("Kind").selectOption("Controller");
  await page.getByRole("button", { name: "Add device" }).click();
  await expect(page.getByLabel("Hardware ID")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("Quiet Gateway");
  await expect(page.getByLabel("Group")).toHaveValue("Site N / Floor 1");
  await expect(page.getByLabel("Kind")).toHaveValue("Controller");

  await page.getByLabel("Hardware ID").fill("80:00:00:00:4e:4f:4a:53");
  await page.getByRole("button", { name: "Add device" }).click();
  await expect(page.getByRole("link", { name: "Quiet Gateway", exact: true })).toBeVisible();

  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/Wrong email or password/);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "My devices" })).toBeVisible({ timeout: 30_000 });
});
