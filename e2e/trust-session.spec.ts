import { expect, test } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { PASSWORD, signIn, signUp } from "./support/users";

test("changing the password signs out every other session", async ({ browser }) => {
  const a = await browser.newContext();
  const pageA = await a.newPage();
  const { email } = await signUp(pageA, { name: "Sue Session" });
  const b = await browser.newContext();
  const pageB = await b.newPage();
  await signIn(pageB, email);
  await expect(pageB.getByRole("heading", { name: "My devices" })).toBeVisible();

  await pageA.goto("/account");
  await pageA.getByLabel("Current password").fill("not my password");
  await pageA.getByLabel("New password").fill("a brand new passphrase");
  await pageA.getByRole("button", { name: "Change password" }).click();
  await expect(pageA.getByText("Your current password is not correct.").first()).toBeVisible();

  await pageA.getByLabel("Current password").fill(PASSWORD);
  await pageA.getByLabel("New password").fill("a brand new passphrase");
  await pageA.getByRole("button", { name: "Change password" }).click();
  await expect(
    pageA.getByText(
      "Password changed. You were signed out everywhere else, and your API tokens were revoked.",
    ),
  ).toBeVisible();
  await pageA.goto("/devices");
  await expect(pageA.getByRole("heading", { name: "My devices" })).toBeVisible();

  await pageB.goto("/devices");
  await expect(pageB).toHaveURL(/\/sign-in/);
  await signIn(pageB, email);
  await expect(pageB.getByText("Wrong email or password.").first()).toBeVisible();
  await signIn(pageB, email, "a brand new passphrase");
  await expect(pageB.getByRole("heading", { name: "My devices" })).toBeVisible();
});

test("security headers, cookie flags, and no secret in the client bundle", async ({
  page,
  request,
}) => {
  const res = await request.get("/sign-in");
  const csp = res.headers()["content-security-policy"];
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  const link = await request.get("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  expect(link.status()).toBe(404);
  expect(link.headers()["referrer-policy"]).toBe("no-referrer");

  await signUp(page, { name: "Cookie Checker" });
  const session = (await page.context().cookies()).find((c) => c.name.includes("session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");

  // The secret the server runs with must appear in no file the browser can download.
  const secret = fs.readFileSync(path.resolve("data/auth-secret"), "utf8").trim();
  const dir = path.join(process.env.NEXT_DIST_DIR || ".next", "static");
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile());
  expect(files.length).toBeGreaterThan(0);
  for (const f of files)
    expect(fs.readFileSync(path.join(f.parentPath, f.name), "utf8")).not.toContain(secret);
});
