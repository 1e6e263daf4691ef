// The lint rule that keeps server components from reading values out of "use client"
// modules (the unstyled `Apply filters` buttons on /access and /activity), run against
// the repository's real modules.
import path from "node:path";
import { RuleTester } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { describe, it } from "vitest";
import { serverClientImports } from "../eslint-rules/server-client-imports.mjs";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = path.resolve(import.meta.dirname, "..");
const server = path.join(root, "components/example/server-thing.tsx");
const tester = new RuleTester({
  languageOptions: {
    parser: tsParser,
    ecmaVersion: "latest",
    sourceType: "module",
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});
const options = [{ root }];

tester.run("server-client-imports", serverClientImports, {
  valid: [
    {
      name: "a component from a client module",
      filename: server,
      options,
      code: `import { SubmitButton } from "@/components/ui/buttons";`,
    },
    {
      name: "class names from the plain module",
      filename: server,
      options,
      code: `import { buttonStyles } from "@/components/ui/button-styles";`,
    },
    {
      name: "types only",
      filename: server,
      options,
      code:
        `import type { ShareDraft } from "@/components/sharing/share-dialog";\n` +
        `import { type DeviceSelection, ShareDialog } from "@/components/sharing/share-dialog";`,
    },
    {
      name: "a client module may import anything",
      filename: server,
      options,
      code: `"use client";\nimport { splitRecipients } from "@/components/sharing/recipients-field";`,
    },
    {
      name: "relative paths to plain modules",
      filename: path.join(root, "components/ui/x.tsx"),
      options,
      code: `import { inputClass } from "./field";`,
    },
    {
      name: "packages are not resolved",
      filename: server,
      options,
      code: `import { useState } from "react";`,
    },
  ],
  invalid: [
    {
      name: "the /access bug",
      filename: server,
      options,
      code: `import { buttonStyles } from "@/components/ui/buttons";`,
      errors: [{ messageId: "value" }],
    },
    {
      name: "a helper",
      filename: server,
      options,
      code: `import { splitRecipients } from "@/components/sharing/recipients-field";`,
      errors: [{ messageId: "value" }],
    },
    {
      name: "renamed to look like a component",
      filename: server,
      options,
      code: `import { splitRecipients as Split } from "@/components/sharing/recipients-field";`,
      errors: [{ messageId: "value" }],
    },
    {
      name: "a namespace",
      filename: server,
      options,
      code: `import * as Buttons from "../ui/buttons";`,
      errors: [{ messageId: "value" }],
    },
    {
      name: "a constant, relative path",
      filename: path.join(root, "components/sharing/x.tsx"),
      options,
      code: `import { defaultSchedule } from "./schedule-fields";`,
      errors: [{ messageId: "value" }],
    },
  ],
});
