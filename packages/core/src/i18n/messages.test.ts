import { describe, expect, it } from "vitest";
import { catalogueProblems } from "../testing";
import { MESSAGES } from "./messages";

describe("the core's message catalogue", () => {
  it("gives every key a zh-CN and an English text with the same placeholders", () => {
    // English names these sections by number ("section 6"), not by the label zh quotes.
    const differing = ["sections.nilNotAllowed", "fee2021.missing", "feeX.missing", "problems.same"];
    expect(catalogueProblems(MESSAGES, differing)).toEqual([]);
  });

  it("finds a catalogue whose languages disagree", () => {
    const broken = { a: { zh: "{x}不等于{y}", en: "{x} is not {z}" }, b: { zh: "无", en: " " } };
    expect(catalogueProblems(broken)).toEqual(["a: zh takes {x,y}, en {x,z}", "b: an empty text"]);
  });
});
