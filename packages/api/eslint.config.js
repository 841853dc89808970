import { forbidInSources } from "@nianbao/eslint-config";

// The API ships to production: sample reports and the demo live in @nianbao/demo, never here.
// Its tests and their support (src/test-support) are not shipped and may use both.
export default forbidInSources([
  { group: ["@nianbao/core/testing", "@nianbao/demo"], message: "test and demo data stay out of the API (see @nianbao/demo)" },
]);
