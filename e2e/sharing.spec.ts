import { expect, test } from "@playwright/test";
import { addDevices, newUser, share, sharerRow } from "./support/sharing";
import { uniqueEmail } from "./support/users";

test("bulk share to an existing and an unknown email; accept; both sides agree", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Olga Owner");
  const bob = await newUser(browser, "Bob Recipient");
  const stranger = uniqueEmail("stranger");
  await addDevices(owner.page, ["Gate A", "Gate B"]);

  const links = await share(
    owner.page,
    ["Gate A", "Gate B"],
    `${bob.email}, ${stranger.toUpperCase()}`,
    {
      permissions: "Operator",
      description: "December maintenance",
      notify: false,
    },
  );
  expect(Object.keys(links).sort()).toEqual([bob.email, stranger].sort());
  for (const l of Object.values(links)) expect(l).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);

  await owner.page.goto("/shared-by-me");
  await expect(owner.page.getByRole("heading", { name: "Shared by Me" })).toBeVisible();
  for (const email of [bob.email, stranger]) {
    const row = sharerRow(owner.page, email);
    await expect(row.getByText("Pending")).toBeVisible();
    await expect(row.getByRole("button", { name: "Copy sharing link" })).toBeVisible();
    await expect(row.getByRole("cell", { name: "2", exact: true })).toBeVisible();
  }

  await bob.page.goto("/shared-with-me");
  await expect(bob.page.getByRole("heading", { name: "Shared with Me" })).toBeVisible();
  await expect(bob.page.getByRole("heading", { name: /From Olga Owner/ })).toBeVisible();
  await expect(bob.page.getByText("Pending")).toBeVisible();
  await bob.page.getByRole("button", { name: "Accept" }).click();
  await expect(bob.page.getByText("Active")).toBeVisible();
  await expect(bob.page.getByRole("button", { name: "Leave" })).toBeVisible();

  // No reload: the sharer's list stays live and picks up the acceptance by itself.
  await expect(sharerRow(owner.page, bob.email).getByText("Active")).toBeVisible({
    timeout: 15_000,
  });
  await expect(
    sharerRow(owner.page, bob.email).getByRole("button", { name: "Copy sharing link" }),
  ).toHaveCount(0);
  await expect(sharerRow(owner.page, stranger).getByText("Pending")).toBeVisible();

  // The recipient sees the devices and may open them (read-only).
  await bob.page.getByRole("link", { name: /2 devices/ }).click();
  await expect(bob.page.getByRole("link", { name: "Gate A" })).toBeVisible();
  await bob.page.getByRole("link", { name: "Gate A" }).click();
  await expect(bob.page.getByRole("heading", { name: "Gate A" })).toBeVisible();
  await expect(bob.page.getByRole("button", { name: "Delete device" })).toHaveCount(0);
});

test("decline a pending share; leave an active one; the sharer sees both", async ({ browser }) => {
  const owner = await newUser(browser, "Dora Owner");
  const rita = await newUser(browser, "Rita Recipient");
  await addDevices(owner.page, ["Lock 1", "Lock 2"]);
  await share(owner.page, ["Lock 1"], rita.email, { notify: false });

  await rita.page.goto("/shared-with-me");
  await rita.page.getByRole("button", { name: "Decline" }).click();
  await rita.page.getByRole("dialog").getByRole("button", { name: "Decline" }).click();
  // The row's own badge, once the server has answered (the status filter also says "Declined").
  await expect(rita.page.getByRole("button", { name: /^Decline share/ })).toHaveCount(0);
  await expect(
    rita.page.getByRole("listitem").getByText("Declined", { exact: true }),
  ).toBeVisible();
  await owner.page.goto("/shared-by-me");
  await expect(sharerRow(owner.page, rita.email).getByText("Declined")).toBeVisible();

  await share(owner.page, ["Lock 2"], rita.email, { notify: false });
  await rita.page.goto("/shared-with-me?status=Pending");
  await rita.page.getByRole("button", { name: "Accept" }).click();
  await expect(rita.page.getByText("No shares match these filters.")).toBeVisible();
  await rita.page.goto("/shared-with-me?status=Active");
  await expect(rita.page.getByText("Active")).toBeVisible();
  await rita.page.getByRole("button", { name: "Leave" }).click();
  await rita.page.getByRole("dialog").getByRole("button", { name: "Leave" }).click();
  await expect(rita.page.getByRole("button", { name: /^Leave share/ })).toHaveCount(0);
  await rita.page.goto("/shared-with-me?status=Left");
  await expect(rita.page.getByText("Left", { exact: true })).toBeVisible();
  await owner.page.goto("/shared-by-me?status=Left");
  await expect(sharerRow(owner.page, rita.email).getByText("Left", { exact: true })).toBeVisible();
});

test("extend, cancel one device, add devices, cancel all — checked on both sides", async ({
  browser,
}) => {
  const owner = await newUser(browser, "Ed Owner");
  const sam = await newUser(browser, "Sam Recipient");
  await addDevices(owner.page, ["Cam 1", "Cam 2", "Cam 3"]);
  await share(owner.page, ["Cam 1", "Cam 2"], sam.email, { expires: "In 7 days", notify: false });
  await sam.page.goto("/shared-with-me");
  await sam.page.getByRole("button", { name: "Accept" }).click();
  await expect(sam.page.getByText("Active")).toBeVisible();

  await owner.page.goto("/shared-by-me");
  await sharerRow(owner.page, sam.email).getByRole("link").first().click();
  await expect(
    owner.page.getByRole("heading", { name: /Shared with Sam Recipient/ }),
  ).toBeVisible();

  await owner.page.getByRole("button", { name: "Extend expiration" }).click();
  await owner.page.getByRole("dialog").getByLabel("Extend by").selectOption("30d");
  await owner.page.getByRole("dialog").getByRole("button", { name: "Extend expiration" }).click();
  await expect(owner.page.getByText(/extended the expiry from/)).toBeVisible();
  await expect(owner.page.getByText(/36 days|37 days/).first()).toBeVisible();

  await owner.page.getByRole("button", { name: "Cancel device sharing for Cam 1" }).click();
  await owner.page
    .getByRole("dialog")
    .getByRole("button", { name: "Cancel device sharing" })
    .click();
  await expect(owner.page.getByText(/removed Cam 1/)).toBeVisible();
  await sam.page.goto("/shared-with-me");
  await sam.page.getByRole("link", { name: /1 device/ }).click();
  await expect(sam.page.getByText("Cam 2")).toBeVisible();
  await expect(sam.page.getByText("Cam 1")).toHaveCount(0);

  await owner.page.getByRole("button", { name: "Add devices" }).click();
  const add = owner.page.getByRole("dialog", { name: "Add devices" });
  await add.getByRole("checkbox", { name: "Cam 3" }).check();
  await add.getByRole("button", { name: /Add devices/ }).click();
  await expect(owner.page.getByText(/added Cam 3/)).toBeVisible();
  await sam.page.reload();
  await expect(sam.page.getByText("Cam 3")).toBeVisible();

  await owner.page.getByRole("button", { name: "Cancel sharing" }).click();
  await owner.page.getByRole("dialog").getByRole("button", { name: "Cancel sharing" }).click();
  await expect(owner.page.getByText("Cancelled").first()).toBeVisible();
  await sam.page.goto("/shared-with-me");
  await expect(sam.page.getByText("Cancelled")).toBeVisible();
  await expect(sam.page.getByRole("button", { name: "Leave" })).toHaveCount(0);
});
