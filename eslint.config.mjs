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
    // No line over 140 characters, strings, templates, URLs and regular expressions included:
    // long ones are split (Prettier does not split them by itself).
    rules: { "max-len": ["error", { code: 140 }] },
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
  // One domain on two engines (docs/decisions/0001-two-engines.md): outside db/, nothing
  // reaches the driver or drizzle's own transaction. The Db type already has no
  // .get()/.all()/.run() (it is PostgreSQL's), so tsc catches those on typed handles; this
  // catches them on untyped ones too, plus `$client` and `x.transaction(…)`, which type-check
  // but would bypass the helper (drizzle's better-sqlite3 transaction commits before an
  // awaited body has run). bench/ and tests/support/db/ keep raw SQLite for floors and plans.
  {
    files: ["**/*.{ts,tsx,mts,mjs}"],
    ignores: ["db/**", "bench/**", "tests/support/db/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name='$client']",
          message:
            "The driver client is db/'s business: use the engine (@/db/client, @/db/engine).",
        },
        {
          selector:
            "CallExpression[callee.type='MemberExpression'][callee.property.name='transaction']",
          message:
            "Use transaction(db, async (tx) => …) from @/db/client, not the driver's or drizzle's transaction().",
        },
        {
          selector:
            "CallExpression[arguments.length=0][callee.property.name=/^(get|all|run)$/]" +
            ":has(Identifier[name=/^(db|tx|conn|trx|database)$/])",
          message:
            "Await the query builder instead of .get()/.all()/.run(): the domain is async on both engines.",
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
