import base from "@nianbao/eslint-config";

export default [
  ...base,
  {
    // The API ships to production: sample reports and the demo live in @nianbao/demo, never here.
    // Its tests and their support (src/test-support) are not shipped and may use both.
    files: ["src/**/*.ts"],
    ignores: ["src/**/*.test.ts", "src/test-support/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@nianbao/core/testing", "@nianbao/demo"], message: "test and demo data stay out of the API (see @nianbao/demo)" },
          ],
        },
      ],
    },
  },
];
