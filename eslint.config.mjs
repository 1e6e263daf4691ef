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
  {
    // No line over 140 characters; long URLs, strings and regular expressions may run on.
    rules: {
      "max-len": [
        "error",
        {
          code: 140,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
  // The layers (README "Layout"): lib/ never reaches into the UI, db/ never into the domain,
  // and components reach data only through lib/. Tests may cross layers to set up worlds.
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/components/*", "@/app/*", "**/components/*", "**/app/*"],
              message: "lib/ must not import UI code.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["db/**/*.ts"],
    ignores: ["db/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/*", "**/lib/*", "@/scripts/*", "**/scripts/*"],
              message: "db/ must not import the domain.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/*", "@/db", "**/db/*"],
              message: "components/ reach data only through lib/.",
            },
          ],
        },
      ],
    },
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
