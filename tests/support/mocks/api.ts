// The module mocks every in-process API suite needs: the app's database is the test world's
// (harness `state.db`), and no email worker runs. Import this module first in the test file,
// before anything that loads "@/db/client", so the mocks are registered in time.
import { vi } from "vitest";

vi.mock("@/db/client", async (orig) => ({
  ...(await orig<object>()),
  getDb: (await import("../harness")).currentDb,
}));
vi.mock("@/lib/platform/email/worker", () => ({
  kickEmailWorker: () => false,
  startEmailWorker: () => undefined,
  stopEmailWorker: () => undefined,
}));
