/**
 * Every user-facing message of the core, in zh-CN and English. Rule messages use the form's own
 * labels, passed in as parameters from the format definition.
 */
export const MESSAGES = {
  // Linear identities (T3-BAL, T3-ROWTOTAL, T4-SUM-*, …)
  "linear.notEqual": { zh: "{scope}：{lhs}，不等于{rhs}", en: "{scope}: {lhs} does not equal {rhs}" },
  "linear.notLessOrEqual": { zh: "{scope}：{lhs}，大于{rhs}", en: "{scope}: {lhs} is greater than {rhs}" },
  "linear.notGreaterOrEqual": { zh: "{scope}：{lhs}，小于{rhs}", en: "{scope}: {lhs} is less than {rhs}" },
  "linear.unchecked": {
    zh: "{scope}：{cells}为空或无法识别，无法校验本项勾稽关系",
    en: "{scope}: {cells} is empty or unreadable, so this identity could not be checked",
  },
  "scope.column": { zh: "{label}列", en: "column “{label}”" },
  "scope.row": { zh: "{label}行", en: "row “{label}”" },
  "scope.block": { zh: "{label}", en: "{label}" },
  "scope.table": { zh: "{label}", en: "{label}" },
  "term.previous": { zh: "上年报告{label}", en: "last year's {label}" },
  "sum.resultsParts": { zh: "（一）至（六）各项之和", en: "the sum of results (1)–(6)" },
  "sum.outcomes": { zh: "结果维持、结果纠正、其他结果、尚未审结之和", en: "upheld + corrected + other + pending" },
  "sum.applicants": { zh: "各类申请人之和", en: "the sum of the applicant columns" },
  zero: { zh: "0", en: "0" },

  // Cell checks
  "cell.notCount": {
    zh: "{cell}：“{value}”不是非负整数",
    en: "{cell}: “{value}” is not a whole number ≥ 0",
  },
  "cell.notSignedCount": { zh: "{cell}：“{value}”不是整数", en: "{cell}: “{value}” is not a whole number" },
  "cell.notMoney": {
    zh: "{cell}：“{value}”不是金额（应为不小于0的十进制数字字符串，单位{unit}）",
    en: "{cell}: “{value}” is not an amount (a decimal string ≥ 0, in {unit})",
  },
  "cell.moneyPrecision": {
    zh: "{cell}：金额“{value}”超过4位小数（0.0001万元即1元），请核对单位",
    en: "{cell}: amount “{value}” has more than 4 decimals (0.0001 × 10,000 yuan = 1 yuan); check the unit",
  },
  "cell.missing": {
    zh: "{row}：{cells}未填写（没有发生的请填0，不得留空或填“-”“/”“无”）",
    en: "{row}: {cells} not filled in (write 0 where nothing happened; no blanks, “-”, “/” or “无”)",
  },
  "cell.notImported": {
    zh: "{row}：{cells}未能从来源文件读出（见 {finding}），未检查，不视为报告留空",
    en: "{row}: {cells} could not be read from the source file (see {finding}); unchecked, not taken as left blank by the report",
  },
  "section.notImported": {
    zh: "{message}——该部分未能从来源文件读出（见 {finding}），未检查",
    en: "{message} — this section could not be read from the source file (see {finding}); unchecked",
  },
  "cell.unitMissing": {
    zh: "{cell}：表头未注明单位，须注明金额单位（元或万元）",
    en: "{cell}: the header gives no unit; record whether the amount is in yuan or 10,000 yuan",
  },

  // Schema
  "schema.notObject": { zh: "报告须为 JSON 对象", en: "A report must be a JSON object" },
  "schema.formatVersion": {
    zh: "格式版本（formatVersion）须为 {versions}，实为 {value}",
    en: "formatVersion must be {versions}, got {value}",
  },
  "schema.issue": { zh: "{field}：{problem}", en: "{field}: {problem}" },
  "schema.required": { zh: "缺少此项", en: "missing" },
  "schema.type": { zh: "类型应为{expected}", en: "should be {expected}" },
  "schema.unknownKey": { zh: "不应有“{key}”", en: "unexpected “{key}”" },
  "schema.invalid": { zh: "取值无效", en: "invalid value" },
  "schema.tooSmall": { zh: "过短或过小", en: "too short or too small" },
  "schema.tooBig": { zh: "过长或过大", en: "too long or too large" },
  "schema.date": { zh: "日期应为 YYYY-MM-DD", en: "a date must be YYYY-MM-DD" },
  "schema.enum": { zh: "应为{options}之一", en: "should be one of {options}" },

  // Report level
  "version.mismatch": {
    zh: "{year}年度报告应使用{expected}版格式（{document}），实为{actual}版",
    en: "A report on {year} must use the {expected} format ({document}), not {actual}",
  },
  "version.rows": {
    zh: "{table}：“{key}”不属于{version}版格式的表格",
    en: "{table}: “{key}” is not part of the {version} format's table",
  },
  "sections.empty": { zh: "{section}：内容为空", en: "{section}: empty" },
  "sections.nilNotAllowed": {
    zh: "{section}：只写“无”不符合要求（仅“{other}”可写“无”）",
    en: "{section}: “none” alone is not enough (only section 6 may say “none”)",
  },
  "period.mismatch": {
    zh: "统计期限写为{actual}，应为{expected}",
    en: "The statistical period is stated as {actual}; it must be {expected}",
  },
  "period.notStated": {
    zh: "正文未写明统计期限（{expected}），无法校验",
    en: "The text does not state the statistical period ({expected}); not checked",
  },
  "deadline.late": {
    zh: "{kind}应于{deadline}前公布年度报告，实际发布日期为{actual}，已逾期{days}天",
    en: "{kind} must publish by {deadline}; published {actual}, {days} days late",
  },
  "deadline.overdueUnpublished": {
    zh: "{kind}应于{deadline}前公布年度报告，截至{today}尚未发布",
    en: "{kind} must publish by {deadline}; still unpublished on {today}",
  },
  "deadline.unchecked": {
    zh: "未填写发布日期，无法校验是否按时发布（{kind}截止日期{deadline}）",
    en: "No publication date, so timeliness could not be checked ({kind} deadline {deadline})",
  },
  "kind.department": { zh: "政府部门", en: "A government department" },
  "kind.government": { zh: "本级政府", en: "The government's own report" },
  "govExtra.missing": {
    zh: "各级人民政府的年度报告应报告工作考核、社会评议和责任追究结果情况，正文未见：{missing}",
    en: "A government's report must cover assessment, public evaluation and accountability results; not found: {missing}",
  },
  "fee2021.missing": {
    zh: "“{section}”未说明信息处理费收取情况（未收取的也应写明）",
    en: "Section 6 does not state how information-processing fees were collected (say so even if none were)",
  },
  "feeX.missing": {
    zh: "有{count}件申请因逾期未缴纳信息处理费不再处理，但“{section}”未报告信息处理费情况",
    en: "{count} applications lapsed for unpaid processing fees, but section 6 does not report the fees",
  },
  "text.mismatch": {
    zh: "正文“{quote}”中的{what}为{textValue}，表格为{tableValue}",
    en: "The text “{quote}” gives {what} as {textValue}; the table has {tableValue}",
  },
  "text.unchecked": {
    zh: "正文“{quote}”提到{what}，但表格相关单元格为空，无法核对",
    en: "The text “{quote}” gives {what}, but the table cells are empty; not checked",
  },
  "feeUnit.large": {
    zh: "{cell}为{value}万元（即{yuan}元），数额异常偏大，请确认单位是否误填为元",
    en: "{cell} is {value} × 10,000 yuan ({yuan} yuan), implausibly large; check it was not entered in yuan",
  },
  "feeUnit.text": {
    zh: "正文写收费{textValue}元，表格{cell}为{value}（单位万元），疑似单位误用",
    en: "The text gives fees of {textValue} yuan but {cell} is {value} (in 10,000 yuan); the unit looks wrong",
  },
  "regScope.nonZero": {
    zh: "{cells}不为0，但{agency}{reason}，请确认是否有规章制定权（规章由国务院部门、省级政府和设区的市、自治州人民政府制定）",
    en: "{cells} are not 0 but {agency} {reason}; only State Council departments and provincial, city and prefecture governments make 规章",
  },
  "regScope.notRulemaking": { zh: "标注为无规章制定权", en: "is marked as without rule-making power" },
  "regScope.department": { zh: "为政府部门", en: "is a department" },
  "proc.zeroProjects": {
    zh: "{projects}为0，{amount}应为0，实为{value}",
    en: "{projects} is 0, so {amount} should be 0; it is {value}",
  },
  "similar.high": {
    zh: "{section}与上年报告相似度为{percent}%，疑似内容雷同",
    en: "{section} is {percent}% similar to last year's report; it looks copied",
  },
  "problems.same": {
    zh: "“{section}”与上年报告相同",
    en: "Section 5 (problems and improvements) is the same as last year's",
  },
  "previous.wrongYear": {
    zh: "所给上年报告为{actual}年度，应为{expected}年度，跨年度校验未进行",
    en: "The previous report given is for {actual}, not {expected}; cross-year checks were skipped",
  },
  "previous.otherAgency": {
    zh: "所给上年报告的机关为“{actual}”，本报告为“{expected}”，请确认为同一机关",
    en: "The previous report is from “{actual}”, this one from “{expected}”; check they are the same body",
  },
  "previous.invalid": {
    zh: "所给上年报告不是有效的年度报告文档，跨年度校验未进行",
    en: "The previous report is not a valid report document; cross-year checks were skipped",
  },
  "previous.notApplicable": {
    zh: "上年报告使用{version}版格式，本项跨年度校验不适用",
    en: "Last year's report used the {version} format; this cross-year check does not apply",
  },

  // Roll-up
  "aggregate.incomplete": {
    zh: "{row}：有{count}份报告未填写此行部分单元格（如{inputs}），汇总数无法确定，已置空",
    en: "{row}: {count} reports left cells of this row empty (e.g. {inputs}); the roll-up cannot be known and is left empty",
  },
  "aggregate.otherYear": {
    zh: "有{count}份报告不是{year}年度的，未计入汇总",
    en: "{count} reports are not for {year} and were left out of the roll-up",
  },
  "aggregate.mixed": {
    zh: "所汇总报告格式版本不一（{versions}）：只汇总申请情况表和复议诉讼表（2021版（六）其他处理三项合并为一项），主动公开表不跨版本汇总",
    en: "The reports use different formats ({versions}): only tables 3 and 4 are summed (the 2021 sub-rows of (6) folded into one); table 2 is not summed across formats",
  },
  "aggregate.sumOfReported": {
    zh: "现行有效件数、对外公开总数量为各单位填报数之和，联合发文可能重复计算",
    en: "Documents in force / published in total are sums of reported values; jointly issued documents may be counted twice",
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
