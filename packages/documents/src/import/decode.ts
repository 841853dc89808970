/**
 * Bytes to text for text-like sources. Chinese government sites and older Windows tools still write
 * GBK/GB 18030, so a file that is not valid UTF-8 is read as GB 18030 (a superset of GBK and GB2312).
 */

/** The text, or null when the bytes are not valid in this encoding (or the runtime lacks it: no full ICU). */
function tryDecode(label: string, data: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(data);
  } catch {
    return null;
  }
}

/** Control characters other than tab, newlines and form feed: a sign of binary data. */
function looksBinary(text: string): boolean {
  let control = 0;
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
    if (code === 0xfffd) control++;
  }
  return control > sample.length / 100;
}

/** The text of a text-like file, or null when the bytes are not text in any encoding tried. */
export function decodeText(data: Uint8Array): string | null {
  let text: string | null = null;
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) text = tryDecode("utf-8", data.subarray(3));
  else if (data[0] === 0xff && data[1] === 0xfe) text = tryDecode("utf-16le", data.subarray(2));
  else if (data[0] === 0xfe && data[1] === 0xff) text = tryDecode("utf-16be", data.subarray(2));
  else text = tryDecode("utf-8", data) ?? tryDecode("gb18030", data);
  if (text === null || looksBinary(text)) return null;
  return text;
}
