import base from "@nianbao/eslint-config";

// The admin's tsconfig includes its config files, so none needs the default program.
export default [
  ...base,
  { ignores: [".next*/**", "next-env.d.ts"] },
  { languageOptions: { parserOptions: { projectService: { allowDefaultProject: ["*.js", "*.mjs"] } } } },
];
