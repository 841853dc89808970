/**
 * Why a JSON value is not a report document, in one line: the field or cell (a cell by its id and
 * the labels of the printed table) and what is wrong with it. The schema of the document's format
 * finds the first problem; this says it in the user's language.
 */
import { documentIssue, getFormat, isFormatVersion, jsonTypeName, type Lang, label, valueAt } from "@nianbao/core";
import { isReportShaped } from "./inputs";
import { say } from "./messages";

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Why a value that is not a report document cannot be used: the field at fault when it has one. */
export function notReportText(value: unknown, lang: Lang): string {
  return isReportShaped(value) ? reportIssueText(value, lang) : say(lang, "notReport");
}

/** The message for a value `isReportDocument` refused (whose formatVersion is a registered one). */
function reportIssueText(value: unknown, lang: Lang): string {
  const issue = documentIssue(value);
  const version = (value as { formatVersion?: unknown }).formatVersion;
  if (!issue || !isFormatVersion(version)) return say(lang, "notReport");
  const path = issue.path.map(String);
  const found = valueAt(value, issue.path);
  const cell = path[0] === "tables" ? getFormat(version).cellById.get(path.slice(1).join(".")) : undefined;
  if (cell) {
    const field = say(lang, "badCell", { id: cell.id, label: cell.labelPath.map((l) => label(lang, l)).join(" / ") });
    const expected = say(lang, cell.kind === "money" ? "cellMoney" : cell.kind === "signedCount" ? "cellSignedCount" : "cellCount");
    const problem = found === undefined ? say(lang, "cellMissing") : `${expected}${say(lang, "valueGiven", { value: shown(found) })}`;
    return say(lang, "badReport", { field, problem });
  }
  let problem: string;
  switch (issue.code) {
    case "invalid_type":
      problem = found === undefined ? say(lang, "fieldMissing") : say(lang, "fieldType", { expected: jsonTypeName(issue.expected, lang) });
      break;
    case "unrecognized_keys":
      problem = say(lang, "fieldKeys", { keys: issue.keys.join(", ") });
      break;
    case "invalid_value":
      problem = say(lang, "fieldOneOf", { values: issue.values.map((v) => JSON.stringify(v)).join(" / ") });
      break;
    case "too_small":
    case "too_big":
      problem = say(lang, "fieldRange");
      break;
    case "invalid_format":
      problem = say(lang, issue.format === "date" ? "fieldDate" : "fieldInvalid");
      break;
    default:
      problem = say(lang, "fieldInvalid");
  }
  if (found !== undefined && issue.code !== "unrecognized_keys") problem += say(lang, "valueGiven", { value: shown(found) });
  return say(lang, "badReport", { field: path.join(".") || "{}", problem });
}
