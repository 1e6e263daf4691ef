import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { acceptPending, shareIdFor } from "./beyond";
import { addDevices, newUser, share } from "./sharing";
import { uniqueEmail } from "./users";
import { createGroup, shareWithGroup } from "./groups";
import { groupLinkIn, waitForMail } from "./mail";

/**
 * Every main page of the portal with believable data behind it: an owner with devices, a
 * service, an accepted share and a pending one; a recipient with an active share and a
 * pending link; and a signed-out visitor holding a sharing link. Used by the page-by-page
 * checks at phone size (e2e/phone/) and the desktop accessibility scan.
 */
export type Tour = {
  owner: Page;
  recipient: Page;
  anon: Page;
  ids: {
    device: string;
    share: string;
    anonLink: string;
    recipientLink: string;
    group: string;
    groupShare: string;
    groupLink: string;
  };
  contexts: BrowserContext[];
};

/** `dialog`: the page opens with this modal dialog (the page behind it is inert). */
export type Stop = {
  route: string;
  as: keyof Pick<Tour, "owner" | "recipient" | "anon">;
  path: (t: Tour["ids"]) => string;
  heading: string | RegExp;
  dialog?: string;
};

/** The main pages, by route pattern, with who opens them. */
export const STOPS: Stop[] = [
  { route: "/", as: "anon", path: () => "/", heading: "Lend your devices, not your keys." },
  { route: "/sign-in", as: "anon", path: () => "/sign-in", heading: "Sign in" },
  { route: "/sign-up", as: "anon", path: () => "/sign-up", heading: "Create your account" },
  {
    route: "/s/[token] (signed out)",
    as: "anon",
    path: (i) => i.anonLink,
    heading: /Tess Owner shared 2 devices with you/,
  },
  { route: "/devices", as: "owner", path: () => "/devices", heading: "My devices" },
  { route: "/devices/new", as: "owner", path: () => "/devices/new", heading: "Add a device" },
  {
    route: "/devices/import",
    as: "owner",
    path: () => "/devices/import",
    heading: "Import devices",
  },
  {
    route: "/devices/[id] (owner)",
    as: "owner",
    path: (i) => `/devices/${i.device}`,
    heading: "North Gateway",
  },
  { route: "/shared-by-me", as: "owner", path: () => "/shared-by-me", heading: "Shared by Me" },
  {
    route: "/shared-by-me/[id]",
    as: "owner",
    path: (i) => `/shared-by-me/${i.share}`,
    heading: /Shared with Ray Recipient/,
  },
  {
    route: "/shared-by-me/[id]/share-again",
    as: "owner",
    path: (i) => `/shared-by-me/${i.share}/share-again`,
    heading: /Share again with/,
    dialog: "Share devices",
  },
  {
    route: "/shared-by-me/[id] (group share)",
    as: "owner",
    path: (i) => `/shared-by-me/${i.groupShare}`,
    heading: /Shared with group Boiler crew/,
  },
  { route: "/groups", as: "owner", path: () => "/groups", heading: "Groups" },
  {
    route: "/groups/[groupId]",
    as: "owner",
    path: (i) => `/groups/${i.group}`,
    heading: "Boiler crew",
  },
  {
    route: "/g/[token] (signed out)",
    as: "anon",
    path: (i) => i.groupLink,
    heading: /Tess Owner added you to the group Boiler crew/,
  },
  { route: "/access", as: "owner", path: () => "/access", heading: "Who has access" },
  { route: "/activity", as: "owner", path: () => "/activity", heading: "Activity" },
  { route: "/settings", as: "owner", path: () => "/settings", heading: "Sharing policies" },
  { route: "/settings/api", as: "owner", path: () => "/settings/api", heading: "API tokens" },
  {
    route: "/settings/webhooks",
    as: "owner",
    path: () => "/settings/webhooks",
    heading: "Webhooks",
  },
  { route: "/docs/api", as: "anon", path: () => "/docs/api", heading: "API reference" },
  { route: "/account", as: "owner", path: () => "/account", heading: "Account" },
  {
    route: "/shared-with-me",
    as: "recipient",
    path: () => "/shared-with-me",
    heading: "Shared with Me",
  },
  {
    route: "/shared-with-me/[id]",
    as: "recipient",
    path: (i) => `/shared-with-me/${i.share}`,
    heading: "Shared by Tess Owner",
  },
  {
    route: "/devices/[id] (recipient)",
    as: "recipient",
    path: (i) => `/devices/${i.device}`,
    heading: "North Gateway",
  },
  {
    route: "/s/[token] (invited, signed in)",
    as: "recipient",
    path: (i) => i.recipientLink,
    heading: /Tess Owner shared 1 device with you/,
  },
  {
    route: "/link-gone/[state]",
    as: "anon",
    path: () => "/link-gone/used",
    heading: "This sharing link has already been used",
  },
  {
    route: "/forgot-password",
    as: "anon",
    path: () => "/forgot-password",
    heading: "Forgot your password?",
  },
  {
    route: "/reset-password/[token]",
    as: "anon",
    path: () => `/reset-password/${"A".repeat(43)}`,
    heading: "This reset link does not work",
  },
  {
    route: "/verify-email/[token]",
    as: "anon",
    path: () => `/verify-email/${"A".repeat(43)}`,
    heading: "This verification link does not work",
  },
];

export async function setUpTour(browser: Browser): Promise<Tour> {
  const owner = await newUser(browser, "Tess Owner");
  const recipient = await newUser(browser, "Ray Recipient");
  const devices = await addDevices(owner.page, ["North Gateway", "South Sensor", "West Lock"]);
  await owner.page.goto(`/devices/${devices["North Gateway"]}`);
  await owner.page.getByLabel("Name").fill("SSH");
  await owner.page.getByLabel("Port").fill("22");
  await owner.page.getByRole("button", { name: "Add service" }).click();
  await expect(owner.page.getByText("Service added.")).toBeVisible();

  const invited = uniqueEmail("invited");
  const links = await share(
    owner.page,
    ["North Gateway", "South Sensor"],
    `${recipient.email}, ${invited}`,
    {
      permissions: "Operator",
      description: "Boiler maintenance, December",
      message: "Hi! The boiler check is on Friday.",
      notify: false,
    },
  );
  await acceptPending(recipient.page);
  const later = await share(owner.page, ["West Lock"], recipient.email, { notify: false });
  // A group with the recipient in it, sharing a device the recipient does not hold directly
  // (that would be a conflict); the group share notifies, so the member gets their link.
  await addDevices(owner.page, ["East Valve"]);
  const groupUrl = await createGroup(owner.page, "Boiler crew", [recipient.email]);
  await shareWithGroup(owner.page, ["East Valve"], "Boiler crew");
  const groupMail = await waitForMail(recipient.email, (t) => t.includes("/g/"));
  await owner.page.goto("/shared-by-me");
  const groupHref = await owner.page
    .getByRole("link", { name: "Boiler crew", exact: true })
    .getAttribute("href");
  const anonContext = await browser.newContext();
  const anon = await anonContext.newPage();
  return {
    owner: owner.page,
    recipient: recipient.page,
    anon,
    ids: {
      device: devices["North Gateway"],
      share: await shareIdFor(owner.page, recipient.email),
      anonLink: links[invited],
      recipientLink: later[recipient.email],
      group: groupUrl.split("/").pop()!,
      groupShare: groupHref!.split("/").pop()!,
      groupLink: new URL(groupLinkIn(groupMail)).pathname,
    },
    contexts: [owner.context, recipient.context, anonContext],
  };
}

/** Opens a stop and waits for its heading. */
export async function visit(tour: Tour, stop: Stop): Promise<Page> {
  const page = tour[stop.as];
  const res = await page.goto(stop.path(tour.ids));
  expect(res?.status(), stop.route).toBe(200);
  if (stop.dialog) await expect(page.getByRole("dialog", { name: stop.dialog })).toBeVisible();
  else await expect(page.getByRole("heading", { level: 1, name: stop.heading })).toBeVisible();
  return page;
}

/** axe-core's WCAG 2.x A/AA rules; any serious or critical violation fails, listed by rule and element. */
export async function expectNoSeriousAxeViolations(page: Page, label: string, soft = false) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const bad = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join("\n    ")}`,
    );
  (soft ? expect.soft : expect)(bad, `axe on ${label}`).toEqual([]);
}

/** Buttons, nav links and checkbox/radio hit areas (the label around them) smaller than 44 × 44 px. */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      "button, a.btn, nav a, summary, select, input:not([type=hidden])",
    );
    for (const el of controls) {
      const box = el.getBoundingClientRect();
      if (box.width <= 2 || box.height <= 2) continue; // not shown, or visually hidden (sr-only)
      const target = el.matches("input[type=checkbox], input[type=radio]")
        ? (el.closest("label") ?? el)
        : el;
      const r = target.getBoundingClientRect();
      if (r.height < 43.5 || r.width < 43.5)
        small.push(
          `${el.tagName.toLowerCase()} "${el.getAttribute("aria-label") ?? el.textContent?.trim()}" ` +
            `${Math.round(r.width)}×${Math.round(r.height)}`,
        );
    }
    return small;
  });
}
