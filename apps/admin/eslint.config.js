import base from "@nianbao/eslint-config";

export default [...base, { ignores: [".next*/**", "next-env.d.ts"] }];
