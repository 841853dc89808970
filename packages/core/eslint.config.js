import { isomorphic } from "@nianbao/eslint-config";

export default isomorphic;
