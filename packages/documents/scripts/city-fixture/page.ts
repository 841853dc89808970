/**
 * The city fixture's page and type: A4 with the original's margins and line pitch, the faces it names,
 * and text set in runs the way Word and WPS set it (see make-city-fixture.ts).
 */
import { type IFontAttributesProperties, TextRun } from "docx";
import { FONTS as OFFICIAL_FONTS } from "../../src/export/gbt9704";

/** Points to twips. */
export const pt = (points: number) => Math.round(points * 20);

/** A4 with 26 mm sides, so that a line holds 28 characters of 16 pt text (448 pt), as the original's do. */
export const PAGE = { width: 11906, height: 16838 } as const;
export const TEXT_WIDTH = pt(448);
export const MARGINS = { top: pt(80), bottom: pt(68), left: (PAGE.width - TEXT_WIDTH) / 2, right: (PAGE.width - TEXT_WIDTH) / 2 };
export const FOOTER_DISTANCE = pt(30);
export const LINE = pt(28);

/** The official faces of the Word export, and the ones the city's PDF sets its tables and figures in. */
export const FONTS = { ...OFFICIAL_FONTS, table: "宋体", latin: "Times New Roman" } as const;

export function font(eastAsia: string, latin: string = FONTS.latin): IFontAttributesProperties {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia };
}

/**
 * Text as runs, digits and Latin letters in runs of their own set in the Latin face (for every script
 * slot): LibreOffice would otherwise set digits beside Chinese in the Chinese face, where Word and WPS,
 * which made the original, set them in Times New Roman, a font of its own in the PDF.
 */
export function runs(text: string, eastAsia: string, options: { size?: number; bold?: boolean } = {}): TextRun[] {
  return (text.match(/[\x21-\x7e]+|[^\x21-\x7e]+/gu) ?? []).map(
    (part) =>
      new TextRun({
        text: part,
        font: /^[\x21-\x7e]/u.test(part) ? font(FONTS.latin, FONTS.latin) : font(eastAsia),
        ...options,
      }),
  );
}

/**
 * A label set one character a line (a character and the punctuation after it share a line, "三、"),
 * in a column just wide enough for that pair. `size` in half-points.
 */
export function verticalRuns(text: string, eastAsia: string, size: number): TextRun[] {
  return (text.match(/.[、，。：；]?/gu) ?? []).map(
    (line, i) => new TextRun({ text: line, font: font(eastAsia), size, ...(i ? { break: 1 } : {}) }),
  );
}
