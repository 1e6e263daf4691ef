import { expect, test } from "@playwright/test";
import { PASSWORD, signIn, signUp, uniqueEmail } from "./support/users";

test("sign up, sign out, sign in again", async ({ page }) => {
  const { email } = await signUp(page, {
    name: "Ada Admin",
    email: `  ${uniqueEmail("Ada").toUpperCase()} `,
  });
  await expect(page.getByText("Ada Admin")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/devices");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdevices/);
  // The email was stored trimmed and lower-cased: signing in with the plain form works.
  await signIn(page, email.trim().toLowerCase());
  await expect(page.getByRole("heading", { name: "My devices" })).toBeVisible();
});

test("a second sign-up with the same email gets a clear message", async ({ page }) => {
  const email = uniqueEmail("twice");
  await signUp(page, { email });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("An account with this email already exists").first()).toBeVisible();
});

test("bad sign-up input is explained next to each field", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Password must be at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("wrong password does not reveal whether the account exists", async ({ page }) => {
  const { email } = await signUp(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, "wrong password!");
  await expect(page.getByText("Wrong email or password.").first()).toBeVisible();
  await signIn(page, uniqueEmail("nobody"), "wrong password!");
  await expect(page.getByText("Wrong email or password.").first()).toBeVisible();
});

test("signed-out visitors of a private page come back to it after signing in", async ({ page }) => {
  const { email } = await signUp(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/devices/new");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/devices\/new$/);
});
