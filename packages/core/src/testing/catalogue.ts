/**
 * What a message catalogue must hold, for the catalogue tests of every package: each key has a zh-CN
 * and an English text, neither empty, with the same `{placeholders}` unless the catalogue says why not.
 */
type Catalogue = Record<string, { zh: string; en: string }>;

function placeholders(template: string): string {
  return [...template.matchAll(/\{(\w+)\}/g)]
    .map((match) => match[1])
    .sort()
    .join(",");
}

/** The problems of a catalogue, one line each; `differing` names the keys whose languages take different parameters. */
export function catalogueProblems(catalogue: Catalogue, differing: readonly string[] = []): string[] {
  const problems: string[] = [];
  for (const [key, texts] of Object.entries(catalogue)) {
    if (Object.keys(texts).join() !== "zh,en") problems.push(`${key}: languages ${Object.keys(texts).join()}, not zh,en`);
    if (!texts.zh.trim() || !texts.en.trim()) problems.push(`${key}: an empty text`);
    const same = placeholders(texts.zh) === placeholders(texts.en);
    if (!same && !differing.includes(key)) problems.push(`${key}: zh takes {${placeholders(texts.zh)}}, en {${placeholders(texts.en)}}`);
    if (same && differing.includes(key)) problems.push(`${key}: listed as differing, but both take {${placeholders(texts.zh)}}`);
  }
  return problems;
}
