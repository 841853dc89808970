/**
 * The table rules' cases as data: a rule id, how to break a valid document, what to expect (the cells
 * of each failing finding). rules.test.ts runs each with a passing and a failing document.
 */
import { type ValidateOptions } from "../validate";
import { add, consistentPair, type Doc, get, set, validDoc } from "./docs";

const T3 = ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total"];
const RESULT_ROWS_2021 = [
  "results.granted",
  "results.partial",
  ...[
    "stateSecret",
    "lawForbidden",
    "safetyStability",
    "thirdPartyRights",
    "internalAffairs",
    "processInfo",
    "enforcementCase",
    "adminQuery",
  ].map((r) => `results.denied.${r}`),
  ...["noInfo", "needCreation", "unclear"].map((r) => `results.unableToProvide.${r}`),
  ...["complaint", "repeat", "publication", "massiveRepeat", "confirmInfo"].map((r) => `results.notProcessed.${r}`),
  ...["overdueCorrection", "overdueFee", "otherReasons"].map((r) => `results.other.${r}`),
];

export interface Case {
  rule: string;
  name: string;
  /** Builds the failing document (and a previous one for cross-year rules). */
  fail: () => { doc: Doc; options?: ValidateOptions };
  /** The valid counterpart (default: an untouched valid document of the same version). */
  pass?: () => { doc: Doc; options?: ValidateOptions };
  /** Cells of each expected failing finding, in order. */
  cells: string[][];
  severity?: "error" | "warning";
}

const a = (row: string, col: string) => `applications.${row}.${col}`;
/** A case's document: a valid one (of the given version, year …) changed by `edit`. */
const edited = (edit: (doc: Doc) => void, options?: Parameters<typeof validDoc>[0]) => (): { doc: Doc } => {
  const doc = validDoc(options);
  edit(doc);
  return { doc };
};
const pair = (version: "2019" | "2021" = "2021") => {
  const { previous, current } = consistentPair(version);
  return { doc: current, options: { previous } as ValidateOptions, previous };
};

export const CASES: Case[] = [
  {
    rule: "T3-BAL",
    name: "one more new application of a natural person than handled + carried forward",
    fail: edited((doc) => {
      add(doc, a("newReceived", "natural"), 1);
      add(doc, a("newReceived", "total"), 1);
    }),
    cells: ["natural", "total"].map((c) => [
      a("newReceived", c),
      a("carriedOver", c),
      a("results.totalProcessed", c),
      a("carriedForward", c),
    ]),
  },
  {
    rule: "T3-ROWTOTAL",
    name: "the 总计 of 予以公开 is not the sum of the applicant columns",
    fail: edited((doc) => add(doc, a("results.granted", "total"), 2)),
    cells: [T3.map((c) => a("results.granted", c))],
  },
  {
    rule: "T3-RESULTSUM-2021",
    name: "a denied application missing from （七）总计",
    fail: edited((doc) => {
      add(doc, a("results.denied.stateSecret", "research"), 1);
      add(doc, a("results.denied.stateSecret", "total"), 1);
    }),
    cells: ["research", "total"].map((c) => [...RESULT_ROWS_2021.map((r) => a(r, c)), a("results.totalProcessed", c)]),
  },
  {
    rule: "T3-RESULTSUM-2019",
    name: "（六）其他处理 (one row in 2019) not in （七）总计",
    fail: edited(
      (doc) => {
        add(doc, a("results.other.subtotal", "natural"), 1);
        add(doc, a("results.other.subtotal", "total"), 1);
      },
      { version: "2019" },
    ),
    pass: () => ({ doc: validDoc({ version: "2019" }) }),
    cells: ["natural", "total"].map((c) => [
      ...RESULT_ROWS_2021.filter((r) => !r.startsWith("results.other.")).map((r) => a(r, c)),
      a("results.other.subtotal", c),
      a("results.totalProcessed", c),
    ]),
  },
  {
    rule: "T3-INT",
    name: "a fraction and a string in the applications table",
    fail: edited((doc) => {
      set(doc, a("newReceived", "research"), 1.5);
      set(doc, a("carriedOver", "legalService"), "3");
    }),
    cells: [[a("newReceived", "research")], [a("carriedOver", "legalService")]],
  },
  {
    rule: "T3-COMPLETE",
    name: "two cells of one row left blank",
    fail: edited((doc) => {
      set(doc, a("carriedOver", "research"), null);
      set(doc, a("carriedOver", "otherOrg"), null);
    }),
    cells: [[a("carriedOver", "research"), a("carriedOver", "otherOrg")]],
  },
  {
    rule: "T3-CARRY",
    name: "上年结转 differs from last year's 结转下年度",
    fail: () => {
      const p = pair();
      add(p.previous, a("carriedForward", "commercial"), 2);
      return p;
    },
    pass: () => pair(),
    cells: [[a("carriedOver", "commercial")]],
    severity: "warning",
  },
  {
    rule: "T3-FEE-X",
    name: "applications lapsed for unpaid fees, no fee report in 六",
    fail: edited((doc) => {
      for (const row of ["results.other.overdueFee", "results.totalProcessed", "newReceived"]) {
        add(doc, a(row, "natural"), 1);
        add(doc, a(row, "total"), 1);
      }
      doc.sections.other = "无。";
    }),
    pass: edited((doc) => {
      for (const row of ["results.other.overdueFee", "results.totalProcessed", "newReceived"]) {
        add(doc, a(row, "natural"), 1);
        add(doc, a(row, "total"), 1);
      }
      doc.sections.other = "本年度发出收费通知1件，申请人逾期未缴纳信息处理费，未实际收取费用。";
    }),
    cells: [[a("results.other.overdueFee", "total")]],
    severity: "warning",
  },
  {
    rule: "T3-TEXT",
    name: "the overview quotes a number of applications the table does not have",
    fail: edited(
      (doc) => (doc.sections.overview = doc.sections.overview.replace(/收到政府信息公开申请\d+件/, "收到政府信息公开申请9999件")),
    ),
    cells: [[a("newReceived", "total")]],
    severity: "warning",
  },
  ...(
    [
      ["T4-SUM-R", "review"],
      ["T4-SUM-D", "litigationDirect"],
      ["T4-SUM-A", "litigationAfterReview"],
    ] as const
  ).map(([rule, block]): Case => ({
    rule,
    name: `${block}: 总计 not the sum of its outcomes`,
    fail: edited((doc) => add(doc, `reviewLitigation.${block}.total`, 1)),
    cells: [["upheld", "corrected", "otherResult", "pending", "total"].map((o) => `reviewLitigation.${block}.${o}`)],
  })),
  {
    rule: "T4-INT",
    name: "a negative count and an empty cell",
    fail: edited((doc) => {
      set(doc, "reviewLitigation.review.upheld", -1);
      set(doc, "reviewLitigation.litigationDirect.pending", null);
    }),
    cells: [["reviewLitigation.review.upheld"], ["reviewLitigation.litigationDirect.pending"]],
  },
  {
    rule: "T4-TEXT",
    name: "the overview quotes a number of reconsiderations the table does not have",
    fail: edited((doc) => (doc.sections.overview += `全年发生政府信息公开行政复议${get(doc, "reviewLitigation.review.total") + 3}件。`)),
    pass: edited((doc) => (doc.sections.overview += `全年发生政府信息公开行政复议${get(doc, "reviewLitigation.review.total")}件。`)),
    cells: [["reviewLitigation.review.total"]],
    severity: "warning",
  },
  {
    rule: "T2-INT",
    name: "a fractional number of licensing decisions",
    fail: edited((doc) => set(doc, "activeDisclosure.licensing.decisions", 2.5)),
    cells: [["activeDisclosure.licensing.decisions"]],
  },
  {
    rule: "T2-FEE",
    name: "a negative amount",
    fail: edited((doc) => set(doc, "activeDisclosure.fees.amount", "-1")),
    cells: [["activeDisclosure.fees.amount"]],
  },
  {
    rule: "T2-FEE-UNIT",
    name: "the text gives the fees in 元 and the table holds the same number",
    fail: edited((doc) => {
      set(doc, "activeDisclosure.fees.amount", "3940");
      doc.sections.overview += "全年行政事业性收费3940元。";
    }),
    pass: edited((doc) => {
      set(doc, "activeDisclosure.fees.amount", "0.394");
      doc.sections.overview += "全年行政事业性收费3940元。";
    }),
    cells: [["activeDisclosure.fees.amount"]],
    severity: "warning",
  },
  {
    rule: "R-TABLES",
    name: "the fees cell of 二 left empty",
    fail: edited((doc) => set(doc, "activeDisclosure.fees.amount", null)),
    cells: [["activeDisclosure.fees.amount"]],
  },
  {
    rule: "T2-INFORCE-ROLL",
    name: "现行有效 does not follow from last year's figure",
    fail: () => {
      const p = pair();
      add(p.doc, "activeDisclosure.normativeDocuments.inForce", 4);
      return p;
    },
    pass: () => pair(),
    cells: [
      [
        "activeDisclosure.normativeDocuments.issued",
        "activeDisclosure.normativeDocuments.repealed",
        "activeDisclosure.normativeDocuments.inForce",
      ],
    ],
    severity: "warning",
  },
  {
    rule: "T2-REPEAL-LE",
    name: "more documents repealed than were in force",
    fail: () => {
      const p = pair();
      set(p.previous, "activeDisclosure.normativeDocuments.inForce", 0);
      set(p.doc, "activeDisclosure.normativeDocuments.issued", 1);
      set(p.doc, "activeDisclosure.normativeDocuments.repealed", 3);
      set(p.doc, "activeDisclosure.normativeDocuments.inForce", 0);
      return p;
    },
    pass: () => pair(),
    cells: [["activeDisclosure.normativeDocuments.repealed", "activeDisclosure.normativeDocuments.issued"]],
    severity: "warning",
  },
  {
    rule: "T2-REG-SCOPE",
    name: "a department reporting 规章",
    fail: edited((doc) => set(doc, "activeDisclosure.regulations.issued", 1)),
    pass: edited(
      (doc) => {
        set(doc, "activeDisclosure.regulations.issued", 1);
        doc.agency.rulemaking = true;
      },
      { kind: "government" },
    ),
    cells: [["activeDisclosure.regulations.issued"]],
    severity: "warning",
  },
  {
    rule: "T2v19-INT",
    name: "a fractional 本年增/减",
    fail: edited((doc) => set(doc, "activeDisclosure.coercion.netChange", 0.5), { version: "2019" }),
    pass: edited(
      (doc) => {
        set(doc, "activeDisclosure.coercion.priorYearItems", 8);
        set(doc, "activeDisclosure.coercion.netChange", -8);
      },
      { version: "2019" },
    ),
    cells: [["activeDisclosure.coercion.netChange"]],
  },
  {
    rule: "T2v19-ITEMS",
    name: "a decrease larger than last year's items",
    fail: edited(
      (doc) => {
        set(doc, "activeDisclosure.licensing.priorYearItems", 2);
        set(doc, "activeDisclosure.licensing.netChange", -3);
      },
      { version: "2019" },
    ),
    pass: () => ({ doc: validDoc({ version: "2019" }) }),
    cells: [["activeDisclosure.licensing.priorYearItems", "activeDisclosure.licensing.netChange"]],
  },
  {
    rule: "T2v19-ROLL",
    name: "上一年项目数量 does not follow last year's report",
    fail: () => {
      const p = pair("2019");
      add(p.doc, "activeDisclosure.punishment.priorYearItems", 5);
      return p;
    },
    pass: () => pair("2019"),
    cells: [["activeDisclosure.punishment.priorYearItems"]],
    severity: "warning",
  },
  {
    rule: "T2v19-TOTALPUB",
    name: "fewer published in total than newly published",
    fail: edited(
      (doc) => {
        set(doc, "activeDisclosure.normativeDocuments.newlyPublished", 5);
        set(doc, "activeDisclosure.normativeDocuments.totalPublished", 4);
      },
      { version: "2019" },
    ),
    pass: () => ({ doc: validDoc({ version: "2019" }) }),
    cells: [["activeDisclosure.normativeDocuments.totalPublished", "activeDisclosure.normativeDocuments.newlyPublished"]],
    severity: "warning",
  },
  {
    rule: "T2v19-PROC",
    name: "an amount with no projects",
    fail: edited(
      (doc) => {
        set(doc, "activeDisclosure.centralizedProcurement.projects", 0);
        set(doc, "activeDisclosure.centralizedProcurement.totalAmount", "1200");
      },
      { version: "2019" },
    ),
    pass: () => ({ doc: validDoc({ version: "2019" }) }),
    cells: [["activeDisclosure.centralizedProcurement.projects", "activeDisclosure.centralizedProcurement.totalAmount"]],
    severity: "warning",
  },
];
