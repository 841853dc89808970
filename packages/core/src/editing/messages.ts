/**
 * Messages of the editing helpers (typing and pasting into the grid), zh-CN first, English on request.
 * They name a cell by its label path, as a clerk finds it on the printed form.
 */
import { fill, type Lang } from "../i18n/index";

const EDITING_MESSAGES = {
  "input.notCount": {
    zh: "{cell}：“{text}”不是件数，请填写不小于0的整数，没有的填0，空白表示未填",
    en: "{cell}: “{text}” is not a count; enter a whole number ≥ 0 (0 where none; blank means not given)",
  },
  "input.notSignedCount": {
    zh: "{cell}：“{text}”不是整数（可为负数，如 -3）",
    en: "{cell}: “{text}” is not a whole number (it may be negative, e.g. -3)",
  },
  "input.notMoney": {
    zh: "{cell}：“{text}”不是金额，请填写不小于0的数字（单位：{unit}）",
    en: "{cell}: “{text}” is not an amount; enter a number ≥ 0 (in {unit})",
  },
  "input.moneyScale": {
    zh: "{cell}：“{text}”的小数位超过{scale}位",
    en: "{cell}: “{text}” has more than {scale} decimal places",
  },
  "paste.empty": { zh: "剪贴板中没有表格内容", en: "The clipboard holds no table" },
  "paste.pastBottom": {
    zh: "粘贴内容有{rows}行，从“{cell}”起本表只有{available}行可填，未粘贴",
    en: "The pasted block has {rows} rows but only {available} rows remain below “{cell}”; nothing was pasted",
  },
  "paste.pastRight": {
    zh: "粘贴内容第{row}行有{columns}列，超出本表右边界（“{cell}”所在行从当前列起只有{available}列），未粘贴",
    en: "Row {row} of the pasted block has {columns} columns, past the table's right edge (only {available} from “{cell}”); nothing was pasted",
  },
  "paste.unreadable": {
    zh: "粘贴内容第{row}行第{column}列：{reason}。未粘贴任何内容",
    en: "Pasted row {row}, column {column}: {reason}. Nothing was pasted",
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type EditingMessageKey = keyof typeof EDITING_MESSAGES;

export function editingMessage(lang: Lang, key: EditingMessageKey, params?: Record<string, string | number>): string {
  return fill(EDITING_MESSAGES[key][lang], params);
}
