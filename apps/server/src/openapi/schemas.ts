/**
 * The shapes the OpenAPI document needs beyond the procedures' own schemas: the tRPC envelopes
 * around an answer and an error. The error's `data` is the router's ErrorData (packages/api
 * errors.ts); the type check at the bottom keeps the two from drifting apart.
 */
import type { ErrorData } from "@nianbao/api";
import { findingSchema } from "@nianbao/core";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { z } from "zod";

const errorCodes = Object.keys(TRPC_ERROR_CODES_BY_KEY) as [
  keyof typeof TRPC_ERROR_CODES_BY_KEY,
  ...(keyof typeof TRPC_ERROR_CODES_BY_KEY)[],
];

const fieldErrorSchema = z
  .object({
    path: z.string().meta({ description: "输入中的字段路径，如 document.tables.applications.newReceived.natural" }),
    cell: z.string().optional().meta({ description: "字段是报告表格单元格时，其规范单元格编号" }),
    message: z.string().meta({ description: "该字段的问题（中文；Accept-Language: en 时为英文）" }),
  })
  .meta({ description: "一个字段的错误" });

const errorDataSchema = z.object({
  code: z.enum(errorCodes).meta({ description: "错误类别（tRPC 错误码名称）" }),
  httpStatus: z.number().int(),
  path: z.string().optional().meta({ description: "出错的接口（过程）名" }),
  fieldErrors: z.array(fieldErrorSchema).optional().meta({ description: "仅 400：逐字段说明，最多 50 条" }),
  fieldErrorsOmitted: z.number().int().optional().meta({ description: "超出 50 条而未列出的字段错误数" }),
  findings: z.array(findingSchema).optional().meta({ description: "拒绝的原因所在的校验结果（如提交时仍有错误），最多 50 条" }),
  findingsOmitted: z.number().int().optional(),
  retryAfterSeconds: z.number().int().optional().meta({ description: "429（及 409 处理中）时：多少秒后可重试" }),
});

export const errorBodySchema = z
  .object({
    error: z.object({
      message: z.string().meta({ description: "一句话的错误说明（默认中文）" }),
      code: z.number().int().meta({ description: "JSON-RPC 错误码（如 -32600）" }),
      data: errorDataSchema,
    }),
  })
  .meta({
    description: "所有错误（包括限流与幂等键的拒绝）的响应体",
    examples: [
      {
        error: {
          message: "第二十条第（一）项 / 规章 / 本年制发件数（activeDisclosure.regulations.issued）：不得小于0",
          code: -32600,
          data: {
            code: "BAD_REQUEST",
            httpStatus: 400,
            path: "reports.update",
            fieldErrors: [
              {
                path: "document.tables.activeDisclosure.regulations.issued",
                cell: "activeDisclosure.regulations.issued",
                message: "第二十条第（一）项 / 规章 / 本年制发件数（activeDisclosure.regulations.issued）：不得小于0",
              },
            ],
          },
        },
      },
    ],
  });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when ErrorData and its schema here say different things. */
const _errorDataMatches: Same<z.infer<typeof errorDataSchema>, ErrorData> = true;
