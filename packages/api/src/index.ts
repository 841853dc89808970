/**
 * @nianbao/api — the tRPC router of nianbao. Hosts (the Fastify server, the admin app) import the
 * router and the context builders; tests call procedures through `createCaller`.
 */
export { appRouter, createCaller, type AppRouter } from "./root";
// authedProcedure and router: for a host that measures the API against a procedure of its own (the load benchmark).
export { authedProcedure, createCallerFactory, router } from "./trpc";
export {
  createContextInner,
  DEFAULT_CONFIG,
  type Actor,
  type ApiConfig,
  type Context,
  type InnerContextOptions,
  type Logger,
  type PasswordHashing,
  type RequestMeta,
  type SessionSink,
} from "./context";
export { createHttpContext, langFrom, resolveActor, SESSION_COOKIE, type HttpContextOptions } from "./http-context";
export { type ErrorData, type FieldError } from "./error-format";
export { findingKey, chinaToday } from "./findings";
export { availableActions, STEPS, type Step } from "./workflow";
export { hashPassword } from "./secrets";
export { actorFromUser } from "./services/accounts";
export { EXPORT_FORMATS, type ExportFormat } from "./services/documents";
/** The workflow as plain functions, for callers that act without a request (the demo seed). */
export { createDraft, importFile, saveDraft, takeStep, validateForRevision, type Caller } from "./services/reports";
export {
  DEFAULT_WEBHOOK_SETTINGS,
  newWorkerName,
  runWebhookPass,
  sendWebhook,
  webhookRetryDelay,
  type WebhookPassResult,
  type WebhookSettings,
} from "./services/webhooks-delivery";
