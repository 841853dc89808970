/**
 * The page of GB/T 9704-2012《党政机关公文格式》 in Word's units (twips = 1/20 pt, half-points for
 * font sizes). Everything is derived from the standard's figures so the numbers can be checked:
 * A4, 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm, 22 lines of 28 characters, 3号 body text.
 */

import { textWidth } from "./text";

const TWIPS_PER_MM = 1440 / 25.4;

function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** A4: 210 mm × 297 mm (Word writes it as 11906 × 16838). */
export const PAGE = { width: mmToTwips(210), height: mmToTwips(297) } as const;

/** GB/T 9704-2012 5.2.1: 天头 37 mm, 订口 28 mm, so 版心 156 mm × 225 mm leaves 35 mm below and 26 mm right. */
export const MARGINS = {
  top: mmToTwips(37),
  bottom: mmToTwips(35),
  left: mmToTwips(28),
  right: mmToTwips(26),
} as const;

export const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;
const TEXT_HEIGHT = PAGE.height - MARGINS.top - MARGINS.bottom;

/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21 } as const;

/** GB/T 9704-2012 5.2.2: 22 lines a page. The pitch is rounded down so that 22 lines always fit (≈ 28.95 pt). */
const LINES_PER_PAGE = 22;
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);

/** 28 characters a line: each character cell is the text width over 28 (≈ 15.8 pt). */
const CHARS_PER_LINE = 28;
export const CHAR_PITCH = TEXT_WIDTH / CHARS_PER_LINE;

/**
 * Character spacing (w:spacing in a run, in twentieths of a point) that narrows 3号 text from 16 pt to
 * the 28-character pitch. Word's own way is a character grid (w:docGrid linesAndChars with a negative
 * charSpace), but LibreOffice gives every 16 pt character two cells of such a grid and prints 14
 * characters a line; a run's spacing is read the same way by Word, WPS and LibreOffice.
 */
// Rounded down: 28 characters must fit the line, not overflow it by a few twips.
export const CHAR_SPACING = Math.floor((CHAR_PITCH / 20 - SIZE.body / 2) * 20);

/**
 * Page numbers (GB/T 9704-2012 7.5): 4号 Arabic numerals between em dashes, the dash's top 7 mm below
 * the text area. Word places a footer by the distance from the page's bottom edge to the footer's
 * bottom, so that distance is the 35 mm margin less 7 mm less one 14 pt line.
 */
export const PAGE_NUMBER_LINE = SIZE.pageNumber * 10;
export const FOOTER_DISTANCE = mmToTwips(35 - 7) - PAGE_NUMBER_LINE;
export const HEADER_DISTANCE = mmToTwips(15);

export const FONTS = {
  /** 标题: 2号小标宋体字 (GB/T 9704-2012 7.3.1). */
  title: "方正小标宋简体",
  /** 正文: 3号仿宋体字. */
  body: "仿宋_GB2312",
  /** 第一层 "一、" 黑体字. */
  heading1: "黑体",
  /** 第二层 "（一）" 楷体字. */
  heading2: "楷体_GB2312",
  /** 页码: 半角宋体阿拉伯数字. */
  pageNumber: "宋体",
  /** Latin letters and digits beside the Chinese faces, as official templates set them. */
  latin: "Times New Roman",
} as const;

/**
 * GB/T 9704-2012 7.3.5.2 (a report without a seal): the agency's name two characters from the right
 * margin, the date under it starting two characters further right; a date longer than that goes two
 * characters from the margin and pushes the name left to keep the offset. In characters of body text.
 */
export function signatureOffsets(agency: string, date: string | null): { nameRight: number; dateRight: number } {
  const nameWidth = textWidth(agency);
  const dateWidth = date ? textWidth(date) : 0;
  const nameRight = 2;
  const dateRight = nameRight + nameWidth - 2 - dateWidth;
  if (!date || dateRight >= 2) return { nameRight, dateRight: Math.max(0, dateRight) };
  return { nameRight: Math.max(0, 2 + dateWidth + 2 - nameWidth), dateRight: 2 };
}
