import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { verifyLinkIn, waitForMail } from "./mail";

export const PASSWORD = "correct horse battery";

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

/** Signs up through the real form; leaves the browser signed in on /devices. */
export async function signUp(page: Page, opts: { name?: string; email?: string } = {}) {
  const email = opts.email ?? uniqueEmail("user");
  const name = opts.name ?? "Test User";
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  // Hashing the password, signing in and rendering /devices: on a loaded 2-CPU machine this
  // has taken over 10 s (the default); a refusal shows at once and fails the next line anyway.
  await expect(page.getByRole("heading", { name: "My devices" })).toBeVisible({ timeout: 30_000 });
  return { email, name };
}

/**
 * Opens the newest verification email to `email` from the real SMTP sink and follows its
 * link: the address is then verified (shares sent to it show in Shared with Me).
 */
export async function verifyEmail(page: Page, email: string) {
  const mail = await waitForMail(email, (t) => t.includes("/verify-email/"));
  await page.goto(verifyLinkIn(mail));
  await expect(page.getByRole("heading", { name: "Your email is verified" })).toBeVisible();
}

/** Signs up, then verifies the address through the email, like a newcomer would; ends on /devices. */
export async function signUpVerified(page: Page, opts: { name?: string; email?: string } = {}) {
  const user = await signUp(page, opts);
  await verifyEmail(page, user.email);
  await page.goto("/devices");
  await expect(page.getByRole("heading", { name: "My devices" })).toBeVisible();
  return user;
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function addDevice(
  page: Page,
  d: { name: string; hardwareId: string; group?: string },
) {
  await page.goto("/devices");
  await page.getByRole("link", { name: "Add device" }).click();
  await page.getByLabel("Name").fill(d.name);
  await page.getByLabel("Hardware ID").fill(d.hardwareId);
  if (d.group) await page.getByLabel("Group").fill(d.group);
  await page.getByRole("button", { name: "Add device" }).click();
  await expect(page.getByRole("checkbox", { name: d.name, exact: true })).toBeVisible();
}
