/**
 * Every rule with a document that passes and one that fails; the failing finding must name exactly
 * the cells involved. The cases are data (test-support/rule-cases.ts).
 */
import { describe, expect, it } from "vitest";
import { byRule, type Doc, validDoc } from "../test-support/docs";
import { CASES } from "../test-support/rule-cases";
import { type ValidateOptions, validateReport } from "../validate";
import { RULES } from "./catalog";

function run(build: () => { doc: Doc; options?: ValidateOptions }) {
  const { doc, options } = build();
  return validateReport(doc, options);
}

describe("table rules: a passing and a failing document each", () => {
  for (const c of CASES) {
    describe(c.rule, () => {
      it("passes on a valid document", () => {
        const findings = run(c.pass ?? (() => ({ doc: validDoc() })));
        expect(byRule(findings, c.rule)).toEqual([]);
      });
      it(`fails: ${c.name}, naming exactly the cells involved`, () => {
        const failing = byRule(run(c.fail), c.rule);
        expect(failing.map((f) => f.cells)).toEqual(c.cells);
        for (const f of failing) {
          expect(f.severity).toBe(c.severity ?? "error");
          expect(f.message.length).toBeGreaterThan(5);
        }
      });
    });
  }
});

it("every rule in the catalogue has a case here or in the report-rule tests", () => {
  const covered = new Set([
    ...CASES.map((c) => c.rule),
    "R-VERSION",
    "R-SECTIONS",
    "R-PERIOD",
    "R-DEADLINE",
    "R-GOV-EXTRA",
    "R-FEE-2021",
    "R-SIMILAR",
    "R-PROBLEMS",
  ]);
  expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
});
