/**
 * @nianbao/db — organisations, users, sessions, tokens, reports with every revision, workflow events,
 * explanations, publications and the audit log, on SQLite (default) or PostgreSQL through Drizzle.
 * Query functions take the database first; nothing connects until `createDb` is called.
 */
export {
  createDb,
  isPostgresUrl,
  isUniqueViolation,
  type Database,
  type DbConfig,
  type Dialect,
  type Executor,
  type Tables,
  type Tx,
} from "./client";
export * from "./domain";
export { DomainError, type DomainErrorKind, type DomainReason } from "./errors";
export { isCheckedDocument, markCheckedDocument, parseStoredDocument, serializeDocument } from "./documents";
export * from "./queries/audit";
export * from "./queries/organisations";
export * from "./queries/users";
export * from "./queries/sessions";
export * from "./queries/tokens";
export * from "./queries/login-attempts";
export * from "./queries/reports";
export * from "./queries/explanations";
export * from "./queries/publications";
export * from "./queries/idempotency-keys";
export * from "./queries/webhooks";
export * from "./queries/webhook-outbox";
export * from "./queries/rollups";
export * from "./queries/rollup-reads";
