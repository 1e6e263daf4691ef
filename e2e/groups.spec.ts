import { expect, test } from "@playwright/test";
import { createGroup, shareWithGroup } from "./support/groups";
import { groupLinkIn, waitForMail } from "./support/mail";
import { addDevices, newUser } from "./support/sharing";
import { PASSWORD, uniqueEmail } from "./support/users";

const DEVICES = ["Roof Gateway", "Roof Sensor", "Roof Lock"];
// Three accounts with verified addresses, a newcomer's sign-up and the email round trips.
test.setTimeout(180_000);

test("a group share reaches its members live: no accepting, removal at once, a newcomer by the emailed link", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Gina Owner");
  const ana = await newUser(browser, "Ana Member");
  const ben = await newUser(browser, "Ben Member");
  const ids = await addDevices(owner.page, DEVICES);
  const groupUrl = await createGroup(owner.page, "Roof crew", [ana.email, ben.email]);
  await shareWithGroup(owner.page, DEVICES, "Roof crew");

  // Shared by Me: one row named by the group, with its member count.
  await owner.page.goto("/shared-by-me");
  const row = owner.page.getByRole("row").filter({ hasText: "Roof crew" });
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Group, 2 members")).toBeVisible();
  await expect(row.getByText("Active")).toBeVisible();

  // Both members see it via the group at once, with nothing to accept.
  for (const m of [ana, ben]) {
    await m.page.goto("/shared-with-me");
    await expect(m.page.getByText("via Roof crew")).toBeVisible();
    await expect(m.page.getByRole("button", { name: /Accept/ })).toHaveCount(0);
    await m.page.getByRole("link", { name: /3 devices/ }).click();
    for (const d of DEVICES) await expect(m.page.getByRole("link", { name: d })).toBeVisible();
  }
  const devicePage = `/devices/${ids["Roof Gateway"]}`;
  expect((await ana.page.goto(devicePage))?.status()).toBe(200);
  await expect(ana.page.getByText("Access: shared via group Roof crew")).toBeVisible();

  // The owner removes Ana: she loses the devices at once; Ben keeps them.
  await owner.page.goto(groupUrl);
  const anaRow = owner.page.getByRole("listitem", { name: ana.email });
  await anaRow.getByRole("button", { name: "Remove" }).click();
  await expect(anaRow).toHaveCount(0);
  expect((await ana.page.goto(devicePage))?.status()).toBe(404);
  // Her member link (from the group share's invitation) is dead too: a former member gets 404.
  const anaMail = await waitForMail(ana.email, (t) => t.includes("/g/"));
  expect((await ana.page.goto(groupLinkIn(anaMail)))?.status()).toBe(404);
  await ana.page.goto("/shared-with-me");
  await expect(ana.page.getByText("via Roof crew")).toHaveCount(0);
  expect((await ben.page.goto(devicePage))?.status()).toBe(200);

  // A third person with no account: the invitation email's link, sign up, and the devices.
  const cleo = uniqueEmail("cleo");
  await owner.page.getByLabel("Members").fill(cleo);
  await owner.page.getByRole("button", { name: "Add members" }).click();
  await expect(owner.page.getByText("Added 1 member.")).toBeVisible();
  await expect(owner.page.getByRole("listitem", { name: cleo })).toBeVisible();
  const mail = await waitForMail(cleo, (t) => t.includes("/g/"));
  expect(mail).toContain("Roof crew");
  expect(mail).toContain("Roof Gateway");

  const context = await browser.newContext();
  const page = await context.newPage();
  expect((await page.goto(groupLinkIn(mail)))?.status()).toBe(200);
  await expect(
    page.getByRole("heading", { name: "Gina Owner added you to the group Roof crew" }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Sign up" }).click();
  await expect(page.getByLabel("Email")).toHaveValue(cleo);
  await page.getByLabel("Name").fill("Cleo Newcomer");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByRole("link", { name: "Open Shared with Me" }).click();
  await expect(page.getByText("via Roof crew")).toBeVisible();
  await page.getByRole("link", { name: /3 devices/ }).click();
  for (const d of DEVICES) await expect(page.getByRole("link", { name: d })).toBeVisible();
  expect((await page.goto(devicePage))?.status()).toBe(200);

  // The sharer's activity records who was added and removed.
  await owner.page.goto("/shared-by-me");
  await owner.page.getByRole("link", { name: "Roof crew" }).click();
  await expect(owner.page.getByText(`removed ${ana.email} from the group`)).toBeVisible();
  await expect(owner.page.getByText(`added ${cleo} to the group`)).toBeVisible();
  await context.close();
});

test("a member leaves a group share for themselves; the sharer sees who left", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Lea Owner");
  const ana = await newUser(browser, "Ana Leaver");
  const ben = await newUser(browser, "Ben Stayer");
  await addDevices(owner.page, ["Cellar Valve"]);
  await createGroup(owner.page, "Cellar team", [ana.email, ben.email]);
  await shareWithGroup(owner.page, ["Cellar Valve"], "Cellar team");

  await ana.page.goto("/shared-with-me");
  await ana.page.getByRole("button", { name: /Leave/ }).click();
  await ana.page.getByRole("dialog").getByRole("button", { name: "Leave" }).click();
  await expect(ana.page.getByText("via Cellar team")).toHaveCount(0);

  await ben.page.goto("/shared-with-me");
  await expect(ben.page.getByText("via Cellar team")).toBeVisible();

  await owner.page.goto("/shared-by-me");
  await owner.page.getByRole("link", { name: "Cellar team" }).click();
  await expect(owner.page.getByRole("list", { name: "Members who left" })).toContainText(ana.email);
});
