/**
 * The prose of a report: its title (agency and year), the text sections under whatever heading variant
 * and numbering the source uses, and the signature block (agency and date). Section headings come
 * from core's format data (headings and headingAliases of both versions), matched on keys without
 * numbering, because real reports renumber (五 and 六 written as 二 and 三) and leave headings out.
 */
import { sameAgencyName, type SectionDef, toHalfWidth } from "@nianbao/core";
import type { Block, ParagraphBlock, TableBlock } from "../blocks";
import { convert, dropPinyinNotes } from "../traditional";
import { chineseYear, parseDate } from "./dates";
import { matchHeading } from "./headings";

export { parseDate };

export type TextSectionKey = "overview" | "problems" | "other";

export interface Outline {
  readonly title: { readonly agency: string | null; readonly year: number | null; readonly text: string } | null;
  /** Paragraphs between the title and the first heading (the preamble with the statistical period). */
  readonly preface: readonly string[];
  readonly sections: Readonly<Record<TextSectionKey, readonly string[]>>;
  /** Sections (text and table) whose heading or caption was found, by key. */
  readonly headings: ReadonlySet<string>;
  readonly signature: { readonly agency: string | null; readonly date: string | null; readonly dateText: string | null };
  /** A publication date the page states outside the signature ("发布日期：2022-01-28"). */
  readonly pageDate: { readonly date: string; readonly text: string } | null;
  /** The tables, each with the table its section heading (or caption) announces, if any. */
  readonly tables: readonly OutlineTable[];
  /** All prose, for the statistical period and the year. */
  readonly text: string;
}

/**
 * A table with the table its section announces, and the short lines printed just above it inside that
 * section ("行政复议" over a small table of its five outcomes): a reader takes them as its caption.
 */
const CAPTION_MAX = 30;

interface OutlineTable {
  readonly block: TableBlock;
  readonly sectionTable: string | null;
  readonly caption: readonly string[];
}

// ---------------------------------------------------------------------------------------------- title

const YEAR = String.raw`[0-9０-９]{4}|[〇零○一二三四五六七八九]{4}`;
const TITLE_PATTERNS: readonly RegExp[] = [
  // 区科技局2021年政府信息公开工作年度报告 / 关于…二〇二一年度政府信息公开工作年度报告
  // 关于2021年度政府信息公开工作的年度报告 / 关于2022年度政府信息公开情况的报告
  new RegExp(String.raw`^(.*?)(${YEAR})年度?(?:本机关)?(?:政府)?信息公开(?:工作)?(?:情况)?的?(?:年度?)?报告`, "u"),
  // 淮安市人民政府政府信息公开工作年度报告（2024年度）
  new RegExp(String.raw`^(.*?)(?:政府)?信息公开(?:工作)?年度报告[(（](${YEAR})年?度?[)）]`, "u"),
  // 2022年度螅镇政府信息公开工作年度报告 / 2019年某某局政府信息公开工作年度报告: the year first, the
  // agency after it (its group is second; parseTitle reads the groups by name below).
  new RegExp(
    String.raw`^(?<year>${YEAR})年度?(?<agency>[^，。；：,;:（(]{2,40}?)(?:政府)?信息公开(?:工作)?(?:情况)?的?(?:年度?)?报告`,
    "u",
  ),
  // 示例区第1局: Annual Report on Government Information Disclosure, 2021
  /^(.*?):\s*Annual Report on Government Information Disclosure,\s*(\d{4})/iu,
];

/** A page of a flip book or PDF viewer names itself before the title: "Page 8 - …", "P. 8". */
const PAGE_PREFIX = /^(?:Page\s*\d+\s*[-–—:]\s*|P\.\s*\d+\s*)/iu;
/** A flip book's short title: "2020年报_审计局". */
const SHORT_TITLE = new RegExp(String.raw`^(.*?)(${YEAR})年报(?:[_|｜\-—\s]+(.+))?$`, "u");
/** The words before an agency named inside a sentence ("…，现公布区统计局2023年…年度报告"). */
const PUBLISHING_VERB = /^(?:现将|现|特此|特|予以)?(?:向社会)?(?:公布|编制|发布|印发)/u;

function yearOf(text: string): number | null {
  const yearText = toHalfWidth(text);
  const year = /^\d{4}$/u.test(yearText) ? Number(yearText) : chineseYear(yearText);
  return year !== null && year >= 2008 && year <= 2100 ? year : null;
}

/** An agency as the title gives it: no 关于, and from a sentence only the name after its last comma. */
function agencyOf(text: string): string | null {
  let agency = text.replace(/^关于/u, "").replace(/关于$/u, "").trim();
  const cut = Math.max(...[..."，。；：》,;:"].map((p) => agency.lastIndexOf(p)));
  if (cut >= 0) agency = agency.slice(cut + 1);
  agency = agency.replace(/^现将/u, "").replace(PUBLISHING_VERB, "");
  // "现将我办2022年度…报告如下": the sentence names the agency only as 我办 / 本局.
  if (/^(?:我|本)(?:机关|单位|[局办委厅处室所站队院会镇乡街区县市])?$/u.test(agency)) return null;
  return agency || null;
}

function parseTitle(text: string): { agency: string | null; year: number | null } | null {
  // Chinese titles wrap and space freely ("2024 年政府…"); English ones need their spaces. The agency
  // keeps its own characters (full-width brackets and all): only the year is read half-width. A
  // mirror's Traditional characters are matched converted; the agency is cut from the text as published.
  const raw = dropPinyinNotes(text.trim().replace(PAGE_PREFIX, ""));
  const t = /[A-Za-z]{3}/u.test(raw) ? raw : raw.replace(/[\s\u3000]+/gu, "");
  const matched = convert(t);
  for (const pattern of TITLE_PATTERNS) {
    const m = pattern.exec(matched);
    if (!m) continue;
    if (m.groups?.agency !== undefined) {
      // The agency stands after the year: cut it from the published text at the same place (the
      // conversion to Simplified keeps one character for one). "某某区人民政府信息公开…" shares its 政府.
      const start = m.groups.year!.length + (matched.slice(m.groups.year!.length).startsWith("年度") ? 2 : 1);
      let agency = t.slice(start, start + m.groups.agency.length);
      if (/人民$/u.test(agency)) agency += t.slice(start + agency.length, start + agency.length + 2);
      return { agency: agencyOf(agency), year: yearOf(m.groups.year!) };
    }
    return { agency: agencyOf(t.slice(0, m[1]!.length)), year: yearOf(m[2]!) };
  }
  const short = SHORT_TITLE.exec(matched);
  if (short) {
    const after = short[3] ? t.slice(t.length - short[3].length) : "";
    return { agency: agencyOf(t.slice(0, short[1]!.length)) ?? agencyOf(after), year: yearOf(short[2]!) };
  }
  return null;
}

/** A page's <title> often adds the site after a separator: "…年度报告_某某区人民政府". */
function parsePageTitle(text: string): { agency: string | null; year: number | null } | null {
  return parseTitle(text.split(/\s*[_|｜]\s*|\s+[-—–]\s+/u)[0] ?? text);
}

// ---------------------------------------------------------------------------------------------- noise

/** Page furniture of government sites, never report text. */
const PAGE_CHROME =
  /^(?:【?(?:打印|关闭|收藏|分享)|字号|浏览次数|阅读次数|访问量|索引号|信息来源|来源[:：]|发布(?:机构|日期|时间)[:：]|首页|当前位置|您当前的位置|扫一扫)/u;
/** Where the page's footer begins: nothing after it belongs to the report. */
const PAGE_FOOTER =
  /^(?:版权所有|主办单位|主办[:：]|承办单位|网站标识码|网站地图|联系我们|关于我们|.*ICP备|.*公网安备|上一篇|下一篇|相关(?:链接|文章|阅读))/u;
/** A short line without sentence punctuation: part of a title set over several lines. */
const TITLE_LINE = /^[^。；！？!?]{1,40}$/u;
/** A heading line naming the report, even when no agency or year can be read from it. */
const TITLE_LIKE = /^[^。，；！？]{0,40}(?:年度报告|工作报告)[^。，；！？]{0,10}$/u;
/** The template's placeholders. */
const PLACEHOLDER = /^[（(]\s*文字描述.*[)）]$/u;
const PAGE_DATE = /(?:发布(?:日期|时间)|成文日期|日期)[:：]\s*(.+)$/u;

/** A line that can be the agency of a signature block: short, no sentence punctuation. */
function agencyLike(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 40 && !/[。，；：:,;！？!?]/u.test(t) && !/\d{4}/u.test(t) && matchHeading(t) === null;
}

// ---------------------------------------------------------------------------------------------- outline

type Title = Outline["title"];
type Signature = Outline["signature"];
/** A paragraph with its place among all blocks. */
interface Placed {
  readonly block: ParagraphBlock;
  readonly index: number;
}

export function readOutline(blocks: readonly Block[]): Outline {
  const paragraphs = blocks.flatMap((block, index) => (block.kind === "paragraph" ? [{ block, index }] : []));
  const end = footerStart(blocks.length, paragraphs);
  // Signature: the last date among the last few paragraphs, and the agency line above it (or before it on the line).
  const body = paragraphs.filter((p) => p.index < end && p.block.role !== "pageTitle");
  const inTableSection = tableSectionIndexes(blocks, end);
  const { title, titleEnd } = findTitle(body, paragraphs);
  const tail = body.filter((p) => !inTableSection.has(p.index));
  const { signature, signatureIndexes } = findSignature(tail, title, titleEnd);
  const skip = (index: number) => index <= titleEnd || signatureIndexes.has(index);
  const { sections, headings, tables, preface, pageDate } = readSections(blocks, end, title, titleEnd, skip);
  const prose = paragraphs.filter((p) => p.index < end).map((p) => p.block.text);
  return { title, preface, sections, headings, signature, pageDate, tables, text: prose.join("\n") };
}

/** Where the document's footer starts (web pages): the signature is searched before it. */
function footerStart(count: number, paragraphs: readonly Placed[]): number {
  for (const { block, index } of paragraphs) {
    if (index > 0 && PAGE_FOOTER.test(block.text.trim())) return index;
  }
  return count;
}

/**
 * The signature follows the text: paragraphs under a table section's heading (a workbook puts its
 * table sheets after the text) and headings themselves are not where it is looked for.
 */
function tableSectionIndexes(blocks: readonly Block[], end: number): Set<number> {
  const inTableSection = new Set<number>();
  let section: SectionDef | null = null;
  for (let index = 0; index < end; index++) {
    const block = blocks[index]!;
    if (block.kind === "table") continue;
    const heading = matchHeading(block.text);
    if (heading) {
      section = heading;
      inTableSection.add(index);
    } else if (section?.kind === "table") inTableSection.add(index);
  }
  return inTableSection;
}

/**
 * Title: the first paragraph — or two or three short lines ending in one — that reads as the
 * report's title ("淮安市人民政府" / "2024 年政府信息公开工作年度报告"). When it names no agency, the
 * short lines above it are tried as the agency's. `titleEnd` is the block index of its last line.
 */
function findTitle(body: readonly Placed[], paragraphs: readonly Placed[]): { title: Title; titleEnd: number } {
  let title: Title = null;
  let titleEnd = -1;
  const titleSearch = body.slice(0, 60);
  const lineOf = (k: number) => titleSearch[k]!.block.text.trim();
  // A title without an agency (a page's own title line above the report's) is kept while the lines
  // below are searched for the same title with its agency ("盐边县新九镇人民政府" / "关于2021年度…").
  for (let e = 0; e < titleSearch.length && !title?.agency; e++) {
    if (matchHeading(lineOf(e))) break;
    const here = titleEndingAt(
      e,
      titleSearch.slice(0, e + 1).map((p) => p.block.text.trim()),
    );
    if (!here) continue;
    if (!title) {
      title = here;
      titleEnd = titleSearch[e]!.index;
    } else if (here.agency && TITLE_LINE.test(lineOf(e)) && (here.year === title.year || title.year === null)) {
      title = here;
      titleEnd = titleSearch[e]!.index;
    }
  }
  if (!title) {
    const page = paragraphs.find((p) => p.block.role === "pageTitle");
    const parsed = page ? parsePageTitle(page.block.text) : null;
    if (parsed) title = { ...parsed, text: page!.block.text };
  }
  return { title, titleEnd };
}

/** The title whose last line is line `e` of `lines` (trimmed), joined with up to two short lines above. */
function titleEndingAt(e: number, lines: readonly string[]): Title {
  let here: Title = null;
  for (let n = 0; n <= 2 && e - n >= 0 && !here; n++) {
    if (n > 0 && !TITLE_LINE.test(lines[e - n]!)) break;
    const joined = lines.slice(e - n, e + 1).join("");
    const parsed = parseTitle(joined);
    if (!parsed) continue;
    here = { ...parsed, text: joined };
    let above = joined;
    for (let m = n + 1; m <= n + 2 && !here.agency && e - m >= 0; m++) {
      if (!agencyLike(lines[e - m]!)) break;
      above = lines[e - m]! + above;
      const withAgency = parseTitle(above);
      if (withAgency?.agency) here = { ...withAgency, text: above };
    }
  }
  return here;
}

/** The signature among the last paragraphs of the text, and the block indexes it takes up. */
function findSignature(tail: readonly Placed[], title: Title, titleEnd: number): { signature: Signature; signatureIndexes: Set<number> } {
  const signatureIndexes = new Set<number>();
  let signature: Signature = { agency: null, date: null, dateText: null };
  for (let k = tail.length - 1; k >= Math.max(0, tail.length - 6); k--) {
    const text = tail[k]!.block.text.trim();
    // The agency's name alone closes an undated signature: a date above it belongs to the text.
    if (title?.agency && agencyLike(text) && sameAgencyName(text, title.agency)) break;
    const date = parseDate(text);
    if (!date || text.length > date.match.length + 40) continue;
    const before = text.slice(0, date.index).trim();
    const after = text.slice(date.index + date.match.length).trim();
    if (after.replace(/[。.\s]/gu, "")) continue;
    signatureIndexes.add(tail[k]!.index);
    let agency: string | null = before && agencyLike(before) ? before : null;
    if (!agency && k > 0 && agencyLike(tail[k - 1]!.block.text)) {
      agency = tail[k - 1]!.block.text.trim();
      signatureIndexes.add(tail[k - 1]!.index);
    }
    signature = { agency, date: date.date, dateText: date.match };
    break;
  }

  // A signature without a date is the agency's name alone on the last line.
  const last = tail[tail.length - 1];
  if (
    !signature.date &&
    last &&
    last.index > titleEnd &&
    title?.agency &&
    agencyLike(last.block.text) &&
    sameAgencyName(last.block.text, title.agency)
  ) {
    signature = { agency: last.block.text.trim(), date: null, dateText: null };
    signatureIndexes.add(last.index);
  }
  return { signature, signatureIndexes };
}

/**
 * The text sections, the preamble, the tables with the section that announces each, and a date the
 * page states — everything before `end` except the title and the signature (`skip`).
 */
function readSections(blocks: readonly Block[], end: number, title: Title, titleEnd: number, skip: (index: number) => boolean) {
  const sections: Record<TextSectionKey, string[]> = { overview: [], problems: [], other: [] };
  const headings = new Set<string>();
  const tables: OutlineTable[] = [];
  let caption: string[] = [];
  let announced: string | null = null;
  const preface: string[] = [];
  let pageDate: Outline["pageDate"] = null;
  let current: string | null = "preface";
  for (let index = 0; index < end; index++) {
    const block = blocks[index]!;
    if (block.kind === "table") {
      tables.push({ block, sectionTable: announced, caption });
      caption = [];
      // A table closes a text section: what follows it belongs to the table's section until a heading.
      if (current !== "preface") current = null;
      continue;
    }
    if (block.role === "pageTitle" || skip(index)) continue;
    const text = block.text.trim();
    if (PAGE_CHROME.test(text)) {
      const stated = PAGE_DATE.exec(text);
      const date = stated ? parseDate(stated[1]!) : null;
      if (date && !pageDate) pageDate = { date: date.date, text };
      continue;
    }
    if (PLACEHOLDER.test(text)) continue;
    const heading = matchHeading(text);
    // Short lines inside a table's section caption the table that follows them.
    caption = !heading && announced && text.length <= CAPTION_MAX ? [...caption, text] : [];
    if (heading) {
      current = heading.key;
      announced = heading.table ?? null;
      headings.add(heading.key);
      continue;
    }
    if (current === "preface") {
      // Before the title, a web page has its navigation; only what follows the title is preamble.
      // Without a title, a line that names the report ("…年度报告格式模板") is a title all the same.
      if (title === null && TITLE_LIKE.test(text)) continue;
      if (title === null || index > titleEnd) preface.push(text);
    } else if (current === "overview" || current === "problems" || current === "other") sections[current].push(text);
  }
  return { sections, headings, tables, preface, pageDate };
}
