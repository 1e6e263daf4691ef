import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run outside React's server layer; Next resolves the marker to this same empty module on the server.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    // Production servers over HTTP: their own pass, vitest.multi.config.mts.
    exclude: ["tests/multi-server/**", "node_modules/**"],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    // Closing a file's fresh databases (dropping PostgreSQL ones) outlasts 10 s on a busy 2-core machine.
    hookTimeout: 30_000,
    // Reaches PostgreSQL once per run and builds the migrated template createTestDb() clones.
    globalSetup: ["tests/support/db/global-setup.ts"],
    // Closes and removes each file's fresh databases (tests/support/db/fresh.ts).
    setupFiles: ["tests/support/db/setup.ts"],
  },
});
