// docs/api.md's curl examples, run in order in one bash against the real server: the guide
// for Tedee and Remote.It users cannot drift from what the API does.
import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { createToken } from "./support/api";
import { addDevices, newUser } from "./support/sharing";

const run = promisify(execFile);

function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
}

test("docs/api.md: every curl example runs and its check holds", async ({ browser, baseURL }) => {
  const blocks = shellBlocks(fs.readFileSync("docs/api.md", "utf8"));
  expect(blocks.length).toBeGreaterThanOrEqual(8);
  const owner = await newUser(browser, "Guide Owner");
  const recipient = await newUser(browser, "Guide Recipient");
  const devices = await addDevices(owner.page, ["Guide Gateway", "Guide Lock"]);
  await owner.page.goto(`/devices/${devices["Guide Gateway"]}`);
  await owner.page.getByLabel("Name").fill("SSH");
  await owner.page.getByLabel("Port").fill("22");
  await owner.page.getByRole("button", { name: "Add service" }).click();
  await expect(owner.page.getByText("Service added.")).toBeVisible();
  const env = {
    ...process.env,
    KEYSHARE: baseURL!,
    TOKEN: await createToken(owner.page, "guide"),
    RECIPIENT_TOKEN: await createToken(recipient.page, "guide"),
    RECIPIENT: recipient.email,
    DEVICE_ID: devices["Guide Gateway"],
    DEVICE_ID_2: devices["Guide Lock"],
  };
  // Each block is checked on its own line of output so a failure names the example.
  const script = blocks.map((b, i) => `echo "--- example ${i + 1}"\n${b}`).join("\n");
  const out = await run("bash", ["-euo", "pipefail", "-c", script], { env }).catch(
    (e: { stdout: string; stderr: string }) => {
      throw new Error(`an example failed:\n${e.stdout}\n${e.stderr}`);
    },
  );
  expect(out.stdout).toContain(`--- example ${blocks.length}`);
});
