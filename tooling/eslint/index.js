// Shared ESLint flat config: recommended JS + typescript-eslint rules, with the type-aware rules that catch
// what review misses (a promise nobody awaits, an async callback where a sync one is expected).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const base = tseslint.config(
  { ignores: ["**/dist/**", "**/.next*/**", "**/node_modules/**", "**/drizzle/**", "**/next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      // Each file is checked with the tsconfig that owns it; the few config files outside every
      // package tsconfig (eslint.config.js, vitest and drizzle configs, type-checked by tsconfig.tooling.json)
      // get a default program.
      parserOptions: { projectService: { allowDefaultProject: ["*.js", "*.mjs", "*.config.ts"] } },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      // Existing assertions are recorded in eslint-suppressions.json; new code proves its values instead.
      "@typescript-eslint/no-non-null-assertion": "error",
      "no-console": "error",
    },
  },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
  // A test that asserts a value exists and then uses it says so with `!`; a wrong guess fails the test.
  {
    files: [
      "**/*.test.ts",
      "**/*.test.tsx",
      "**/test/**",
      "**/e2e/**",
      "**/bench/**",
      "**/stress/**",
      "**/testing/**",
      "**/test-support/**",
    ],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);

/**
 * Imports a package's shipped sources may not make (its tests and their support may): `patterns` are
 * no-restricted-imports patterns, each a group of modules and the reason.
 */
export function forbidInSources(patterns) {
  return [
    ...base,
    {
      files: ["src/**/*.ts"],
      ignores: ["src/**/*.test.ts", "src/test-support/**"],
      rules: { "no-restricted-imports": ["error", { patterns }] },
    },
  ];
}

/** For code that must run in the browser and in Node alike: no Node built-ins outside tests. */
export const isomorphic = forbidInSources([
  { group: ["node:*", "fs", "path", "crypto", "os"], message: "core is pure: no Node built-ins" },
]);

export default base;
