import fs from "node:fs";
import path from "node:path";

/**
 * A module without "use client" (a server component, or code they import) may take only
 * components from a "use client" module. Anything else it imports from there — class-name
 * strings, constants, helpers — arrives as a client reference, not the value: `buttonStyles.secondary`
 * read on the server is undefined and the button renders with no style at all.
 * Components are recognised by their PascalCase names; type-only imports are always fine.
 */
const DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(["'])use client\1/;
const COMPONENT = /^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/;
const EXTENSIONS = ["", ".ts", ".tsx", ".js", ".jsx", ".mjs", "/index.ts", "/index.tsx"];
const clientCache = new Map();

function isClientModule(file) {
  const key = `${file}@${fs.statSync(file).mtimeMs}`; // editors keep the linter running
  if (!clientCache.has(key)) clientCache.set(key, DIRECTIVE.test(fs.readFileSync(file, "utf8")));
  return clientCache.get(key);
}

function resolve(source, fromFile, root) {
  let base;
  if (source.startsWith("@/")) base = path.join(root, source.slice(2));
  else if (source.startsWith(".")) base = path.resolve(path.dirname(fromFile), source);
  else return null; // packages: their own business
  for (const ext of EXTENSIONS) {
    const f = base + ext;
    if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  }
  return null;
}

/** @type {import("eslint").Rule.RuleModule} */
export const serverClientImports = {
  meta: {
    type: "problem",
    docs: {
      description:
        'Only components may be imported from a "use client" module into a module without the directive',
    },
    schema: [
      { type: "object", properties: { root: { type: "string" } }, additionalProperties: false },
    ],
    messages: {
      value:
        "'{{name}}' comes from the \"use client\" module '{{source}}': outside a client module it is " +
        "a client reference, not the value. Import it from a plain module (e.g. components/ui/button-styles.ts).",
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    if (DIRECTIVE.test(context.sourceCode.text)) return {};
    return {
      ImportDeclaration(node) {
        if (node.importKind === "type") return;
        const target = resolve(node.source.value, file, root);
        if (!target || !isClientModule(target)) return;
        for (const spec of node.specifiers) {
          if (spec.type === "ImportSpecifier" && spec.importKind === "type") continue;
          if (spec.type === "ImportNamespaceSpecifier") {
            context.report({
              node: spec,
              messageId: "value",
              data: { name: `* as ${spec.local.name}`, source: node.source.value },
            });
            continue;
          }
          const name =
            spec.type === "ImportSpecifier"
              ? (spec.imported.name ?? spec.imported.value)
              : spec.local.name;
          if (COMPONENT.test(name)) continue;
          context.report({
            node: spec,
            messageId: "value",
            data: { name, source: node.source.value },
          });
        }
      },
    };
  },
};

export const keyshareRules = { rules: { "server-client-imports": serverClientImports } };
