/** Labels and colours of report statuses, workflow actions and roles, in both UI languages. */
import type { Lang } from "@nianbao/core";
import type { BadgeTone } from "@/components/ui/badge";
import type { ReportStatus, Role, WorkflowAction } from "@/trpc/types";

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const STATUS_LABELS: Labels<ReportStatus> = {
  draft: { zh: "草稿", en: "Draft" },
  submitted: { zh: "已提交待审核", en: "Submitted" },
  reviewed: { zh: "已审核待签发", en: "Reviewed" },
  signed: { zh: "已签发待发布", en: "Signed" },
  published: { zh: "已发布", en: "Published" },
};

export const STATUS_TONES: Record<ReportStatus, BadgeTone> = {
  draft: "gray",
  submitted: "blue",
  reviewed: "violet",
  signed: "amber",
  published: "green",
};

/** Workflow order, for sorting and filters. */
export const STATUS_ORDER: readonly ReportStatus[] = ["draft", "submitted", "reviewed", "signed", "published"];

export const ACTION_LABELS: Labels<WorkflowAction> = {
  submit: { zh: "提交审核", en: "Submit" },
  review: { zh: "审核通过", en: "Approve" },
  return: { zh: "退回修改", en: "Return" },
  sign: { zh: "签发", en: "Sign" },
  publish: { zh: "发布", en: "Publish" },
  correct: { zh: "发起更正", en: "Start a correction" },
};

/** What the person holding a report in a status has to do with it. */
export const TODO_LABELS: Labels<WorkflowAction> = {
  submit: { zh: "待填报提交", en: "To fill in and submit" },
  review: { zh: "待审核", en: "To review" },
  return: { zh: "可退回", en: "May return" },
  sign: { zh: "待签发", en: "To sign" },
  publish: { zh: "待发布", en: "To publish" },
  correct: { zh: "可更正", en: "May correct" },
};

export const ROLE_LABELS: Labels<Role> = {
  admin: { zh: "公开办管理员", en: "Disclosure office admin" },
  editor: { zh: "填报人", en: "Editor" },
  reviewer: { zh: "审核人（分管领导）", en: "Reviewer" },
  signer: { zh: "签发人（主要领导）", en: "Signer" },
  viewer: { zh: "查看者", en: "Viewer" },
};

export const ORG_KIND_LABELS: Labels<"department" | "government"> = {
  department: { zh: "政府部门", en: "Department" },
  government: { zh: "人民政府", en: "Government" },
};

export function labelOf<K extends string>(labels: Labels<K>, key: K, lang: Lang): string {
  return labels[key][lang];
}
