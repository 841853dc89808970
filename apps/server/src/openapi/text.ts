/** The prose of the OpenAPI document: what every procedure shares (auth, errors, limits). */

export const INFO = {
  title: "年报 nianbao API",
  summary: "政府信息公开工作年度报告的编写、校验、汇总与发布",
  description: [
    "nianbao 的全部接口。接口是 tRPC 的 HTTP 形式，使用纯 JSON（无转换器），任何 HTTP 客户端都能调用：",
    "",
    "- **查询**：`GET /trpc/<接口名>?input=<URL 编码的 JSON>`；没有输入的查询可省略 `input`。",
    "- **变更**：`POST /trpc/<接口名>`，请求体为 JSON（`content-type: application/json`，其他类型返回 415）。",
    '- **成功**：HTTP 200，`{"result":{"data":…}}`。',
    '- **失败**：HTTP 4xx/5xx，`{"error":{"message":"…","code":-32600,"data":{"code":"BAD_REQUEST","httpStatus":400,"path":"…","fieldErrors":[…],"findings":[…]}}}`。',
    "  `fieldErrors` 只随 400 返回，逐字段（报告单元格附规范编号）说明；`findings` 是拒绝原因所在的校验结果。",
    "- **认证**：服务调用使用 `Authorization: Bearer nbk_…`（管理员以 `tokens.create` 创建，限定组织范围与角色）；浏览器使用登录后的会话 Cookie。",
    "- **语言**：消息默认中文，`Accept-Language: en` 时为英文。时间一律为 ISO 8601 字符串。",
    "- **安全重试**：变更可带 `Idempotency-Key` 请求头，网络错误后以同一幂等键重发不会重复执行。",
    "- **合理使用**：每个 API 令牌默认每分钟平均 600 次、突发 120 次（按服务器实例计），超出返回 429 与 `Retry-After`。",
    "",
    "接入说明（门户自动发布、统计系统拉取汇总，含 curl、TypeScript、Python 示例）见仓库的 docs/INTEGRATION.md。",
  ].join("\n"),
  license: { name: "MIT", identifier: "MIT" },
};

export const SECURITY_SCHEMES = {
  bearerToken: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "nbk_…",
    description:
      "API 令牌（管理员以 tokens.create 创建，只显示一次）。令牌限定一个组织及其下级，并带一个角色；创建者失去该角色时令牌只能查阅。",
  },
  sessionCookie: { type: "apiKey", in: "cookie", name: "nianbao_session", description: "浏览器会话（auth.login 设置的 HttpOnly Cookie）" },
};

const error = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const retryAfter = { "Retry-After": { description: "多少秒后可以重试", schema: { type: "integer", minimum: 1 } } };

export const ERROR_RESPONSES = {
  "400": error("输入有误（BAD_REQUEST）：data.fieldErrors 逐字段说明，报告文档有误时 data.findings 给出校验结果"),
  "401": error("未登录或令牌无效（UNAUTHORIZED）"),
  "403": error("角色不允许，或目标不在调用者的组织范围内（FORBIDDEN）"),
  "404": error("目标不存在（NOT_FOUND）"),
  "409": error("冲突（CONFLICT）：保存所依据的修订版本已过时；或同一幂等键的请求仍在处理中（带 Retry-After）", retryAfter),
  "412": error("当前状态不允许（PRECONDITION_FAILED），如提交时仍有错误或未说明的警告：data.findings 列出原因"),
  "422": error("同一 Idempotency-Key 已用于另一个请求（UNPROCESSABLE_CONTENT）"),
  "429": error(
    "请求过于频繁（TOO_MANY_REQUESTS）：令牌超出调用频率（带 Retry-After 响应头），或登录失败过多须等待；data.retryAfterSeconds 给出等待秒数",
    retryAfter,
  ),
  "500": error("服务器内部错误（INTERNAL_SERVER_ERROR），不含任何内部细节"),
};
