// Lint rules for src/, tests/, bench/, scripts/ and web/: the recommended sets, no unused code, no floating promises
// (type-aware), and lines of at most 120 characters (Prettier formats code to that width; strings and comments are
// ours to wrap; in src/ a line with a URL too), imports only down the rooms of src/ (eslint.layers.mjs), and no
// regular expression in src/ that can backtrack super-linearly (eslint-plugin-regexp). Formatting itself is
// Prettier's job (.prettierrc.json).
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import regexp from "eslint-plugin-regexp";
import { BASE_BLOCK, ELEMENTS, LAYER_RULE } from "./eslint.layers.mjs";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "src/generated/**",
      "web/generated/**",
      "web/dist/**",
      "dist/**",
      "bench/.data/**",
      "bench/results/**",
      "neo4j/target/**",
      "data/**",
      "test-artifacts/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.mjs", "*.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          caughtErrors: "none",
        },
      ],
      "max-len": ["error", { code: 120, ignoreUrls: true }],
    },
  },
  {
    // In src/ the limit holds for every line, one with a URL too.
    files: ["src/**/*.ts"],
    rules: { "max-len": ["error", { code: 120 }] },
  },
  {
    // One-way flow between the rooms of src/: a room imports only rooms below it (eslint.layers.mjs;
    // docs/architecture.md).
    files: ["src/**/*.ts"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { node: { extensions: [".ts", ".js"] } },
      "boundaries/elements": ELEMENTS,
    },
    rules: { "boundaries/dependencies": LAYER_RULE },
  },
  BASE_BLOCK,
  {
    // Patterns over user text must not backtrack super-linearly (ReDoS): literals and statically known new RegExp()
    // here; the patterns composed at run time are checked with recheck in tests/unit/ingest/linearPatterns.test.ts.
    files: ["src/**/*.ts"],
    plugins: { regexp },
    rules: { "regexp/no-super-linear-backtracking": "error" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: {
      globals: { module: "writable", require: "readonly", __dirname: "readonly", process: "readonly" },
    },
  },
  {
    // Tests read answers as untyped JSON.
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
