/**
 * @nianbao/api — the tRPC router of nianbao. Hosts (the Fastify server, the admin app) import the
 * router and the context builders; tests call procedures through `createCaller`.
 */
export { appRouter, createCaller, type AppRouter } from "./root";
export { createCallerFactory } from "./trpc";
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
export { type ErrorData, type FieldError } from "./errors";
export { findingKey, chinaToday } from "./findings";
export { availableActions, STEPS, type Step } from "./workflow";
export { hashPassword } from "./secrets";
export { actorFromUser } from "./services/accounts";
export { EXPORT_FORMATS, type ExportFormat } from "./services/documents";
export { seedDemo, type SeedOptions, type SeedResult } from "./seed/demo";
export { DEFAULT_WEBHOOK_SETTINGS, newWorkerName, runWebhookPass, sendWebhook, webhookRetryDelay, type WebhookPassResult, type WebhookSettings } from "./services/webhooks-delivery";
