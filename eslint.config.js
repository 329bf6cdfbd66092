// @ts-check
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import jsdoc from "eslint-plugin-jsdoc";
import tseslint from "typescript-eslint";

/** Rules of the house, for all code we write (configs that tools load by default export are exempt). */
const houseSyntax = [
  { selector: "ExportDefaultDeclaration", message: "Use named exports." },
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: "Randomness must be seeded: take a seed or a generator as an argument.",
  },
  {
    selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier",
    message: 'Use `import * as z from "zod"` so bundlers can tree-shake zod.',
  },
];

/** What the library itself must never do. */
const librarySyntax = [
  ...houseSyntax,
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "No hidden clock: take `now` as an argument.",
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "No hidden clock: take `now` as an argument.",
  },
  {
    selector: "ThrowStatement > NewExpression[callee.name!='HandoffKitError']",
    message: "Misuse throws HandoffKitError; expected failures are results.",
  },
];

export default defineConfig(
  {
    ignores: [
      "dist/",
      "packages/cli/dist/",
      "packages/cli/.smoke/",
      "docs/api/",
      "coverage/",
      "reports/",
      ".stryker-tmp/",
      "examples/data/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: false }],
      // Prettier wraps code at 120 columns but leaves comments and long strings as written.
      "max-len": ["error", { code: 120, ignoreUrls: true }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { console: "readonly", process: "readonly" } },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts", "examples/**/*.ts"],
    rules: { "no-restricted-syntax": ["error", ...houseSyntax] },
  },
  {
    // The command is an application over the library: it reaches it as its users do, by the package's
    // entry points, never by a path into src/.
    files: ["packages/cli/src/**/*.ts"],
    rules: {
      "no-restricted-syntax": ["error", ...houseSyntax],
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^\\.\\./\\.\\./", message: "Import the library as handoff-kit/<module>." }] },
      ],
    },
  },
  {
    files: ["src/**/*.ts"],
    plugins: { jsdoc },
    rules: {
      "no-restricted-syntax": ["error", ...librarySyntax],
      // A chain of conditions reads as ifs in a function named for what it decides.
      "no-nested-ternary": "error",
      "no-sequences": ["error", { allowInParentheses: false }],
      // A module reaches another only through its public index or its internal.ts (what the other
      // modules need and users do not); shared helpers live in src/core. docs/architecture.md, "Modules".
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+(handoff|qualification|sla|rubric|metrics|adapters|sql)/(?!(index|internal)\\.js$)",
              message:
                "Import another module through its index.js (public) or internal.js; " +
                "move a helper both need to src/core.",
            },
          ],
        },
      ],
      "jsdoc/require-jsdoc": [
        "error",
        {
          publicOnly: true,
          require: { FunctionDeclaration: true, ClassDeclaration: true },
          contexts: ["TSTypeAliasDeclaration", "TSInterfaceDeclaration", "VariableDeclaration"],
        },
      ],
      "jsdoc/check-tag-names": [
        "error",
        {
          definedTags: [
            "packageDocumentation",
            "internal",
            "remarks",
            "defaultValue",
            "module",
            "category",
            "document",
          ],
        },
      ],
      "jsdoc/check-alignment": "error",
      "jsdoc/no-types": "error",
      "jsdoc/no-multi-asterisks": "error",
    },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts", "examples/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
