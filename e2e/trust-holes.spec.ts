// Issue 12: the five holes found by attacking the running portal, each from outside.
// Written before the fixes and seen failing on the code they found (see the branch report).
import { expect, test } from "@playwright/test";
import { actionId, callActionAs } from "./support/actions";
import { callbackSignIn } from "./support/credentials";
import { e2eSql } from "./support/db";
import { addDevices, newUser, share } from "./support/sharing";
import { PASSWORD, signIn, signUp, uniqueEmail } from "./support/users";

async function shareRow(recipientEmail: string) {
  const [row] = await e2eSql<{ id: string; status: string; recipient_id: string | null }>(
    "select id, status, recipient_id from shares where recipient_email = ?",
    [recipientEmail],
  );
  return row;
}

test("1. registering an invited address does not hand over its pending share", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Olive Owner");
  await addDevices(owner.page, ["Vault Door Lock"]);
  const carol = uniqueEmail("carol");
  const links = await share(owner.page, ["Vault Door Lock"], carol, { notify: false });
  const { id: shareId } = await shareRow(carol);

  // A stranger registers Carol's address with a password of their own choosing.
  const stranger = await (await browser.newContext()).newPage();
  await signUp(stranger, { name: "Not Carol", email: carol });
  await stranger.goto("/shared-with-me");
  await expect(stranger.getByText("Verify your email").first()).toBeVisible();
  await expect(stranger.getByRole("button", { name: "Resend verification email" })).toBeVisible();
  await expect(stranger.getByText("Olive Owner")).toHaveCount(0);
  await expect(stranger.getByRole("button", { name: /Accept/ })).toHaveCount(0);
  expect((await stranger.goto(`/shared-with-me/${shareId}`))!.status()).toBe(404);

  // Nor by calling the actions with the share id, as a script would.
  for (const name of ["acceptShareAction", "declineShareAction"]) {
    await callActionAs(
      stranger,
      "/shared-with-me",
      actionId("lib/actions/share-respond.ts", name),
      [undefined, { shareId }],
    );
  }
  expect(await shareRow(carol)).toMatchObject({ status: "pending", recipient_id: null });

  // Carol's link still works for Carol.
  const anon = await (await browser.newContext()).newPage();
  expect((await anon.goto(links[carol]))!.status()).toBe(200);
  await expect(
    anon.getByRole("heading", { name: /Olive Owner shared 1 device with you/ }),
  ).toBeVisible();
});

test("2. password guessing is limited on Auth.js's own endpoint, whatever X-Forwarded-For says", async ({
  browser,
}) => {
  // About 75 sign-in attempts, each hashing a password: near the 60 s default under load.
  test.slow();
  const victim = await newUser(browser, "Gus Guessed");
  await victim.context.close();

  for (let i = 0; i < 60; i++)
    expect((await callbackSignIn(victim.email, `wrong guess ${i}`)).signedIn).toBe(false);
  const right = await callbackSignIn(victim.email, PASSWORD);
  expect(right.signedIn, "the right password still signed in after 60 wrong ones").toBe(false);
  expect(right.location).toMatch(/error=/);

  // A new X-Forwarded-For on every request is not a new client.
  const other = await newUser(browser, "Hal Hopper");
  await other.context.close();
  for (let i = 0; i < 12; i++) {
    const forged = {
      "x-forwarded-for": `198.51.100.${i + 1}`,
      "x-keyshare-client-ip": `203.0.113.${i + 1}`,
    };
    expect((await callbackSignIn(other.email, `wrong guess ${i}`, forged)).signedIn).toBe(false);
  }
  expect(
    (await callbackSignIn(other.email, PASSWORD, { "x-forwarded-for": "192.0.2.99" })).signedIn,
  ).toBe(false);

  // The sign-in form is limited alike (both paths go through the same authorize()).
  const third = await newUser(browser, "Ida Inputs");
  await third.context.close();
  const page = await (await browser.newContext()).newPage();
  for (let i = 0; i < 10; i++) {
    await signIn(page, third.email, `wrong guess ${i}`);
    await expect(page.getByText("Wrong email or password.").first()).toBeVisible();
  }
  await signIn(page, third.email);
  await expect(page.getByText(/Too many attempts\. Try again in \d+ s\./).first()).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("3. /dev/outbox does not exist in a production start", async ({ browser }) => {
  const owner = await newUser(browser, "Otto Outbox");
  expect((await owner.page.goto("/dev/outbox"))!.status()).toBe(404);
  await expect(owner.page.getByRole("heading", { name: "Outbox" })).toHaveCount(0);
});

test("4. return paths stay on the site", async ({ page }) => {
  await signUp(page, { name: "Rita Redirect" });
  const hostile = [
    "%2F%09%2Fexample.org",
    "%2F%5Cexample.org",
    "%2F%2Fexample.org",
    "https%3A%2F%2Fexample.org",
    "%2F%0A%2Fexample.org",
    "javascript%3Aalert(1)",
  ];
  for (const form of ["/sign-in", "/sign-up"]) {
    for (const value of hostile) {
      const res = await page.request.get(`${form}?callbackUrl=${value}`, { maxRedirects: 0 });
      const location = res.headers()["location"] ?? "";
      expect(location, `${form} ${value}`).toBe("/devices");
    }
    // A path on the site is still honoured.
    const ok = await page.request.get(`${form}?callbackUrl=%2Fshared-by-me%3Fstatus%3DPending`, {
      maxRedirects: 0,
    });
    expect(ok.headers()["location"]).toBe("/shared-by-me?status=Pending");
  }
});

test("5. sign out ends the session: a copied cookie stops working at once", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, { name: "Cody Copied" });
  const copied = await context.storageState();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const thief = await (await browser.newContext({ storageState: copied })).newPage();
  await thief.goto("/devices");
  await expect(thief).toHaveURL(/\/sign-in/);
  await expect(thief.getByRole("heading", { name: "My devices" })).toHaveCount(0);
});
