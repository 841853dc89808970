import { catalogueProblems } from "@nianbao/core/testing";
import { expect, it } from "vitest";
import { MESSAGES } from "./messages";

it("gives every API message a zh-CN and an English text with the same placeholders", () => {
  // The lock-out wait is written out per language ("15分钟", "15 minutes"), so each text takes its own.
  expect(catalogueProblems(MESSAGES, ["auth.locked"])).toEqual([]);
});
