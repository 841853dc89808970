import { catalogueProblems } from "@nianbao/core/testing";
import { expect, it } from "vitest";
import { MESSAGES } from "./messages";

it("gives every command-line message a zh-CN and an English text with the same placeholders", () => {
  expect(catalogueProblems(MESSAGES)).toEqual([]);
});
