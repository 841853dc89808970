/** Naming report cells for people: the labels from the format, outermost header first. */
import { type FormatVersion, getFormat, type Lang } from "@nianbao/core";

export function cellLabel(version: FormatVersion, cellId: string, lang: Lang): string {
  const cell = getFormat(version).cellById.get(cellId);
  return cell ? cell.labelPath.map((l) => l[lang]).join(" / ") : cellId;
}
