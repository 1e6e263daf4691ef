import "server-only";
import { action, compose, para, type EmailContent } from "./templates";

// The account emails: proving an address, and resetting a forgotten password.

export function verifyEmailEmail(i: { name: string; link: string }): EmailContent {
  return compose("Verify your email address for Keyshare", "Verify your email address", [
    para(`Hello ${i.name},`),
    para(
      "Open the link below to confirm that this address is yours. " +
        "Devices shared with this address appear in Shared with Me once it is verified.",
    ),
    action("Verify email", i.link),
    para(
      "The link works once, for 24 hours. If you did not create a Keyshare account, you can ignore this email.",
    ),
  ]);
}

export function passwordResetEmail(i: { name: string; link: string }): EmailContent {
  return compose("Reset your Keyshare password", "Reset your password", [
    para(`Hello ${i.name},`),
    para(
      "Someone (hopefully you) asked to reset the password of your Keyshare account. Open the link below to choose a new one.",
    ),
    action("Set a new password", i.link),
    para(
      "The link works once, for 1 hour. Setting a new password signs you out everywhere else. " +
        "If you did not ask for this, ignore this email: your password stays as it is.",
    ),
  ]);
}
