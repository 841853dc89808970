/**
 * Reports in Traditional characters (mirrors of some sites) are matched against the form's labels
 * after a conversion to Simplified; the text itself is kept as published. This is the one conversion
 * point: a small table of the characters the form's labels, headings, titles and stated periods use,
 * one character for one, so that a position in the converted text is the same position in the
 * original. A full converter (opencc-js, when it is a dependency) plugs in by replacing `convert`.
 */

// Pairs of Traditional → Simplified, written as one string of pairs.
const PAIRS =
  "開开報报與与資资訊讯務务條条國国級级縣县門门關关動动況况請请處处議议訟讼問问題题進进還还應应當当責责結结項项規规範范" +
  "發发數数對对減减負负許许決决罰罚強强費费購购額额萬万據据係系為为組组織织計计業业構构護护轉转區区這这屬属祕秘穩稳權权" +
  "類类過过執执詢询沒没現现補补確确訪访訴诉複复復复認认獲获繼继續续維维審审經经實实際际點点廢废單单繳缴納纳嚴严遺遗領领" +
  "導导準准變变學学廳厅體体臺台設设監监舉举製制內内總总種种環环態态漢汉鎮镇黨党辦办聯联統统時时機机產产證证徵征給给獎奖" +
  "於于劃划個个歷历紀纪錄录會会號号書书稱称圍围園园衛卫積积極极佈布華华東东陽阳廣广雲云貴贵遼辽寧宁蘇苏陝陕圖图營营採采" +
  "糾纠無无際际週周視视頻频網网絡络傳传寫写辭辞輯辑稅税財财務务價价險险醫医療疗養养勞劳獨独並并衆众眾众間间廈厦莊庄協协" +
  "歸归團团場场勢势戶户鄉乡樓楼熱热線线龍龙鳳凤濟济億亿";

const TABLE = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) TABLE.set(PAIRS[i]!, PAIRS[i + 1]!);

/**
 * Words some mirrors convert by region rather than by character ("文件" shown as "檔案"), as pairs of
 * equal length so positions still line up.
 */
const WORDS: readonly (readonly [RegExp, string])[] = [[/檔案/gu, "文件"]];

/** Pinyin a mirror writes after characters ("制發(fā)件數(shù)"): noise, dropped before matching. */
const PINYIN_NOTE = /(?<=\p{Script=Han})[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}[)）]/gu;

export function dropPinyinNotes(text: string): string {
  return text.replace(PINYIN_NOTE, "");
}

/** The text in Simplified characters for matching, one character for one (no pinyin notes removed). */
export function convert(text: string): string {
  let out = "";
  for (const ch of text) out += TABLE.get(ch) ?? ch;
  for (const [pattern, simplified] of WORDS) out = out.replace(pattern, simplified);
  return out;
}

/** Text as the form's labels are matched: pinyin notes dropped, Traditional characters converted. */
export function forMatching(text: string): string {
  return convert(dropPinyinNotes(text));
}
