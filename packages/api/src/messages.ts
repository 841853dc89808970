/**
 * Messages of the API (the report rules' messages live in core): its own refusals and a text for every
 * reason the database refuses with. zh-CN first, English on request.
 */
import type { DomainReason } from "@nianbao/db";

type Text = { zh: string; en: string };

export const MESSAGES = {
  "auth.required": { zh: "请先登录", en: "Sign in first" },
  "auth.invalid": { zh: "用户名或密码错误", en: "Wrong user name or password" },
  "auth.locked": {
    zh: "登录失败次数过多，请{wait}后再试",
    en: "Too many failed sign-ins; try again in {waitEn}",
  },
  "auth.wrongPassword": { zh: "当前密码不正确", en: "The current password is wrong" },
  "access.role": { zh: "当前角色（{role}）无权执行此操作", en: "The role {role} may not do this" },
  "access.scope": { zh: "无权访问本单位管辖范围以外的数据", en: "Outside your organisation's scope" },
  "access.self": { zh: "不能停用自己的账号或降低自己的角色", en: "You cannot disable or demote yourself" },
  "org.notFound": { zh: "单位不存在：{id}", en: "No such organisation: {id}" },
  "org.nameTaken": { zh: "同一上级单位下已有名为“{name}”的单位", en: "There is already an organisation named {name} here" },
  "org.cycle": { zh: "不能把单位移到它自己的下级单位之下", en: "An organisation cannot move under its own subtree" },
  "org.rootMove": { zh: "只能在本单位管辖范围内调整上级单位", en: "The new parent must be inside your scope" },
  "user.notFound": { zh: "用户不存在：{id}", en: "No such user: {id}" },
  "user.nameTaken": { zh: "用户名“{username}”已被使用", en: "The user name {username} is taken" },
  "token.notFound": { zh: "令牌不存在：{id}", en: "No such token: {id}" },
  "webhook.notFound": { zh: "推送订阅不存在：{id}", en: "No such webhook subscription: {id}" },
  "report.notFound": { zh: "报告不存在：{id}", en: "No such report: {id}" },
  "report.revisionNotFound": { zh: "报告没有第{revision}版", en: "The report has no revision {revision}" },
  "report.exists": { zh: "{org}的{year}年度报告已存在", en: "{org} already has a report for {year}" },
  "report.stale": {
    zh: "报告已被他人修改：当前为第{current}版，您编辑的是第{base}版。请重新打开后再保存",
    en: "The report was changed by someone else: it is at revision {current}, you edited revision {base}. Reload and save again",
  },
  "report.notEditable": {
    zh: "报告当前状态为“{status}”，只有草稿可以修改",
    en: "The report is {status}; only drafts can be edited",
  },
  "report.yearMismatch": { zh: "报告年度应为{expected}，提交的是{actual}", en: "The report year is {expected}, not {actual}" },
  "report.formatMismatch": {
    zh: "本报告使用{expected}年版格式，提交的是{actual}年版",
    en: "This report uses the {expected} format, not {actual}",
  },
  "workflow.notAllowed": {
    zh: "报告当前状态为“{status}”，不能执行“{action}”",
    en: "The report is {status}; {action} is not possible",
  },
  "workflow.moved": {
    zh: "报告状态已被他人更改（现为“{status}”，第{revision}版），请刷新后重试",
    en: "Someone else moved the report on (now {status}, revision {revision}); reload and try again",
  },
  "workflow.errors": {
    zh: "报告仍有{count}个错误，不能报送",
    en: "The report still has {count} errors and cannot be submitted",
  },
  "workflow.unexplained": {
    zh: "有{count}个警告尚未说明原因，不能报送",
    en: "{count} warnings have no explanation yet; the report cannot be submitted",
  },
  "workflow.commentRequired": { zh: "退回时须填写意见", en: "A comment is required to return a report" },
  "workflow.changeNoteRequired": { zh: "更正已发布的报告须填写更正说明", en: "A correction needs a change note" },
  "import.failed": { zh: "无法导入：{message}", en: "Cannot import: {message}" },
  "import.orgOnly": {
    zh: "文件中的报告年度为{year}，该单位{year}年度报告已存在且不是草稿",
    en: "The file is a {year} report; this organisation's {year} report exists and is not a draft",
  },
  "import.baseRequired": {
    zh: "该单位{year}年度报告已存在，请指明要替换的修订版本（baseRevision）",
    en: "A {year} report exists; give the revision the import replaces (baseRevision)",
  },
  "export.failed": { zh: "无法导出：{message}", en: "Cannot export: {message}" },
} as const satisfies Record<string, Text> & Record<DomainReason, Text>;

export type MessageKey = keyof typeof MESSAGES;
