// The form contract, end to end (issue 13): a refused submit keeps every typed value, and each
// error is announced beside its own field. Shared by e2e/forms-contract.spec.ts (desktop) and
// e2e/phone/forms-contract.spec.ts (390 px phone).
import { expect, test, type Locator } from "@playwright/test";
import { resetLinkIn, waitForMail } from "./mail";
import { addDevices, fillShareDialog, newUser, sharerRow } from "./sharing";
import { uniqueEmail } from "./users";

/** Submits and waits for the refusal; then every control still holds what was typed. */
async function refusedKeeps(
  submit: Locator,
  refusal: Locator,
  kept: [Locator, string | boolean][],
) {
  await submit.click();
  await expect(refusal.first()).toBeVisible();
  for (const [control, value] of kept) {
    if (typeof value === "boolean") await expect(control).toBeChecked({ checked: value });
    else await expect(control).toHaveValue(value);
  }
}

/** The field is flagged invalid and its accessible description carries the message. */
async function errorBeside(control: Locator, message: string | RegExp) {
  await expect(control).toHaveAttribute("aria-invalid", "true");
  await expect(control).toHaveAccessibleDescription(message);
}

function daysFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function formsContract() {
  test("signed-out forms: sign up, sign in, forgot and reset password keep what was typed", async ({
    page,
    browser,
  }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Fern Forms");
    await page.getByLabel("Email").fill("fern-not-an-email");
    await page.getByLabel("Password").fill("short");
    await refusedKeeps(
      page.getByRole("button", { name: "Sign up" }),
      page.getByText(/valid email/i),
      [
        [page.getByLabel("Name"), "Fern Forms"],
        [page.getByLabel("Email"), "fern-not-an-email"],
        [page.getByLabel("Password"), "short"],
      ],
    );
    await errorBeside(page.getByLabel("Password"), /Password must be at least 8 characters/);

    const { email } = await newUser(browser, "Fern Forms").then(async (u) => {
      await u.context.close();
      return u;
    });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await refusedKeeps(
      page.getByRole("button", { name: "Sign in" }),
      page.getByText("Wrong email or password.").first(),
      [
        [page.getByLabel("Email"), email],
        [page.getByLabel("Password"), "not the password"],
      ],
    );
    await errorBeside(page.getByLabel("Password"), /Wrong email or password\./);

    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill("nobody-at-all");
    await refusedKeeps(
      page.getByRole("button", { name: "Send reset link" }),
      page.getByText(/valid email/i),
      [[page.getByLabel("Email"), "nobody-at-all"]],
    );
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText(/we have sent it a link/)).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await page.goto(resetLinkIn(await waitForMail(email, (t) => t.includes("/reset-password/"))));
    await page.getByLabel("New password").fill("tiny");
    await refusedKeeps(
      page.getByRole("button", { name: "Set new password" }),
      page.getByText("The new password must be at least 8 characters."),
      [[page.getByLabel("New password"), "tiny"]],
    );
    await errorBeside(page.getByLabel("New password"), /The new password must be at least 8/);
  });

  test("device, service, import, password, policy, group, token and webhook forms keep what was typed", async ({
    browser,
  }) => {
    const { page, context } = await newUser(browser, "Gus Forms");
    // Add device: the hardware ID is missing; the rest stays.
    await page.goto("/devices/new");
    await page.getByLabel("Name").fill("Half Gateway");
    await page.getByLabel("Group").fill("Site Q / Floor 9");
    await page.getByLabel("Kind").selectOption("Sensor");
    await refusedKeeps(
      page.getByRole("button", { name: "Add device" }),
      page.getByText("Enter the hardware ID."),
      [
        [page.getByLabel("Name"), "Half Gateway"],
        [page.getByLabel("Group"), "Site Q / Floor 9"],
        [page.getByLabel("Kind"), "Sensor"],
      ],
    );
    await expect(page.getByLabel("Hardware ID")).toHaveAttribute("aria-invalid", "true");

    // Add service: a port out of range.
    const ids = await addDevices(page, ["Forms Gateway"]);
    await page.goto(`/devices/${ids["Forms Gateway"]}`);
    const svc = page
      .locator("form")
      .filter({ has: page.getByRole("button", { name: "Add service" }) });
    await svc.getByLabel("Name").fill("Console");
    await svc.getByLabel("Kind").selectOption("HTTP");
    await svc.getByLabel("Port").fill("70000");
    await refusedKeeps(
      svc.getByRole("button", { name: "Add service" }),
      svc.getByText("Port must be between 1 and 65535."),
      [
        [svc.getByLabel("Name"), "Console"],
        [svc.getByLabel("Kind"), "HTTP"],
        [svc.getByLabel("Port"), "70000"],
      ],
    );
    await expect(svc.getByLabel("Port")).toHaveAttribute("aria-invalid", "true");
    // Corrected and added: the form empties for the next entry (the refused values are gone).
    await svc.getByLabel("Port").fill("8080");
    await svc.getByRole("button", { name: "Add service" }).click();
    await expect(svc.getByText("Service added.")).toBeVisible();
    await expect(svc.getByLabel("Name")).toHaveValue("");
    await expect(svc.getByLabel("Port")).toHaveValue("");
    await expect(svc.getByLabel("Kind")).toHaveValue("SSH");

    // Import: lines with errors; the pasted CSV stays.
    const csv = "name,hardware_id\nNo Hardware,\n";
    await page.goto("/devices/import");
    await page.getByLabel("CSV", { exact: true }).fill(csv);
    await refusedKeeps(
      page.getByRole("button", { name: "Import devices" }),
      page.getByText(/Nothing was imported/),
      [[page.getByLabel("CSV", { exact: true }), csv]],
    );

    // Change password: the current one is wrong.
    await page.goto("/account");
    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password").fill("another long password");
    await refusedKeeps(
      page.getByRole("button", { name: "Change password" }),
      page.getByText("Your current password is not correct."),
      [
        [page.getByLabel("Current password"), "not my password"],
        [page.getByLabel("New password"), "another long password"],
      ],
    );

    // Sharing policy: a maximum of 0 days.
    await page.goto("/settings");
    await page.getByLabel("Default expiry").selectOption("30d");
    await page.getByLabel("Maximum expiry").fill("0");
    await page.getByLabel("Allowed email domains").fill("example.test");
    await refusedKeeps(
      page.getByRole("button", { name: "Save policies" }),
      page.getByText("The maximum is at least 1 day."),
      [
        [page.getByLabel("Default expiry"), "30d"],
        [page.getByLabel("Maximum expiry"), "0"],
        [page.getByLabel("Allowed email domains"), "example.test"],
      ],
    );
    await expect(page.getByLabel("Maximum expiry")).toHaveAttribute("aria-invalid", "true");

    // New group: one member is not an address.
    await page.goto("/groups");
    await page.getByRole("button", { name: "New group" }).click();
    const newGroup = page.getByRole("dialog", { name: "New group" });
    await newGroup.getByLabel("Name").fill("Night shift");
    await newGroup.getByLabel("Members").fill("ok@example.test, nope");
    await refusedKeeps(
      newGroup.getByRole("button", { name: "Create group" }),
      newGroup.getByText(/nope/),
      [
        [newGroup.getByLabel("Name"), "Night shift"],
        [newGroup.getByLabel("Members"), "ok@example.test, nope"],
      ],
    );
    await errorBeside(newGroup.getByLabel("Members"), /nope/);
    await page.keyboard.press("Escape");

    // API token: no name; the chosen scopes and expiry stay.
    await page.goto("/settings/api");
    await page.getByRole("checkbox", { name: "Write" }).check();
    await page.getByRole("checkbox", { name: "Read" }).uncheck();
    await page.getByLabel("Expires").selectOption("365");
    await refusedKeeps(
      page.getByRole("button", { name: "Create token" }),
      page.getByText(/Name the token/),
      [
        [page.getByRole("checkbox", { name: "Write" }), true],
        [page.getByRole("checkbox", { name: "Read" }), false],
        [page.getByLabel("Expires"), "365"],
      ],
    );
    await errorBeside(page.getByLabel("Name"), /Name the token/);

    // Webhook: no event chosen; the URL stays.
    await page.goto("/settings/webhooks");
    await page.getByLabel("URL").fill("https://hooks.example.test/keyshare");
    for (const box of await page.getByRole("group", { name: "Events" }).getByRole("checkbox").all())
      await box.uncheck();
    await refusedKeeps(
      page.getByRole("button", { name: "Add endpoint" }),
      page.getByText("Choose at least one event."),
      [[page.getByLabel("URL"), "https://hooks.example.test/keyshare"]],
    );
    await expect(page.getByRole("group", { name: "Events" })).toHaveAccessibleDescription(
      /Choose at least one event/,
    );
    await context.close();
  });

  test("share dialog: every schedule error beside its field, typed values kept; extend keeps its date", async ({
    browser,
  }) => {
    const { page, context } = await newUser(browser, "Sia Forms");
    await addDevices(page, ["Schedule Gateway"]);
    const to = uniqueEmail("sched");
    const dialog = await fillShareDialog(page, ["Schedule Gateway"], to, {
      description: "Night cover",
      notify: false,
    });
    await dialog.getByLabel("Limit access to a schedule").check();
    const weekdays = dialog.getByRole("group", { name: "Weekdays" });
    for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
      await weekdays.getByLabel(day).uncheck();
    await dialog.getByLabel("Daily from").fill("09:00"); // no end: "Give both…"
    await dialog.getByLabel("Starts on").fill(daysFromNow(30)); // after the 7-day expiry
    // A zone the server does not know (as a stale browser or a crafted request would send).
    await dialog.getByLabel("Time zone").evaluate((el) => {
      const s = el as HTMLSelectElement;
      s.add(new Option("Mars/Olympus_Mons", "Mars/Olympus_Mons"));
    });
    await dialog.getByLabel("Time zone").selectOption("Mars/Olympus_Mons");
    const shareButton = dialog.getByRole("button", { name: "Share", exact: true });
    await refusedKeeps(shareButton, dialog.getByText("Choose at least one weekday."), [
      [dialog.getByLabel("Description"), "Night cover"],
      [dialog.getByLabel("Daily from"), "09:00"],
      [dialog.getByLabel("Starts on"), daysFromNow(30)],
      [dialog.getByLabel("Time zone"), "Mars/Olympus_Mons"],
      [weekdays.getByLabel("Mon"), false],
    ]);
    await expect(dialog.getByRole("button", { name: `Remove ${to}` })).toBeVisible(); // the chip stays
    await expect(weekdays).toHaveAccessibleDescription(/Choose at least one weekday\./);
    await errorBeside(weekdays.getByLabel("Mon"), /Choose at least one weekday\./);
    await errorBeside(dialog.getByLabel("Time zone"), /not a known time zone/);
    await errorBeside(dialog.getByLabel("Daily until"), /both the start and the end/);

    // Fix those: now the start after the 7-day expiry is what is left, beside "Starts on".
    await weekdays.getByLabel("Mon").check();
    await dialog.getByLabel("Time zone").selectOption("Europe/Berlin");
    await dialog.getByLabel("Daily until").fill("17:00");
    await shareButton.click();
    await errorBeside(dialog.getByLabel("Starts on"), /The start must be before the expiry\./);
    await expect(dialog.getByLabel("Time zone")).not.toHaveAttribute("aria-invalid", "true");
    await expect(weekdays.getByLabel("Mon")).not.toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByLabel("Daily until")).toHaveValue("17:00");
    await dialog.getByLabel("Starts on").fill(daysFromNow(1));
    await shareButton.click();
    await expect(dialog.getByText(/Shared with 1 recipient/)).toBeVisible();
    await dialog.getByRole("button", { name: "Done" }).click();

    // Extend to a date in the past: refused, the date stays.
    await page.goto("/shared-by-me");
    await sharerRow(page, to)
      .getByRole("button", { name: /Extend expiration/ })
      .click();
    const extend = page.getByRole("dialog", { name: "Extend expiration" });
    await extend.getByLabel("Extend by").selectOption("date");
    const past = daysFromNow(-3);
    await extend.getByLabel("New expiry date").fill(past);
    await refusedKeeps(
      extend.getByRole("button", { name: "Extend expiration" }),
      extend.getByText(/The new expiry must be/),
      [
        [extend.getByLabel("Extend by"), "date"],
        [extend.getByLabel("New expiry date"), past],
      ],
    );
    await expect(extend.getByLabel("New expiry date")).toHaveAttribute("aria-invalid", "true");
    await context.close();
  });
}
