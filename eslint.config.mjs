import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { keyshareRules } from "./eslint-rules/server-client-imports.mjs";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    // Server code takes only components from "use client" modules (see the rule's comment).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    plugins: { keyshare: keyshareRules },
    rules: { "keyshare/server-client-imports": "error" },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    "db/migrations/**",
    "next-env.d.ts",
    "bench/tmp/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
