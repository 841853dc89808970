import base from "@nianbao/eslint-config";

export default base;
