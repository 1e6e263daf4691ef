// Runs once when the server process starts: background jobs live inside the server, and
// find their work in the database (so nothing is lost across restarts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/db/client");
  const { startEmailWorker } = await import("@/lib/platform/email/worker");
  startEmailWorker(getDb);
  const { startReminderScheduler } = await import("@/lib/sharing/reminders/scheduler");
  startReminderScheduler(getDb);
  const { startWebhookWorker } = await import("@/lib/webhooks/worker");
  startWebhookWorker(getDb);
}
