/**
 * The report workflow (the seed report's own words: 分管领导把关，主要领导签发), as data:
 * draft → submitted (editor) → reviewed (reviewer, 分管领导) → signed (signer, 主要领导) → published
 * (admin, the disclosure office). Each step back is `return` with a comment, by whoever holds the
 * report at that step. A published report is corrected by starting a new draft (`correct`).
 */
import type { ReportStatus, Role, WorkflowAction } from "@nianbao/db";

export interface Step {
  action: WorkflowAction;
  from: ReportStatus;
  to: ReportStatus;
  roles: readonly Role[];
}

export const STEPS: readonly Step[] = [
  { action: "submit", from: "draft", to: "submitted", roles: ["editor", "admin"] },
  { action: "review", from: "submitted", to: "reviewed", roles: ["reviewer"] },
  { action: "return", from: "submitted", to: "draft", roles: ["reviewer"] },
  { action: "sign", from: "reviewed", to: "signed", roles: ["signer"] },
  { action: "return", from: "reviewed", to: "draft", roles: ["signer"] },
  { action: "publish", from: "signed", to: "published", roles: ["admin"] },
  { action: "return", from: "signed", to: "draft", roles: ["admin"] },
  { action: "correct", from: "published", to: "draft", roles: ["editor", "admin"] },
];

/** Roles that may take an action from some status (the procedure-level gate). */
export function rolesFor(action: WorkflowAction): Role[] {
  return [...new Set(STEPS.filter((s) => s.action === action).flatMap((s) => s.roles))];
}

export function stepFor(action: WorkflowAction, from: ReportStatus): Step | undefined {
  return STEPS.find((s) => s.action === action && s.from === from);
}

/** What a role can do with a report in a status (the admin app shows these as buttons). */
export function availableActions(status: ReportStatus, role: Role): WorkflowAction[] {
  const actions: WorkflowAction[] = STEPS.filter((s) => s.from === status && s.roles.includes(role)).map((s) => s.action);
  return actions;
}

/** Roles that may change a draft's content. */
export const EDIT_ROLES: readonly Role[] = ["editor", "admin"];
