/**
 * The first look at every procedure's raw input, before any schema or rule sees it: bounded nesting,
 * a bounded number of values, and no character a database column or Word's XML cannot hold (core's
 * `unsafeCharacterIn`). One walk, without recursion, so a hostile input cannot exhaust the stack.
 */
import { type Lang, unsafeCharacterIn } from "@nianbao/core";
import { z } from "zod";

const INPUT_LIMITS = {
  /** A report document nests five levels deep inside a procedure's input; 32 leaves ample room. */
  depth: 32,
  /** Values and keys counted together: a full report has under 2,000. */
  values: 50_000,
} as const;

export interface InputProblem {
  path: (string | number)[];
  message: Record<Lang, string>;
}

const characterMessage = (where: "value" | "key", code: string): Record<Lang, string> =>
  where === "value"
    ? { zh: `含有不允许的控制字符（${code}）`, en: `contains a character that is not allowed (${code})` }
    : { zh: `字段名含有不允许的控制字符（${code}）`, en: `has a field name with a character that is not allowed (${code})` };

/** What is wrong with an input as a whole, or null. Stops at the first problem. */
export function inputProblem(input: unknown): InputProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  let values = 0;
  // Children are counted as they are queued, so one huge array is refused before it is walked.
  const tooMany = (more: number) => values + stack.length + more > INPUT_LIMITS.values;
  while (stack.length) {
    const { value, path } = stack.pop()!;
    values++;
    if (typeof value === "string") {
      const code = unsafeCharacterIn(value);
      if (code) return { path, message: characterMessage("value", code) };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (path.length >= INPUT_LIMITS.depth) {
      return { path, message: { zh: `嵌套超过${INPUT_LIMITS.depth}层`, en: `nested deeper than ${INPUT_LIMITS.depth} levels` } };
    }
    const size = Array.isArray(value) ? value.length : Object.keys(value).length;
    if (tooMany(size))
      return {
        path: [],
        message: { zh: `输入过大：超过${INPUT_LIMITS.values}个值`, en: `input too large: over ${INPUT_LIMITS.values} values` },
      };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const code = unsafeCharacterIn(key);
      if (code) return { path, message: characterMessage("key", code) };
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}

/**
 * The problem as a zod error, so that it reaches the client as every other field error does. Made
 * by a parse rather than `new ZodError`: only a parse's error is an `Error`, which tRPC keeps as the cause.
 */
export function inputProblemError(problem: InputProblem, lang: Lang): z.ZodError {
  const failing = z.unknown().superRefine((_, ctx) => ctx.addIssue({ code: "custom", path: problem.path, message: problem.message[lang] }));
  return failing.safeParse(undefined).error!;
}
