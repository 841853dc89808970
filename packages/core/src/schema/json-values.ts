/**
 * Saying what is wrong with a JSON value that a schema refused: the value at an issue's path, and
 * the name of the JSON type the schema expected, in the user's language. Shared by the validator's
 * findings and the CLI's one-line refusals so both say it the same way.
 */
import type { Lang } from "../i18n/index";

const JSON_TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  object: { zh: "对象", en: "an object" },
  string: { zh: "字符串", en: "a string" },
  number: { zh: "数字", en: "a number" },
  boolean: { zh: "布尔值", en: "true or false" },
  array: { zh: "数组", en: "an array" },
};

/** "数字" / "a number" for zod's expected type `number`; an unknown type is named as zod names it. */
export function jsonTypeName(expected: string, lang: Lang): string {
  return JSON_TYPE_NAMES[expected]?.[lang] ?? expected;
}

/** The value at `path` inside `input`, or undefined where the path leaves the value. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
