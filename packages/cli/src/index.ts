export { run } from "./main";
export type { Io } from "./io";
