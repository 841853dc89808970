/** Labels and colours of report statuses, workflow actions and roles, in both UI languages. */
import type { Lang } from "@nianbao/core";
import type { BadgeTone } from "@/components/ui/badge";
import type { ReportStatus, Role, WorkflowAction } from "@/trpc/types";

interface Label {
  readonly zh: string;
  readonly en: string;
}
type Labels<K extends string> = Record<K, Label>;

/** Each status with its badge colour, in workflow order (the order of the keys is the order shown). */
export const STATUS_LABELS: Record<ReportStatus, Label & { readonly tone: BadgeTone }> = {
  draft: { zh: "草稿", en: "Draft", tone: "gray" },
  submitted: { zh: "已提交待审核", en: "Submitted", tone: "blue" },
  reviewed: { zh: "已审核待签发", en: "Reviewed", tone: "violet" },
  signed: { zh: "已签发待发布", en: "Signed", tone: "amber" },
  published: { zh: "已发布", en: "Published", tone: "green" },
};

/** Workflow order, for sorting and filters. */
export const STATUS_ORDER = Object.keys(STATUS_LABELS) as readonly ReportStatus[];

/**
 * Each workflow action twice: as the button that takes it, and as what the person holding a report
 * in that status has to do with it.
 */
const WORKFLOW_WORDS: Record<WorkflowAction, { readonly button: Label; readonly todo: Label }> = {
  submit: { button: { zh: "提交审核", en: "Submit" }, todo: { zh: "待填报提交", en: "To fill in and submit" } },
  review: { button: { zh: "审核通过", en: "Approve" }, todo: { zh: "待审核", en: "To review" } },
  return: { button: { zh: "退回修改", en: "Return" }, todo: { zh: "可退回", en: "May return" } },
  sign: { button: { zh: "签发", en: "Sign" }, todo: { zh: "待签发", en: "To sign" } },
  publish: { button: { zh: "发布", en: "Publish" }, todo: { zh: "待发布", en: "To publish" } },
  correct: { button: { zh: "发起更正", en: "Start a correction" }, todo: { zh: "可更正", en: "May correct" } },
};

function wordsOf(use: "button" | "todo"): Labels<WorkflowAction> {
  const entries = Object.entries(WORKFLOW_WORDS) as [WorkflowAction, (typeof WORKFLOW_WORDS)[WorkflowAction]][];
  return Object.fromEntries(entries.map(([action, words]) => [action, words[use]])) as Labels<WorkflowAction>;
}

export const ACTION_LABELS = wordsOf("button");

/** What the person holding a report in a status has to do with it. */
export const TODO_LABELS = wordsOf("todo");

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
