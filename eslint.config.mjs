import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", "db/migrations/**", "next-env.d.ts", "bench/tmp/**", "test-results/**", "playwright-report/**"]),
]);
