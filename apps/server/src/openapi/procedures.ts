/**
 * What the router's parsers cannot say about each procedure, for the OpenAPI document: a summary in
 * Chinese, who may call it, whether internal services (portals, statistics and OA systems) are meant
 * to call it, and examples. Access here mirrors the router's checks (packages/api/src/trpc.ts and the
 * routers; the access-matrix test holds them to it); a test fails when a procedure is missing here.
 */
import type { Role } from "@nianbao/db";

export interface ProcedureDoc {
  summary: string;
  description?: string;
  /** Roles allowed (within the caller's organisation subtree), or anyone, or any signed-in caller. */
  access: readonly Role[] | "public" | "signedIn";
  /** Meant for internal services calling with a token (listed first in the reference). */
  service?: boolean;
  example?: { input?: unknown; output?: unknown };
}

const ALL: readonly Role[] = ["admin", "editor", "reviewer", "signer", "viewer"];
const EDIT: readonly Role[] = ["editor", "admin"];

export const TAGS = [
  { name: "stats", description: "填报进度：各单位状态、校验结果、截止日期与逾期" },
  { name: "aggregate", description: "汇总：本级及下级已审核报告的逐单元格汇总与核对" },
  { name: "reports", description: "年度报告：起草、保存修订、校验、流程（提交、审核、签发、发布、更正）、导入导出" },
  { name: "openData", description: "公开数据：已发布的报告，无需登录" },
  { name: "auth", description: "登录与身份" },
  { name: "orgs", description: "组织机构" },
  { name: "users", description: "用户账号" },
  { name: "tokens", description: "API 令牌（供其他系统调用）" },
  {
    name: "webhooks",
    description: "事件推送：报告提交、退回、审核、签发、发布、更正、逾期时向其他系统推送签名通知（见 docs/WEBHOOKS.md）",
  },
  { name: "audit", description: "审计日志" },
];

const REPORT_ID = "5d0f3c1a-2b7e-4c49-9a0e-7f3c2d1b8e64";
const ORG_ID = "0b6c9e52-4f1d-4a8b-8c3e-1d2f7a9b6c05";

export const PROCEDURE_DOCS: Record<string, ProcedureDoc> = {
  "auth.login": {
    summary: "登录（浏览器）",
    description: "会话以 HttpOnly Cookie 返回，不在响应体中。其他系统请使用 API 令牌，不要用账号密码登录。连续失败后须等待（429）。",
    access: "public",
    example: { input: { username: "kjj.editor", password: "…" } },
  },
  "auth.logout": { summary: "退出登录", access: "signedIn" },
  "auth.me": {
    summary: "当前调用者：用户或令牌、角色、所属组织",
    description: "接入时先调用它，确认令牌有效、角色与组织范围正确。",
    access: "signedIn",
    service: true,
    example: {
      output: {
        kind: "token",
        userId: "c1e0…",
        displayName: "统计系统（管理员）",
        role: "viewer",
        org: { id: ORG_ID, name: "示范区人民政府", kind: "government" },
      },
    },
  },
  "auth.changePassword": { summary: "修改自己的密码（仅会话登录）", access: "signedIn" },

  "orgs.tree": {
    summary: "组织树：某组织（默认调用者所属）及其全部下级",
    access: ALL,
    service: true,
    example: { input: { orgId: ORG_ID } },
  },
  "orgs.create": {
    summary: "新建下级组织",
    access: ["admin"],
    example: { input: { parentId: ORG_ID, name: "示范区数据局", kind: "department" } },
  },
  "orgs.update": { summary: "修改组织（名称、类别、上级）", access: ["admin"] },

  "users.list": { summary: "组织范围内的用户", access: ["admin"] },
  "users.create": { summary: "新建用户", access: ["admin"] },
  "users.update": { summary: "修改用户（姓名、角色、组织、停用）", access: ["admin"] },
  "users.setPassword": { summary: "重置他人密码（结束其会话）", access: ["admin"] },

  "tokens.create": {
    summary: "创建 API 令牌",
    description: "令牌限定一个组织及其下级，并带一个角色。令牌明文只在此返回一次，请妥善保存。统计、监督系统用 viewer 即可。",
    access: ["admin"],
    example: { input: { orgId: ORG_ID, name: "统计系统", role: "viewer", expiresInDays: 365 } },
  },
  "tokens.list": { summary: "组织范围内的 API 令牌（不含明文）", access: ["admin"] },
  "tokens.revoke": { summary: "吊销 API 令牌", access: ["admin"] },

  "reports.list": {
    summary: "报告列表：组织范围内的报告，最近的年度在前",
    description: "可按年度和状态筛选。门户取待发布或已发布报告时，按 status 过滤。",
    access: ALL,
    service: true,
    example: { input: { year: 2024, status: ["published"] } },
  },
  "reports.page": {
    summary: "报告分页：组织范围内某年度的报告，按组织顺序逐页读取",
    description:
      "每页至多 500 份（默认 100）。把返回的 nextCursor 作为下一次的 cursor，直到它为 null；页数不受 reports.list 的 1000 份上限限制。",
    access: ALL,
    service: true,
    example: { input: { year: 2024, limit: 100 } },
  },
  "reports.get": {
    summary: "一份报告：当前（或指定）修订版本的文档、校验结果与调用者可执行的操作",
    access: ALL,
    service: true,
    example: { input: { id: REPORT_ID } },
  },
  "reports.create": { summary: "新建某年度的草稿（上年结转自动带入）", access: EDIT, example: { input: { orgId: ORG_ID, year: 2025 } } },
  "reports.update": {
    summary: "保存草稿（新修订版本）",
    description:
      "baseRevision 是所编辑的修订版本号；若他人已先保存，返回 409 CONFLICT。网络错误后重发请带同一 Idempotency-Key，只会产生一个修订版本。文档有误时返回 400，fieldErrors 逐单元格说明。",
    access: EDIT,
  },
  "reports.validate": { summary: "校验：已存修订版本或未保存的文档", access: ALL },
  "reports.history": { summary: "修订历史、流程记录与发布记录", access: ALL, service: true },
  "reports.diff": { summary: "两个修订版本之间的差异", access: ALL, example: { input: { id: REPORT_ID, from: 1, to: 2 } } },
  "reports.explain": { summary: "说明一条警告（提交前每条警告都须说明）", access: EDIT },
  "reports.submit": {
    summary: "提交（仍有错误或未说明的警告时返回 412，data.findings 列出原因）",
    access: EDIT,
    example: { input: { id: REPORT_ID, revision: 3 } },
  },
  "reports.review": {
    summary: "审核通过（分管领导）",
    access: ["reviewer"],
    example: { input: { id: REPORT_ID, revision: 3, comment: "同意" } },
  },
  "reports.return": {
    summary: "退回修改（须填写意见）",
    description: "已提交的由分管领导退回，已审核的由主要领导退回，已签发的由公开办退回。",
    access: ["reviewer", "signer", "admin"],
    example: { input: { id: REPORT_ID, revision: 3, comment: "第三部分数字不平衡，请核对后重新提交" } },
  },
  "reports.sign": { summary: "签发（主要领导）", access: ["signer"], example: { input: { id: REPORT_ID, revision: 3 } } },
  "reports.publish": {
    summary: "发布（政府信息公开工作主管部门）",
    description: "发布的修订版本即被冻结，并出现在公开数据中；门户可随后以 openData 接口取得。",
    access: ["admin"],
    example: { input: { id: REPORT_ID, revision: 3, publishedOn: "2025-01-20" } },
  },
  "reports.correct": {
    summary: "更正已发布的报告：开启新草稿，comment 为公开的更正说明",
    access: EDIT,
    example: { input: { id: REPORT_ID, revision: 3, comment: "更正表三“本年新收政府信息公开申请数量”" } },
  },
  "reports.import": { summary: "导入报告文件（Word、PDF、网页、Excel、文本，base64）为草稿", access: EDIT },
  "reports.export": {
    summary: "导出报告文件（base64）：docx、html、xlsx、md、csv 或 json",
    access: ALL,
    service: true,
    example: { input: { id: REPORT_ID, format: "docx" } },
  },

  "aggregate.get": {
    summary: "汇总：组织下级已审核（含已签发、已发布）报告的逐单元格合计",
    description:
      "每个单元格给出合计值、已填报单位数、参与合计的单位与未填写的单位；missing 列出尚无已审核报告的下级单位；reconciliation 是与本级自身报告的核对差异。统计、监督系统据此拉取本地区的汇总。",
    access: ALL,
    service: true,
    example: { input: { orgId: ORG_ID, year: 2024 } },
  },
  "stats.progress": {
    summary: "填报进度：组织范围内各单位某年度报告的状态、校验结果、截止日期与逾期天数",
    description:
      "部门的截止日期为次年1月31日，本级政府为次年3月31日；late 与 daysLate 表示是否逾期及逾期天数。OA 系统可据 actions 提醒领导有待审核、签发的报告。",
    access: ALL,
    service: true,
    example: {
      input: { year: 2024 },
      output: {
        year: 2024,
        today: "2025-02-03",
        rows: [
          {
            orgId: "8a1d…",
            orgName: "示范区科学技术局",
            orgKind: "department",
            parentId: ORG_ID,
            reportId: REPORT_ID,
            status: "reviewed",
            revision: 4,
            findings: { error: 0, warning: 1, info: 0 },
            deadline: "2025-01-31",
            publishedOn: null,
            late: true,
            daysLate: 3,
            actions: [],
          },
        ],
        totals: { organisations: 14, byStatus: { reviewed: 1 }, missing: 13, late: 14 },
      },
    },
  },

  "webhooks.create": {
    summary: "登记事件推送：某组织及其下级报告的所选事件推送到一个地址",
    description: "签名密钥只在此返回一次。推送以 HMAC-SHA256 签名（Nianbao-Signature 头），失败按指数退避重试，持续失败自动暂停。",
    access: ["admin"],
    example: {
      input: {
        orgId: ORG_ID,
        url: "https://portal.example.gov.cn/hooks/nianbao",
        events: ["report.published", "report.corrected"],
        description: "门户网站年报专栏",
      },
    },
  },
  "webhooks.list": { summary: "组织范围内的事件推送及其状态（启用、暂停及原因、待送达数）", access: ["admin"] },
  "webhooks.update": { summary: "修改事件推送的地址、事件或说明", access: ["admin"] },
  "webhooks.pause": { summary: "暂停推送（事件继续排队，恢复后补发）", access: ["admin"] },
  "webhooks.resume": { summary: "恢复推送", access: ["admin"] },
  "webhooks.delete": { summary: "删除事件推送", access: ["admin"] },
  "webhooks.deliveries": { summary: "送达记录：最近的推送尝试、响应状态、耗时与响应摘要", access: ["admin"] },

  "audit.list": { summary: "审计日志（最新在前）", access: ["admin"] },

  "openData.list": { summary: "已发布的报告列表（公开数据）", access: "public", service: true, example: { input: { year: 2023 } } },
  "openData.get": {
    summary: "一份已发布的报告（最新发布，或指定修订版本），含历次发布与更正说明",
    access: "public",
    service: true,
    example: { input: { id: REPORT_ID } },
  },
  "openData.export": {
    summary: "已发布报告的 CSV 或 JSON 文件（base64）",
    access: "public",
    service: true,
    example: { input: { id: REPORT_ID, format: "csv" } },
  },
};

/** Input fields that mean the same in every procedure that takes them. */
export const INPUT_FIELD_DOCS: Record<string, string> = {
  orgId: "组织 id；可省略时默认为调用者（令牌）所属的组织",
  year: "报告年度（如 2024 表示 2024 年度报告，次年发布）",
  id: "目标的 id（报告、用户或令牌，视接口而定）",
  revision: "修订版本号：操作所依据的版本（流程操作）或要读取的版本",
  baseRevision: "所编辑的修订版本号；他人已先保存时返回 409 CONFLICT",
  document: "完整的报告文档（ReportDocument，见规范 spec/CONTRACT.md）",
  note: "本次保存的备注",
  comment: "意见；退回与更正时必填（更正时即公开的更正说明）",
  publishedOn: "仅发布：报告上的发布日期（默认今天，中国时区）",
  status: "按状态筛选",
  format: "文件格式",
  from: "起始修订版本号",
  to: "结束修订版本号",
  data: "文件内容（base64）",
  filename: "文件名（用于判断格式）",
};
