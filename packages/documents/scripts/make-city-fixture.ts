/**
 * Makes the city report fixture the import tests read: spec/fixtures/city-2024-government.pdf and its
 * `pdftotext -layout` text, spec/fixtures/city-2024-government.layout.txt.
 *
 * What it reproduces: the LAYOUT and the FIGURES of a published report, 淮安市人民政府《2024年政府信息
 * 公开工作年度报告》 (a PDF made with WPS): its title and agency, the section headings of the official
 * 2021 format, the three statistical tables with every published figure, their merged header cells,
 * the narrow label columns that wrap long row labels over several lines, the vertical label
 * 三、本年度办理结果 printed one character a line in a tall merged cell, "- 5 -" page numbers on the outer
 * side, and the page breaks that matter to an importer: one cuts table 二, one puts a page number among
 * table 三's rows, one cuts a paragraph of section 五. Like the original, it has no signature block and
 * no publication date.
 *
 * What it does not reproduce: the prose. Every sentence of the narrative sections (the preamble apart
 * from the standard formula of the statistical period, 一, 五 and 六) is new text written for this
 * fixture, of about the original's length and structure. The figures and the table labels are facts
 * of the report and of the official format.
 *
 * Run from the root: `pnpm --filter @nianbao/documents fixture:city` (KEEP_DOCX=/some/file.docx also
 * keeps the Word file). Needs LibreOffice, poppler-utils, fonts-noto-cjk and fonts-dejavu-core: the faces
 * the document names (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体, 宋体, Times New Roman) are mapped to
 * Noto CJK as in scripts/preview.ts and to DejaVu Serif, so the layout does not depend on which faces
 * a machine happens to have. Re-running gives the same text; the PDF's bytes may differ (LibreOffice
 * writes its timestamps and a document id).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from "docx";
import { FONTS, font, FOOTER_DISTANCE, LINE, MARGINS, PAGE, pt, runs } from "./city-fixture/page";
import { activeDisclosure, applications, reviewLitigation } from "./city-fixture/tables";
import { fontAlias, hasCommand, officeToPdf, previewFontConfig, writeFontConfig } from "./preview";

const OUT = fileURLToPath(new URL("../../../spec/fixtures/", import.meta.url));
const NAME = "city-2024-government";

// ------------------------------------------------------------------------------------------- the prose

const TITLE = ["淮安市人民政府", "2024年政府信息公开工作年度报告"];

/**
 * The narrative, written for this fixture. A paragraph starting with "（一）…。" has its heading
 * sentence set in 楷体, as the original sets it. Its length places the page breaks where the
 * original's fall (after 第二十条 第（六）项, after （四）无法提供's first row, after the first line of 五):
 * after editing it, look at the layout text again.
 */
const PREAMBLE = [
  "本报告依照《中华人民共和国政府信息公开条例》（以下简称《条例》）和政府信息公开工作年度报告格式的有关要求，由淮安市人民政府办公室汇总全市情况后编写。报告所列统计期限自2024年1月1日至2024年12月31日。本报告全文在淮安市人民政府门户网站“政府信息公开”专栏发布，社会公众对报告内容如有疑问，可向淮安市人民政府办公室咨询。",
];

const OVERVIEW = [
  "2024年，市政府把政务公开摆在推进法治政府建设的重要位置，围绕全市中心工作和群众关切，持续完善公开制度、拓展公开渠道、提升公开质量，依法保障人民群众的知情权、参与权、表达权和监督权，全年政府信息公开工作平稳有序推进。",
  "（一）主动公开情况。全年通过市政府门户网站累计发布公开信息5500余条，新制定市政府规章1件，市政府及市政府办公室印发政策性文件11件，围绕重要政策配套发布文字、图表等多种形式的解读材料21篇，按期编印《淮安市人民政府公报》6期。聚焦稳就业、优环境、促创新等群众和企业普遍关心的话题，全年举办新闻发布会12场，由部门负责同志到场介绍政策要点、回答记者提问，及时释放权威信息，主动回应社会关注。同时，依托政府公报、政务新媒体等渠道同步推送重要政策文件，扩大政策的知晓面。",
  "（二）依申请公开情况。全年新收政府信息公开申请3119件，上年结转34件；办理完毕3050件，另有103件转入下一年度继续办理，所有申请均在法定期限内作出答复。办理中坚持能公开的尽量公开，对申请内容不明确的主动联系申请人，帮助其准确描述所需信息，减少因表述不清造成的反复申请；对涉及多个部门的申请，由市政府办公室牵头会商，统一答复口径。全年因政府信息公开引发行政复议351件，其中维持72件、纠正64件、其他结果178件、尚未审结37件；引发行政诉讼46件，其中维持25件、纠正5件、其他结果9件、尚未审结7件。",
  "（三）政府信息管理情况。严格执行公开前保密审查制度，信息发布前由承办科室初审、分管负责同志复核，做到未经审查不发布。全面梳理市政府门户网站历年公开的文件和栏目内容，对已失效、已废止的规范性文件及时作出标注，对栏目归属不清的信息重新归类，使公开目录更加清晰好用。对拟公开的规范性文件，同步审核其公开属性和解读材料，确保文件与解读同步发布。组织各地各部门逐项核对网上办事指南、申请表格和示范文本，发现要素缺失、表述不一致的当即更正，让群众办事少跑路、少走弯路。同时及时修订政府信息公开指南，方便公众了解申请渠道和办理流程。",
  "（四）政府信息公开平台建设情况。按照全省统一要求调整政务公开专栏结构，结合年度重点工作开设“设备更新和以旧换新”“助企纾困政策汇编”等专题，集中展示相关政策和办理进展。建立网站栏目常态化巡查机制，对长期不更新、解读材料晦涩难懂、留言回复不及时的栏目挂牌督办，整改情况纳入月度通报，督促责任单位限期完成。持续整治政务新媒体“僵尸号”“空壳号”，关停整合功能相近的账号，目前全市保留运营的政务新媒体95个，在全省四个季度的抽查中全部合格。",
  "（五）政府信息公开监督保障情况。对照省级政务公开监测指标，年内对各县区和市各部门的公开栏目开展全覆盖检查4轮，逐一反馈问题清单并形成评估报告。每季度对政务新媒体进行专项抽查，对发现的共性问题集中通报，对个性问题点对点督促整改。采取以案说法、现场演示等方式组织业务培训，帮助基层工作人员提升依法公开、规范答复的能力。将政务公开工作纳入年度综合考核，考核结果作为评先评优的重要参考。",
];

const PROBLEMS = [
  "回顾全年工作，我市政务公开虽然取得了一定成效，但与上级要求和群众期待相比仍有差距：一是部分单位的政策解读停留在罗列条文，图解、视频等群众喜闻乐见的形式运用不多；二是一些单位的政务公开工作人员多为兼职，岗位调整频繁，业务衔接不够顺畅。",
  "2025年，我市将从两方面加以改进：一方面，提高政策解读的针对性和可读性，鼓励各单位邀请专家学者、企业代表参与解读，多用案例说明政策如何适用，让群众一看就懂、一用就会；另一方面，加强政务公开队伍建设，推行岗位交接清单制度，新任人员上岗前参加集中培训，同时总结推广先进单位的经验做法，带动全市政务公开整体水平提升。",
];

const OTHER = ["2024年，我市按照《政府信息公开信息处理费管理办法》规定的标准和程序计收信息处理费，全年共计收取3940元。"];

function bodyParagraph(text: string): Paragraph {
  const second = /^（[一二三四五六七八九十]+）[^。]*。/u.exec(text);
  const children = second
    ? [...runs(second[0], FONTS.heading2, { bold: true }), ...runs(text.slice(second[0].length), FONTS.body)]
    : runs(text, FONTS.body);
  // No widow and orphan control: the original leaves single lines at the foot and head of a page.
  return new Paragraph({ children, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: pt(32) }, widowControl: false });
}

function headingParagraph(text: string, spaceBefore = 0): Paragraph {
  return new Paragraph({
    children: runs(text, FONTS.heading1),
    indent: { firstLine: pt(32) },
    spacing: { before: spaceBefore, line: LINE, lineRule: LineRuleType.EXACT },
    keepNext: true,
  });
}

function titleParagraph(): Paragraph {
  return new Paragraph({
    children: TITLE.flatMap((line, i) => [...(i ? [new TextRun({ break: 1 })] : []), ...runs(line, FONTS.title, { size: 44, bold: true })]),
    alignment: AlignmentType.CENTER,
    spacing: { before: pt(56), after: pt(56), line: pt(28), lineRule: LineRuleType.EXACT },
  });
}

// ------------------------------------------------------------------------------------------- the document

function pageNumberFooter(side: "odd" | "even"): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: { firstLine: 0 },
        children: [new TextRun({ children: ["- ", PageNumber.CURRENT, " -"], font: font(FONTS.table), size: 26 })],
      }),
    ],
  });
}

/** Space before the headings of 二 to 五, which stand over tables or follow one, as in the original. */
const AFTER_TABLE = pt(26);

function document(): Document {
  const body = { font: font(FONTS.body), size: 32, language: { value: "zh-CN", eastAsia: "zh-CN" } };
  const paragraph = { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } };
  return new Document({
    title: TITLE.join(""),
    creator: "nianbao",
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: body, paragraph } },
      paragraphStyles: [{ id: "Normal", name: "Normal", run: body, paragraph }],
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { ...MARGINS, header: pt(42), footer: FOOTER_DISTANCE, gutter: 0 },
          },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: [
          titleParagraph(),
          ...PREAMBLE.map(bodyParagraph),
          headingParagraph("一、总体情况"),
          ...OVERVIEW.map(bodyParagraph),
          headingParagraph("二、主动公开政府信息情况", AFTER_TABLE),
          activeDisclosure(),
          headingParagraph("三、收到和处理政府信息公开申请情况", AFTER_TABLE),
          applications(),
          headingParagraph("四、政府信息公开行政复议、行政诉讼情况", AFTER_TABLE),
          reviewLitigation(),
          headingParagraph("五、存在的主要问题及改进情况", AFTER_TABLE),
          ...PROBLEMS.map(bodyParagraph),
          headingParagraph("六、其他需要报告的事项"),
          ...OTHER.map(bodyParagraph),
        ],
      },
    ],
  });
}

/** scripts/preview.ts's mapping of the Chinese faces, and Times New Roman to DejaVu Serif. */
function fontConfig(dir: string): string {
  return writeFontConfig(join(dir, "fixture-fonts.conf"), [
    `  <include ignore_missing="no">${previewFontConfig(dir)}</include>`,
    fontAlias(FONTS.latin, "DejaVu Serif"),
  ]);
}

async function main(): Promise<void> {
  for (const command of ["libreoffice", "pdftotext"]) {
    if (!hasCommand(command)) throw new Error(`${command} is not installed`);
  }
  const work = mkdtempSync(join(tmpdir(), "nianbao-city-fixture-"));
  try {
    const env = { ...process.env, FONTCONFIG_FILE: fontConfig(work) };
    const docx = join(work, `${NAME}.docx`);
    writeFileSync(docx, await Packer.pack(document(), "uint8array"));
    if (process.env.KEEP_DOCX) copyFileSync(docx, process.env.KEEP_DOCX);
    const pdf = officeToPdf(docx, join(work, "pdf"), env);
    const target = join(OUT, `${NAME}.pdf`);
    copyFileSync(pdf, target);
    const layout = execFileSync("pdftotext", ["-layout", target, "-"], { encoding: "utf8" });
    writeFileSync(join(OUT, `${NAME}.layout.txt`), layout);
    process.stdout.write(`${target}  ${(statSync(target).size / 1024).toFixed(0)} KiB\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
