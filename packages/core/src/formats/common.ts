/**
 * Parts that the 2019 and 2021 formats share word for word: the sections, the applicant columns and
 * most rows of 三、收到和处理政府信息公开申请情况, and the whole of 四、复议诉讼 (FORMATS.md §3.2–3.4).
 * Labels are copied exactly as the format prints them (full-width brackets, curly quotes).
 */
import type { HeaderCellDef, MatrixRowDef, SectionDef } from "./types";

const l = (zh: string, en: string) => ({ zh, en }) as const;

const SECTION_HEADING_ALIASES = {
  reviewLitigation: [
    "四、政府信息公开行政复议和行政诉讼情况",
    "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
    "四、政府信息公开行政复议及行政诉讼情况",
  ],
  problems: [
    "五、存在的主要问题及改进情况",
    "五、政府信息公开工作存在的主要问题及改进情况",
    "五、存在问题及改进情况",
    "五、存在的主要问题及改进举措",
  ],
} as const;

const OVERVIEW_COVERS = ["主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"];

export function sectionsWithProblemsHeading(problemsHeading: string): readonly SectionDef[] {
  return [
    {
      id: "sections.overview",
      key: "overview",
      order: 1,
      heading: l("一、总体情况", "1. Overview"),
      headingAliases: [],
      kind: "text",
      mustCover: OVERVIEW_COVERS,
    },
    {
      id: "sections.activeDisclosure",
      key: "activeDisclosure",
      order: 2,
      heading: l("二、主动公开政府信息情况", "2. Proactive disclosure of government information"),
      headingAliases: [],
      kind: "table",
      table: "activeDisclosure",
    },
    {
      id: "sections.applications",
      key: "applications",
      order: 3,
      heading: l("三、收到和处理政府信息公开申请情况", "3. Disclosure applications received and handled"),
      headingAliases: [],
      kind: "table",
      table: "applications",
    },
    {
      id: "sections.reviewLitigation",
      key: "reviewLitigation",
      order: 4,
      heading: l("四、政府信息公开行政复议、行政诉讼情况", "4. Administrative reconsideration and litigation concerning disclosure"),
      headingAliases: SECTION_HEADING_ALIASES.reviewLitigation,
      kind: "table",
      table: "reviewLitigation",
    },
    {
      id: "sections.problems",
      key: "problems",
      order: 5,
      heading: l(problemsHeading, "5. Main problems and improvements"),
      short: l("五、存在的主要问题及改进情况", "Section 5 (problems and improvements)"),
      headingAliases: SECTION_HEADING_ALIASES.problems,
      kind: "text",
    },
    {
      id: "sections.other",
      key: "other",
      order: 6,
      heading: l("六、其他需要报告的事项", "6. Other matters to report"),
      short: l("六、其他需要报告的事项", "Section 6"),
      headingAliases: [],
      kind: "text",
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// 三、收到和处理政府信息公开申请情况
// ---------------------------------------------------------------------------------------------

export const APPLICANT_COLUMNS = [
  { id: "natural", label: l("自然人", "Natural persons"), kind: "count", group: null },
  { id: "commercial", label: l("商业企业", "Commercial enterprises"), kind: "count", group: "legalPersons" },
  { id: "research", label: l("科研机构", "Research institutions"), kind: "count", group: "legalPersons" },
  {
    id: "publicInterest",
    label: l("社会公益组织", "Public-interest organisations"),
    kind: "count",
    group: "legalPersons",
  },
  { id: "legalService", label: l("法律服务机构", "Legal service providers"), kind: "count", group: "legalPersons" },
  { id: "otherOrg", label: l("其他", "Other organisations"), kind: "count", group: "legalPersons" },
  { id: "total", label: l("总计", "Total"), kind: "count", group: null },
] as const;

/** The applicant columns by role: the six kinds of applicant add up to 总计. */
export const APPLICANT_ROLE = {
  table: "applications",
  parts: ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg"],
  total: "total",
} as const;

const APPLICATIONS_FOOTNOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

export const APPLICATIONS_HEADER: readonly (readonly HeaderCellDef[])[] = [
  [
    {
      label: l(APPLICATIONS_FOOTNOTE, "(Per column: item 1 + item 2 = item 3 + item 4)"),
      rowspan: 3,
      colspan: 3,
    },
    { label: l("申请人情况", "Applicants"), colspan: 7 },
  ],
  [
    { label: l("自然人", "Natural persons"), rowspan: 2, column: "natural" },
    { label: l("法人或其他组织", "Legal persons or other organisations"), colspan: 5 },
    { label: l("总计", "Total"), rowspan: 2, column: "total" },
  ],
  [
    { label: l("商业企业", "Commercial enterprises"), column: "commercial" },
    { label: l("科研机构", "Research institutions"), column: "research" },
    { label: l("社会公益组织", "Public-interest organisations"), column: "publicInterest" },
    { label: l("法律服务机构", "Legal service providers"), column: "legalService" },
    { label: l("其他", "Other organisations"), column: "otherOrg" },
  ],
];

export const APPLICANT_COLUMN_GROUPS = [
  {
    id: "legalPersons",
    label: l("法人或其他组织", "Legal persons or other organisations"),
    members: ["commercial", "research", "publicInterest", "legalService", "otherOrg"],
  },
  {
    id: "applicants",
    label: l("申请人情况", "Applicants"),
    members: ["natural", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total"],
  },
] as const;

/**
 * A header-only result row of 三 (（三）不予公开 …) and the numbered rows under it: `[id, zh, en]` each,
 * ids prefixed with the group's.
 */
export function resultGroup<const P extends string, const L extends readonly (readonly [string, string, string])[]>(
  group: P,
  label: { zh: string; en: string },
  leaves: L,
) {
  const header = { id: group, label, level: 1, data: false, parent: "results" } as const;
  const rows = leaves.map(([id, zh, en]) => ({
    id: `${group}.${id}` as `${P}.${L[number][0]}`,
    label: l(zh, en),
    level: 2 as const,
    data: true as const,
    parent: group,
  }));
  return [header, ...rows];
}

/** Rows from 一 to （五）不予处理, identical in both versions. */
export const APPLICATION_ROWS_HEAD = [
  {
    id: "newReceived",
    label: l("一、本年新收政府信息公开申请数量", "I. New applications received this year"),
    short: l("本年新收", "new this year"),
    level: 0,
    data: true,
  },
  {
    id: "carriedOver",
    label: l("二、上年结转政府信息公开申请数量", "II. Applications carried over from last year"),
    short: l("上年结转", "carried over"),
    level: 0,
    data: true,
  },
  { id: "results", label: l("三、本年度办理结果", "III. Results this year"), level: 0, data: false },
  {
    id: "results.granted",
    label: l("（一）予以公开", "(1) Disclosed"),
    short: l("予以公开", "disclosed"),
    level: 1,
    data: true,
    parent: "results",
  },
  {
    id: "results.partial",
    label: l(
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
      "(2) Partly disclosed (counted here only, not under any other result)",
    ),
    short: l("部分公开", "partly disclosed"),
    level: 1,
    data: true,
    parent: "results",
  },
  ...resultGroup("results.denied", l("（三）不予公开", "(3) Not disclosed"), [
    ["stateSecret", "1.属于国家秘密", "1. State secret"],
    ["lawForbidden", "2.其他法律行政法规禁止公开", "2. Forbidden by other laws or administrative regulations"],
    ["safetyStability", "3.危及“三安全一稳定”", "3. Endangers the “three securities and one stability”"],
    ["thirdPartyRights", "4.保护第三方合法权益", "4. Protects third parties' lawful rights"],
    ["internalAffairs", "5.属于三类内部事务信息", "5. Internal-affairs information (three kinds)"],
    ["processInfo", "6.属于四类过程性信息", "6. Process information (four kinds)"],
    ["enforcementCase", "7.属于行政执法案卷", "7. Administrative enforcement files"],
    ["adminQuery", "8.属于行政查询事项", "8. Administrative inquiry matters"],
  ]),
  ...resultGroup("results.unableToProvide", l("（四）无法提供", "(4) Unable to provide"), [
    ["noInfo", "1.本机关不掌握相关政府信息", "1. This agency does not hold the information"],
    ["needCreation", "2.没有现成信息需要另行制作", "2. Would have to be newly produced"],
    ["unclear", "3.补正后申请内容仍不明确", "3. Still unclear after correction"],
  ]),
  ...resultGroup("results.notProcessed", l("（五）不予处理", "(5) Not processed"), [
    ["complaint", "1.信访举报投诉类申请", "1. Petitions, reports or complaints"],
    ["repeat", "2.重复申请", "2. Repeated application"],
    ["publication", "3.要求提供公开出版物", "3. Asks for published material"],
    ["massiveRepeat", "4.无正当理由大量反复申请", "4. Large numbers of repeated applications without good reason"],
    ["confirmInfo", "5.要求行政机关确认或重新出具已获取信息", "5. Asks to confirm or reissue information already obtained"],
  ]),
] as const satisfies readonly MatrixRowDef[];

/** Rows after （六）: identical in both versions. */
export const APPLICATION_ROWS_TAIL = [
  {
    id: "results.totalProcessed",
    label: l("（七）总计", "(7) Total"),
    short: l("办理结果总计", "results total"),
    level: 1,
    data: true,
    parent: "results",
  },
  {
    id: "carriedForward",
    label: l("四、结转下年度继续办理", "IV. Carried forward to next year"),
    short: l("结转下年度", "carried forward"),
    level: 0,
    data: true,
  },
] as const satisfies readonly MatrixRowDef[];

export const APPLICATION_DERIVED_SUBTOTALS = [
  {
    id: "results.denied.subtotal",
    label: l("（三）不予公开小计", "(3) Not disclosed, subtotal"),
    sumOf: [
      "results.denied.stateSecret",
      "results.denied.lawForbidden",
      "results.denied.safetyStability",
      "results.denied.thirdPartyRights",
      "results.denied.internalAffairs",
      "results.denied.processInfo",
      "results.denied.enforcementCase",
      "results.denied.adminQuery",
    ],
  },
  {
    id: "results.unableToProvide.subtotal",
    label: l("（四）无法提供小计", "(4) Unable to provide, subtotal"),
    sumOf: ["results.unableToProvide.noInfo", "results.unableToProvide.needCreation", "results.unableToProvide.unclear"],
  },
  {
    id: "results.notProcessed.subtotal",
    label: l("（五）不予处理小计", "(5) Not processed, subtotal"),
    sumOf: [
      "results.notProcessed.complaint",
      "results.notProcessed.repeat",
      "results.notProcessed.publication",
      "results.notProcessed.massiveRepeat",
      "results.notProcessed.confirmInfo",
    ],
  },
] as const;

// ---------------------------------------------------------------------------------------------
// 四、政府信息公开行政复议、行政诉讼情况 (identical in both versions)
// ---------------------------------------------------------------------------------------------

const OUTCOMES = [
  ["upheld", "结果维持", "upheld"],
  ["corrected", "结果纠正", "corrected"],
  ["otherResult", "其他结果", "other result"],
  ["pending", "尚未审结", "pending"],
  ["total", "总计", "total"],
] as const;

const REVIEW = l("行政复议", "Administrative reconsideration");
const LITIGATION = l("行政诉讼", "Administrative litigation");
const DIRECT = l("未经复议直接起诉", "Sued directly, without reconsideration");
const AFTER_REVIEW = l("复议后起诉", "Sued after reconsideration");

function outcomeColumns<B extends string>(block: B, path: readonly { zh: string; en: string }[]) {
  return OUTCOMES.map(([id, zh, en]) => ({
    id: `${block}.${id}` as `${B}.${(typeof OUTCOMES)[number][0]}`,
    label: l(zh, en),
    kind: "count" as const,
    labelPath: [...path, l(zh, en)],
  }));
}

export const REVIEW_LITIGATION_COLUMNS = [
  ...outcomeColumns("review", [REVIEW]),
  ...outcomeColumns("litigationDirect", [LITIGATION, DIRECT]),
  ...outcomeColumns("litigationAfterReview", [LITIGATION, AFTER_REVIEW]),
];

export const REVIEW_LITIGATION_HEADER: readonly (readonly HeaderCellDef[])[] = [
  [
    { label: REVIEW, colspan: 5 },
    { label: LITIGATION, colspan: 10 },
  ],
  [
    ...OUTCOMES.map(([id, zh, en]) => ({ label: l(zh, en), rowspan: 2, column: `review.${id}` })),
    { label: DIRECT, colspan: 5 },
    { label: AFTER_REVIEW, colspan: 5 },
  ],
  [
    ...OUTCOMES.map(([id, zh, en]) => ({ label: l(zh, en), column: `litigationDirect.${id}` })),
    ...OUTCOMES.map(([id, zh, en]) => ({ label: l(zh, en), column: `litigationAfterReview.${id}` })),
  ],
];
